import { A, useNavigate, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, lazy, onMount, Show, Suspense } from 'solid-js';
import { CartPanel } from '#components/pos/cart-panel.tsx';
import { cart } from '#components/pos/cart-store.ts';
import { MenuGrid } from '#components/pos/menu-grid.tsx';
import { OrderLabel } from '#components/pos/order-label.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { LoadFailed } from '#components/ui/load-failed.tsx';
import { type Currency, formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { setAvailability } from '#lib/menu/cache.ts';
import { menuQueryOptions, moneyQueryOptions } from '#lib/menu/queries.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import { cartTotals, groupsForItem, linesPayload, menuVersionOf, newLine } from '#lib/orders/cart.ts';
import { addRound, placeOrder, type SendOutcome } from '#lib/orders/place.ts';
import { browserStorage, nextProvisionalCode } from '#lib/orders/provisional.ts';
import { orderQueryOptions, posSettingsQueryOptions } from '#lib/orders/queries.ts';
import { type CartError, checkCart } from '#lib/orders/validation.ts';
import { canAdminister } from '#lib/restaurant/current.ts';
import { outbox } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';

// The options dialog (and the dialog library under it) is not needed to show the menu: it loads
// right after the screen, so the first paint waits for less and the first tap finds it ready.
const ModifierPicker = lazy(() =>
  import('#components/pos/modifier-picker.tsx').then((module) => ({ default: module.ModifierPicker })),
);

/** What the screen says after "Place order": the number, the provisional code, or the refusal. */
type Answer =
  | { kind: 'stored'; number: number | null; provisional: string | null }
  | { kind: 'queued'; provisional: string | null }
  | { kind: 'refused'; message: string };

/**
 * Taking an order (`/pos`), or a new round for a table's open order (`/pos/orders/:id/add`): the
 * menu from the cache (works offline after one visit), the cart, and "Place order" through the
 * outbox — answered at once with the day's number, or with the device's provisional code when the
 * order waits for the network.
 */
export default function OrderEntry() {
  const membership = useMembership();
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const restaurantId = () => membership().restaurantId;
  const menu = useQuery(() => menuQueryOptions(restaurantId()));
  const money = useQuery(() => moneyQueryOptions(restaurantId()));
  const settings = useQuery(() => posSettingsQueryOptions(restaurantId()));
  const tables = useQuery(() => tablesQueryOptions(restaurantId()));
  const roundOrder = useQuery(() => ({
    ...orderQueryOptions(restaurantId(), params.id ?? ''),
    enabled: !!params.id,
  }));

  const [picking, setPicking] = createSignal<MenuItem | null>(null);
  onMount(() => setTimeout(() => void ModifierPicker.preload(), 0));
  const [errors, setErrors] = createSignal<CartError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [answer, setAnswer] = createSignal<Answer | null>(null);
  const [cartOpen, setCartOpen] = createSignal(false);

  const currency = (): Currency | undefined =>
    money.data ? { code: money.data.currency, exponent: money.data.exponent, region: money.data.country } : undefined;
  const totals = createMemo(() =>
    cartTotals(cart.lines(), settings.data?.taxMode ?? 'exclusive', settings.data?.taxRateBp ?? 0),
  );
  const itemCount = () => cart.lines().reduce((sum, line) => sum + line.qty, 0);
  const availableIds = createMemo(
    () => new Set((menu.data?.items ?? []).filter((item) => item.available).map((item) => item.id)),
  );

  const pick = (item: MenuItem) => {
    const data = menu.data;
    if (!data || !item.available) return;
    setAnswer(null);
    if (groupsForItem(data, item.id).length > 0) setPicking(item);
    else cart.add(newLine(item, []));
  };

  const setAvailable = (item: MenuItem, available: boolean) =>
    void setAvailability(restaurantId(), 'menu_items', [item.id], available);

  const submit = async () => {
    const data = menu.data;
    if (!data || busy()) return;
    const shape = {
      lines: cart.lines().map((line) => ({ ...line, available: availableIds().has(line.itemId) })),
      note: cart.note(),
      type: params.id ? ('takeaway' as const) : cart.type(),
      tableId: cart.tableId(),
      requireTable: (tables.data?.length ?? 0) > 0,
    };
    const found = checkCart(shape);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    const common = {
      id: crypto.randomUUID(),
      lines: linesPayload(cart.lines()),
      ordered_at: new Date().toISOString(),
      menu_version: menuVersionOf(data),
    };
    let provisional: string | null = null;
    let outcome: SendOutcome;
    if (params.id) {
      outcome = await addRound({ ...common, order_id: params.id });
    } else {
      provisional = nextProvisionalCode(browserStorage(), restaurantId());
      const note = cart.note().trim();
      outcome = await placeOrder({
        ...common,
        restaurant_id: restaurantId(),
        type: cart.type(),
        table_id: cart.type() === 'dine_in' ? cart.tableId() : null,
        ...(note ? { note } : {}),
        provisional_code: provisional,
      });
    }
    setBusy(false);
    if (outcome.kind === 'refused') {
      // Refused while the cashier watches: say it here, keep the cart to fix, and do not leave a
      // copy in "needs attention" (that list is for what was refused while nobody was looking).
      await outbox.discard(outcome.commandId);
      const { describeOrderFailure } = await import('#lib/orders/errors.ts');
      setAnswer({ kind: 'refused', message: describeOrderFailure(outcome.failure) });
      return;
    }
    if (outcome.kind === 'storage') {
      setAnswer({
        kind: 'refused',
        message: outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable(),
      });
      return;
    }
    cart.clear();
    setCartOpen(false);
    setAnswer(
      outcome.kind === 'stored'
        ? { kind: 'stored', number: outcome.order.number, provisional }
        : { kind: 'queued', provisional },
    );
    if (params.id) navigate(`/pos/orders/${params.id}`);
  };

  return (
    <main id="main" class="pos-main">
      <Show when={params.id}>
        <p class="pos-round-banner">
          <Show when={roundOrder.data} fallback={m.pos_round_title_pending()}>
            {(order) => (
              <>
                {m.pos_round_title()} <OrderLabel number={order().number} provisional={order().provisional_code} />
                <A href={`/pos/orders/${params.id}`} class="button secondary">
                  {m.common_cancel()}
                </A>
              </>
            )}
          </Show>
        </p>
      </Show>
      <Show when={answer()}>{(shown) => <AnswerNotice answer={shown()} onDismiss={() => setAnswer(null)} />}</Show>
      <Show
        when={menu.data && currency()}
        fallback={
          menu.isError && !menu.data ? (
            <LoadFailed onRetry={() => void menu.refetch()} />
          ) : (
            <p class="loading">{m.common_loading()}</p>
          )
        }
      >
        <div class="pos-entry" classList={{ 'cart-open': cartOpen() }}>
          <MenuGrid
            menu={menu.data ?? { categories: [], items: [], groups: [], options: [], links: [] }}
            money={currency() as Currency}
            onPick={pick}
            onSetAvailable={canAdminister(membership().role) ? setAvailable : undefined}
          />
          <CartPanel
            lines={cart.lines()}
            note={cart.note()}
            type={cart.type()}
            tableId={cart.tableId()}
            tables={tables.data ?? []}
            round={!!params.id}
            totals={totals()}
            taxMode={settings.data?.taxMode ?? 'exclusive'}
            money={currency() as Currency}
            errors={errors()}
            busy={busy()}
            onQty={cart.setQty}
            onLineNote={cart.setLineNote}
            onRemove={cart.remove}
            onNote={cart.setNote}
            onType={cart.setType}
            onTable={cart.setTableId}
            onSubmit={() => void submit()}
          />
        </div>
        <button
          type="button"
          class="pos-cart-toggle"
          aria-expanded={cartOpen()}
          onClick={() => setCartOpen(!cartOpen())}
        >
          {cartOpen()
            ? m.pos_back_to_menu()
            : m.pos_view_cart({
                count: itemCount(),
                total: formatMoney(totals().total, currency() as Currency, currentLocale()),
              })}
        </button>
        <Suspense>
          <Show when={picking()}>
            {(item) => (
              <ModifierPicker
                item={item()}
                menu={menu.data ?? { categories: [], items: [], groups: [], options: [], links: [] }}
                money={currency() as Currency}
                onClose={() => setPicking(null)}
                onAdd={(modifiers) => {
                  cart.add(newLine(item(), modifiers));
                  setPicking(null);
                }}
              />
            )}
          </Show>
        </Suspense>
      </Show>
    </main>
  );
}

function AnswerNotice(props: { answer: Answer; onDismiss: () => void }) {
  return (
    <div
      class="pos-answer notice"
      classList={{ error: props.answer.kind === 'refused' }}
      role={props.answer.kind === 'refused' ? 'alert' : 'status'}
    >
      <Show when={props.answer.kind === 'stored' && props.answer}>
        {(stored) => (
          <p>
            {m.pos_placed()} <OrderLabel number={stored().number} />
          </p>
        )}
      </Show>
      <Show when={props.answer.kind === 'queued' && props.answer}>
        {(queued) => (
          <p>
            <Show when={queued().provisional} fallback={m.pos_round_queued()}>
              {(code) => (
                <>
                  {m.pos_queued()} <OrderLabel number={null} provisional={code()} />
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.answer.kind === 'refused' && props.answer}>{(refused) => <p>{refused().message}</p>}</Show>
      <button type="button" class="secondary icon" aria-label={m.common_close()} onClick={() => props.onDismiss()}>
        ✕
      </button>
    </div>
  );
}
