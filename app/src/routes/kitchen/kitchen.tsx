import { useQuery } from '@tanstack/solid-query';
import { createEffect, createMemo, createSignal, For, lazy, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { BumpedDrawer } from '#components/kitchen/bumped-drawer.tsx';
import { orderCode, TicketCard } from '#components/kitchen/ticket-card.tsx';
import { ConnectionStatus } from '#components/shell/connection-status.tsx';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { bumpTicket, recallOrder, startTicket, toggleLine } from '#lib/kitchen/actions.ts';
import { chimeReady, playChime, unlockChime } from '#lib/kitchen/chime.ts';
import { createKitchenFeed } from '#lib/kitchen/feed.ts';
import { savedStation, saveStation } from '#lib/kitchen/preferences.ts';
import { ageTone, allDayCounts, openTickets, recentlyBumped, stationsOf } from '#lib/kitchen/tickets.ts';
import { deviceId, deviceName } from '#lib/realtime/device.ts';
import { useRestaurant } from '#lib/restaurant/queries.ts';
import { outboxState } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';
import '#components/kitchen/kitchen.css';

/** The kitchen display, for the people who cook and those who run the pass. */
export default function Kitchen() {
  return (
    <RequireMembership roles={['owner', 'manager', 'kitchen']}>
      <KitchenScreen />
    </RequireMembership>
  );
}

interface KdsSettings {
  kds_warn_minutes?: number | null;
  kds_late_minutes?: number | null;
}

// The KDS's first paint carries the rail only (budget: 100 kB gzip); the pass view and the list
// of refused commands (with every domain's error sentences) load when they are needed.
const ExpoView = lazy(() =>
  import('#components/kitchen/expo-view.tsx').then((module) => ({ default: module.ExpoView })),
);
const AttentionList = lazy(() =>
  import('#components/shell/attention-list.tsx').then((module) => ({ default: module.AttentionList })),
);

/** How long a new ticket stays highlighted. */
const FRESH_MS = 6_000;

function KitchenScreen() {
  const membership = useMembership();
  const restaurantId = membership().restaurantId;
  const restaurant = useRestaurant(() => restaurantId);
  const tables = useQuery(() => tablesQueryOptions(restaurantId));
  const [station, setStation] = createSignal(savedStation(restaurantId));
  const [view, setView] = createSignal<'tickets' | 'expo'>('tickets');
  const [soundOn, setSoundOn] = createSignal(chimeReady());

  // One clock for every age timer on the screen.
  const [now, setNow] = createSignal(Date.now());
  const clock = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(clock));

  const feed = createKitchenFeed({
    restaurantId,
    presence: {
      key: deviceId(),
      meta: () => ({
        device: deviceName(m.presence_kitchen()),
        role: membership().role,
        station: station(),
        screen: 'kitchen',
        since: new Date().toISOString(),
      }),
    },
  });
  onCleanup(() => feed.topic.close());

  const warn = () => (restaurant.data as KdsSettings | undefined)?.kds_warn_minutes ?? 5;
  const late = () => (restaurant.data as KdsSettings | undefined)?.kds_late_minutes ?? 10;
  const tone = (ageMs: number) => ageTone(ageMs, warn(), late());
  const tableLabel = (tableId: string | null) =>
    tableId ? (tables.data?.find((table) => table.id === tableId)?.label ?? null) : null;

  const tickets = createMemo(() => openTickets(feed.orders(), station()));
  const stations = createMemo(() => stationsOf(feed.orders()));
  const allDay = createMemo(() => allDayCounts(tickets()));
  const bumped = createMemo(() => recentlyBumped(feed.orders()));

  // New tickets: a sound (once the screen was touched) and a flash. The first read is not "new".
  const [freshKeys, setFreshKeys] = createSignal<ReadonlySet<string>>(new Set());
  const [flash, setFlash] = createSignal(false);
  let known: Set<string> | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(tickets, (list) => {
      if (!feed.loaded()) return;
      const keys = new Set(list.map((ticket) => ticket.key));
      const added = known ? list.filter((ticket) => !known?.has(ticket.key)) : [];
      known = keys;
      if (added.length === 0) return;
      playChime();
      setFlash(true);
      setFreshKeys(new Set([...freshKeys()].filter((key) => keys.has(key)).concat(added.map((ticket) => ticket.key))));
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        setFlash(false);
        setFreshKeys(new Set<string>());
      }, FRESH_MS);
    }),
  );
  onCleanup(() => clearTimeout(flashTimer));

  // A refused step leaves this screen's guess wrong: read what the database holds instead.
  createEffect(
    on(
      () => outboxState().parked.length,
      (parked, before) => {
        if (before !== undefined && parked > before) void feed.reread();
      },
    ),
  );

  const enableSound = () => setSoundOn(unlockChime());
  document.addEventListener('pointerdown', enableSound, { once: true });
  onCleanup(() => document.removeEventListener('pointerdown', enableSound));

  const chooseStation = (next: string | null) => {
    setStation(next);
    saveStation(restaurantId, next);
  };

  /** Every tap goes through the outbox; a device that cannot store it says so. */
  const [notStored, setNotStored] = createSignal(false);
  const act = (run: () => Promise<void>) => {
    run().then(
      () => setNotStored(false),
      () => setNotStored(true),
    );
  };

  return (
    <main id="main" class="kds" data-flash={flash() ? 'true' : undefined}>
      <ConnectionStatus
        topic={feed.topic}
        now={now}
        lastUpdateAt={feed.topic.lastMessageAt}
        attentionHref="#attention-title"
      />
      <div class="kds-bar">
        <h1 class="kds-title">{m.kds_title()}</h1>
        <fieldset class="kds-group">
          <legend class="visually-hidden">{m.kds_station_label()}</legend>
          <button
            type="button"
            class="kds-toggle"
            aria-pressed={station() === null}
            onClick={() => chooseStation(null)}
          >
            {m.kds_station_all()}
          </button>
          <For each={stations()}>
            {(name) => (
              <button
                type="button"
                class="kds-toggle"
                aria-pressed={station() === name}
                onClick={() => chooseStation(name)}
              >
                {name}
              </button>
            )}
          </For>
        </fieldset>
        <fieldset class="kds-group">
          <legend class="visually-hidden">{m.kds_view_label()}</legend>
          <button
            type="button"
            class="kds-toggle"
            aria-pressed={view() === 'tickets'}
            onClick={() => setView('tickets')}
          >
            {m.kds_view_tickets()}
          </button>
          <button type="button" class="kds-toggle" aria-pressed={view() === 'expo'} onClick={() => setView('expo')}>
            {m.kds_view_expo()}
          </button>
        </fieldset>
        <BumpedDrawer
          orders={bumped()}
          tableLabel={tableLabel}
          onRecall={(order) => act(() => recallOrder(feed, order))}
        />
      </div>
      <Show when={!soundOn()}>
        <p class="kds-hint">{m.kds_sound_hint()}</p>
      </Show>
      <Show when={notStored()}>
        <p class="notice error" role="alert">
          {m.kds_not_stored()}
        </p>
      </Show>
      <Show when={feed.readFailed()}>
        <p class="notice error">{m.kds_read_failed()}</p>
      </Show>
      <p class="visually-hidden" aria-live="assertive">
        <For each={tickets().filter((ticket) => freshKeys().has(ticket.key))}>
          {(ticket) => <span>{m.kds_new_ticket({ number: orderCode(ticket.order) })}</span>}
        </For>
      </p>
      <Switch>
        <Match when={!feed.loaded()}>
          <p class="loading">{m.common_loading()}</p>
        </Match>
        <Match when={view() === 'expo'}>
          <ExpoView orders={feed.orders()} now={now} tone={tone} tableLabel={tableLabel} />
        </Match>
        <Match when={view() === 'tickets'}>
          <div class="kds-body">
            <section class="kds-rail" aria-label={m.kds_view_tickets()}>
              <For each={tickets()} fallback={<p class="kds-empty">{m.kds_no_tickets()}</p>}>
                {(ticket) => (
                  <TicketCard
                    ticket={ticket}
                    now={now}
                    tone={tone}
                    tableLabel={tableLabel}
                    fresh={freshKeys().has(ticket.key)}
                    onStart={() => act(() => startTicket(feed, ticket.order))}
                    onToggleLine={(line) => act(() => toggleLine(feed, ticket.order, line))}
                    onBump={() => act(() => bumpTicket(feed, ticket))}
                  />
                )}
              </For>
            </section>
            <aside class="kds-all-day" aria-labelledby="kds-all-day-title">
              <h2 id="kds-all-day-title">{m.kds_all_day()}</h2>
              <ul>
                <For each={allDay()} fallback={<li class="kds-empty">{m.kds_all_day_empty()}</li>}>
                  {(count) => (
                    <li>
                      <span class="all-day-qty">{count.qty}</span> {count.name}
                    </li>
                  )}
                </For>
              </ul>
            </aside>
          </div>
        </Match>
      </Switch>
      <Show when={outboxState().parked.length > 0}>
        <AttentionList />
      </Show>
    </main>
  );
}
