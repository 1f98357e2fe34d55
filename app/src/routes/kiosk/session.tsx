import { keepPreviousData, useQuery } from '@tanstack/solid-query';
import { createEffect, createMemo, createSignal, lazy, Match, onCleanup, Show, Switch } from 'solid-js';
import type { CartLine } from '#lib/guest/cart.ts';
import { changeLocale, currentLocale } from '#lib/i18n/locale.ts';
import type { KioskMenu, KioskOrderType } from '#lib/kiosk/api.ts';
import type { KioskPlaceOrderPayload } from '#lib/kiosk/commands.ts';
import { setCustomerFacing } from '#lib/kiosk/customer-facing.ts';
import { type KioskPairing, takeProvisionalCode } from '#lib/kiosk/device.ts';
import { idlePhase, promptSecondsFor } from '#lib/kiosk/idle.ts';
import { type Placed, readPlaced, storePlaced } from '#lib/kiosk/placed.ts';
import { kioskKeys, kioskMenuQueryOptions } from '#lib/kiosk/queries.ts';
import { OutboxStorageError } from '#lib/outbox/types.ts';
import { invalidate } from '#lib/query.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';
import { online, outbox } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import { AttractScreen } from './attract.tsx';

// The attract screen is all a kiosk shows at first; the menu, the review and the confirmation
// load right after it (prefetched below), so the first download stays small.
const loadMenu = () => import('./menu-screen.tsx');
const loadReview = () => import('./review-screen.tsx');
const loadConfirmation = () => import('./confirmation.tsx');
const MenuScreen = lazy(() => loadMenu().then((module) => ({ default: module.MenuScreen })));
const ReviewScreen = lazy(() => loadReview().then((module) => ({ default: module.ReviewScreen })));
const Confirmation = lazy(() => loadConfirmation().then((module) => ({ default: module.Confirmation })));

const ExitDialog = lazy(() => import('./exit.tsx').then((module) => ({ default: module.ExitDialog })));
const PausedScreen = lazy(() => import('./exit.tsx').then((module) => ({ default: module.PausedScreen })));

export type KioskScreen = 'attract' | 'menu' | 'review' | 'done' | 'paused';

/**
 * One paired kiosk, all day: the menu (cached on the device, re-read on menu_changed and
 * kiosk_updated), a customer's order from the attract screen to the confirmation, the idle reset,
 * and the way out for staff. Orders go through the outbox (kind `kiosk_place_order`), so a kiosk
 * that loses the internet keeps taking them with provisional numbers.
 */
export function KioskSession(props: { pairing: KioskPairing; onUnpaired: (byAdmin: boolean) => void }) {
  const kioskId = props.pairing.kioskId;
  const menu = useQuery(() => ({
    ...kioskMenuQueryOptions(kioskId, currentLocale()),
    // Another language keeps the last menu on screen until its own arrives (or, offline, for good).
    placeholderData: keepPreviousData,
  }));
  const data = (): KioskMenu | undefined => menu.data;
  const prefetch = setTimeout(
    () => void Promise.all([loadMenu(), loadReview(), loadConfirmation()]).catch(() => undefined),
    0,
  );
  onCleanup(() => clearTimeout(prefetch));
  const [screen, setScreen] = createSignal<KioskScreen>(readPlaced() ? 'done' : 'attract');
  // The staff shell's prompts stay out of the customers' screens (components/shell/update-prompt.tsx).
  createEffect(() => setCustomerFacing(screen() !== 'paused'));
  onCleanup(() => setCustomerFacing(false));
  const [cart, setCart] = createSignal<CartLine[]>([]);
  const [where, setWhere] = createSignal<KioskOrderType | null>(null);
  const [placed, setPlaced] = createSignal<Placed | null>(readPlaced());
  const [largeText, setLargeText] = createSignal(false);
  // On body too: the item sheet and the dialogs sit in the top layer, outside this screen's tree.
  createEffect(() => document.body.classList.toggle('kiosk-large-text', largeText()));
  onCleanup(() => document.body.classList.remove('kiosk-large-text'));
  const [exitOpen, setExitOpen] = createSignal(false);
  const [placeError, setPlaceError] = createSignal<string | null>(null);

  // A revoked kiosk: every kiosk RPC answers kiosk_not_paired.
  createEffect(() => {
    if (menu.error?.message === 'kiosk_not_paired') props.onUnpaired(true);
  });

  const refresh = () => void invalidate(kioskKeys.all(kioskId));
  // Realtime loads after the attract screen is up (it is not needed to paint it).
  let closed = false;
  const topics: TopicHandle[] = [];
  void import('#lib/realtime/client.ts').then(({ subscribeTopic }) => {
    if (closed) return;
    topics.push(
      subscribeTopic(`kiosk:${kioskId}`, {
        onMessage: (event) => (event === 'kiosk_revoked' ? props.onUnpaired(true) : refresh()),
        onResubscribed: refresh,
      }),
      subscribeTopic(`restaurant:${props.pairing.restaurantId}:guest`, {
        onMessage: (event) => {
          if (event === 'menu_changed') refresh();
        },
        // A message missed while the socket was away: the menu is re-read after every re-join.
        onResubscribed: refresh,
      }),
    );
  });
  // While a topic is not live the menu could go stale unseen (an 86 missed): re-read it now and then.
  const stalePoll = setInterval(() => {
    if (topics.some((topic) => topic.status() !== 'live')) refresh();
  }, 15_000);
  addEventListener('online', refresh);
  onCleanup(() => {
    closed = true;
    clearInterval(stalePoll);
    removeEventListener('online', refresh);
    for (const topic of topics) topic.close();
  });

  /** The next customer: no order, the restaurant's language, normal text, the attract screen. */
  const reset = () => {
    setCart([]);
    setWhere(null);
    setPlaced(null);
    storePlaced(null);
    setPlaceError(null);
    setLargeText(false);
    const locale = data()?.restaurant.locale;
    if (locale && locale !== currentLocale()) changeLocale(locale);
    setScreen('attract');
  };
  // The first menu of the day sets the restaurant's language on the attract screen.
  let localeSet = false;
  createEffect(() => {
    const locale = data()?.restaurant.locale;
    if (localeSet || !locale || menu.isPlaceholderData) return;
    localeSet = true;
    if (screen() === 'attract' && locale !== currentLocale()) changeLocale(locale);
  });

  // Idle reset: any touch or key is activity; a one-second tick drives the prompt's countdown.
  const [lastActivity, setLastActivity] = createSignal(Date.now());
  const [now, setNow] = createSignal(Date.now());
  const touched = () => setLastActivity(Date.now());
  for (const type of ['pointerdown', 'keydown', 'input'] as const) document.addEventListener(type, touched, true);
  const ticker = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => {
    clearInterval(ticker);
    for (const type of ['pointerdown', 'keydown', 'input'] as const) document.removeEventListener(type, touched, true);
  });
  const idleSeconds = () => data()?.kiosk.idle_reset_seconds ?? 120;
  const idle = createMemo(() => {
    const current = screen();
    if (current === 'attract' || current === 'paused') return { phase: 'active' as const };
    const prompt = current === 'done' ? 0 : promptSecondsFor(idleSeconds());
    return idlePhase(now() - lastActivity(), idleSeconds(), prompt);
  });
  createEffect(() => {
    if (idle().phase === 'reset') reset();
  });

  const place = async () => {
    const current = data();
    const type = where();
    if (!current || !type || cart().length === 0) return;
    setPlaceError(null);
    const id = crypto.randomUUID();
    const payload: KioskPlaceOrderPayload = {
      id,
      type,
      provisional_code: takeProvisionalCode(props.pairing.deviceCode),
      ordered_at: new Date().toISOString(),
      menu_version: current.restaurant.menu_version,
      lines: cart().map((line) => ({
        item_id: line.itemId,
        qty: line.qty,
        ...(line.note ? { note: line.note } : {}),
        ...(line.modifiers.length ? { modifiers: line.modifiers.map((option) => option.optionId) } : {}),
      })),
    };
    try {
      await outbox.enqueue('kiosk_place_order', payload, { id });
    } catch (error) {
      // The tablet could not store the order (storage full or unavailable): nothing was sent either.
      setPlaceError(m.kiosk_error_generic());
      if (!(error instanceof OutboxStorageError)) throw error;
      return;
    }
    const next: Placed = { id, code: payload.provisional_code, mode: current.kiosk.mode };
    storePlaced(next);
    setPlaced(next);
    setCart([]);
    setWhere(null);
    setScreen('done');
  };

  return (
    <div class="kiosk-root" classList={{ 'kiosk-large': largeText() }}>
      <Show when={!online()}>
        <p class="kiosk-offline" role="status">
          {m.kiosk_offline()}
        </p>
      </Show>
      <Switch>
        <Match when={screen() === 'paused'}>
          <PausedScreen
            pairing={props.pairing}
            label={data()?.kiosk.label ?? ''}
            onResume={reset}
            onUnpair={() => props.onUnpaired(false)}
          />
        </Match>
        <Match when={screen() === 'attract'}>
          <AttractScreen
            name={data()?.restaurant.name ?? props.pairing.restaurantName}
            onStart={() => {
              touched();
              setScreen('menu');
            }}
            onStaff={() => setExitOpen(true)}
          />
        </Match>
        <Match when={screen() === 'done' && placed()}>
          {(current) => <Confirmation kioskId={kioskId} placed={current()} onDone={reset} />}
        </Match>
        <Match when={!data()}>
          <main id="main" class="kiosk-page kiosk-centered">
            <p class="kiosk-notice" role="status">
              {menu.isError ? m.kiosk_menu_unavailable() : m.common_loading()}
            </p>
            <button type="button" class="kiosk-button" onClick={reset}>
              {m.kiosk_start_over()}
            </button>
          </main>
        </Match>
        <Match when={screen() === 'menu' && data()}>
          {(current) => (
            <MenuScreen
              menu={current()}
              cart={cart()}
              largeText={largeText()}
              onLargeText={setLargeText}
              onAdd={(lines) => setCart(lines)}
              onReview={() => setScreen('review')}
              onStartOver={reset}
            />
          )}
        </Match>
        <Match when={screen() === 'review' && data()}>
          {(current) => (
            <ReviewScreen
              menu={current()}
              cart={cart()}
              where={where()}
              error={placeError()}
              onCart={setCart}
              onWhere={setWhere}
              onBack={() => setScreen('menu')}
              onPlace={() => void place()}
            />
          )}
        </Match>
      </Switch>
      <Show when={idle().phase === 'prompt'}>
        <StillThere
          seconds={(() => {
            const phase = idle();
            return phase.phase === 'prompt' ? phase.secondsLeft : 0;
          })()}
          onContinue={touched}
        />
      </Show>
      <Show when={exitOpen()}>
        <ExitDialog
          onClose={() => setExitOpen(false)}
          onExited={() => {
            setExitOpen(false);
            setScreen('paused');
          }}
        />
      </Show>
    </div>
  );
}

/** "Still there?": any touch answers it (and the button says so to a screen reader). */
function StillThere(props: { seconds: number; onContinue: () => void }) {
  let dialog!: HTMLDialogElement;
  createEffect(() => {
    if (!dialog.open) dialog.showModal();
  });
  return (
    <dialog ref={dialog} class="kiosk-dialog" aria-labelledby="kiosk-still-there" onCancel={() => props.onContinue()}>
      <h2 id="kiosk-still-there" class="kiosk-heading">
        {m.kiosk_still_there()}
      </h2>
      <p class="kiosk-lead" aria-live="polite">
        {m.kiosk_still_there_body({ seconds: props.seconds })}
      </p>
      <button type="button" class="kiosk-button primary" onClick={() => props.onContinue()}>
        {m.kiosk_continue()}
      </button>
    </dialog>
  );
}
