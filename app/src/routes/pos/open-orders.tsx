import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { OrderAge, OrderLabel, statusLabel } from '#components/pos/order-label.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { moneyQueryOptions } from '#lib/menu/queries.ts';
import { queuedOrders } from '#lib/orders/place.ts';
import { type ActiveStatus, activeOrdersQueryOptions, activeStatuses } from '#lib/orders/queries.ts';
import { dueOnDevice, queuedPayments } from '#lib/payments/pending.ts';
import { outboxState } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';

// The paid state (its words in four languages) arrives right after the first paint.
const PaidBadge = lazy(() => import('#components/pos/paid-badge.tsx'));

type Filter = 'all' | 'queued' | ActiveStatus;

/**
 * Open orders (`/pos/orders`), live: the database's active orders, and above them the ones still
 * waiting on this device (provisional code, "not sent yet"). Filter by status; tap for detail.
 */
// Refused commands, each with the database's reason and retry/discard: loaded only when there are
// some (the connection bar links here), so the list's messages stay out of the first download.
const AttentionList = lazy(() =>
  import('#components/shell/attention-list.tsx').then((module) => ({ default: module.AttentionList })),
);

export default function OpenOrders() {
  const membership = useMembership();
  const restaurantId = () => membership().restaurantId;
  const orders = useQuery(() => activeOrdersQueryOptions(restaurantId()));
  const money = useQuery(() => moneyQueryOptions(restaurantId()));
  const tables = useQuery(() => tablesQueryOptions(restaurantId()));
  const [filter, setFilter] = createSignal<Filter>('all');

  const waitingPayments = createMemo(() => queuedPayments(outboxState()));
  const waitingFor = (orderId: string) => waitingPayments().filter((payment) => payment.orderId === orderId);
  const stored = createMemo(() => new Set((orders.data ?? []).map((order) => order.id)));
  // A queued order disappears from this list once the database lists it.
  const queued = createMemo(() =>
    queuedOrders(outboxState(), restaurantId()).filter((payload) => !stored().has(payload.id)),
  );
  // Guest drafts wait in the guest inbox (/pos/guests) until someone accepts them.
  const shown = createMemo(() =>
    (orders.data ?? []).filter(
      (order) =>
        !(order.source === 'qr' && order.status === 'draft') && (filter() === 'all' || order.status === filter()),
    ),
  );
  const tableLabel = (tableId: string | null | undefined) =>
    tableId ? (tables.data?.find((table) => table.id === tableId)?.label ?? m.pos_type_dine_in()) : null;
  const where = (type: string, tableId: string | null | undefined) =>
    type === 'takeaway' ? m.pos_type_takeaway() : (tableLabel(tableId) ?? '—');
  const format = (minor: number) =>
    money.data
      ? formatMoney(
          minor,
          { code: money.data.currency, exponent: money.data.exponent, region: money.data.country },
          currentLocale(),
        )
      : '';
  const filters: { value: Filter; label: () => string }[] = [
    { value: 'all', label: m.pos_filter_all },
    { value: 'queued', label: m.pos_filter_queued },
    ...activeStatuses.map((status) => ({ value: status as Filter, label: () => statusLabel(status) })),
  ];

  return (
    <main id="main" class="pos-main pos-orders">
      <h1>{m.pos_orders_title()}</h1>
      <Show when={outboxState().parked.length > 0}>
        <Suspense>
          <AttentionList />
        </Suspense>
      </Show>
      <fieldset class="pos-categories">
        <legend class="visually-hidden">{m.pos_filter_label()}</legend>
        <For each={filters}>
          {(entry) => (
            <button
              type="button"
              class="chip"
              aria-pressed={filter() === entry.value}
              onClick={() => setFilter(entry.value)}
            >
              {entry.label()}
            </button>
          )}
        </For>
      </fieldset>
      <ul class="pos-order-list">
        <Show when={filter() === 'all' || filter() === 'queued'}>
          <For each={queued()}>
            {(payload) => (
              <li class="pos-order-card queued" data-order-id={payload.id}>
                <div class="pos-order-head">
                  <OrderLabel number={null} provisional={payload.provisional_code} />
                  <StatusBadge status="pending" label={m.pos_status_queued()} />
                </div>
                <div class="pos-order-meta">
                  <span>{where(payload.type, payload.table_id)}</span>
                  <Show when={payload.ordered_at}>{(at) => <OrderAge since={at()} />}</Show>
                </div>
                <A href={`/pos/orders/${payload.id}/pay`} class="button secondary pos-order-pay queued">
                  {m.pay_action()}
                </A>
              </li>
            )}
          </For>
        </Show>
        <Show when={filter() !== 'queued'}>
          <For each={shown()}>
            {(order) => (
              <li class="pos-order-card" data-order-id={order.id}>
                <A href={`/pos/orders/${order.id}`} class="pos-order-link">
                  <div class="pos-order-head">
                    <OrderLabel number={order.number} provisional={order.provisional_code} />
                    <StatusBadge status={order.status} label={statusLabel(order.status)} />
                  </div>
                  <div class="pos-order-meta">
                    <span>{where(order.type, order.table_id)}</span>
                    <Show when={order.source === 'qr'}>
                      <span class="order-source">{m.pos_order_from_qr()}</span>
                    </Show>
                    <Show when={order.source === 'kiosk'}>
                      <span class="order-source">{m.pos_order_from_kiosk()}</span>
                    </Show>
                    <Show when={order.source === 'kiosk' && order.status === 'draft'}>
                      <span class="order-source awaiting-payment">{m.pos_awaiting_payment()}</span>
                    </Show>
                    <OrderAge since={order.ordered_at ?? order.placed_at ?? order.created_at} />
                    <span class="pos-order-total">{format(order.total)}</span>
                  </div>
                  <div class="pos-order-paid">
                    <Suspense>
                      <PaidBadge order={order} />
                    </Suspense>
                  </div>
                </A>
                {/* A kiosk draft waits for exactly this: its payment places it. */}
                <Show
                  when={
                    (order.status !== 'draft' || order.source === 'kiosk') &&
                    dueOnDevice(order, waitingFor(order.id)) > 0
                  }
                >
                  <A href={`/pos/orders/${order.id}/pay`} class="button secondary pos-order-pay">
                    {m.pay_action()}
                  </A>
                </Show>
              </li>
            )}
          </For>
        </Show>
      </ul>
      <Show when={orders.data && shown().length === 0 && queued().length === 0}>
        <p class="notice subtle">{m.pos_orders_empty()}</p>
      </Show>
      <Show when={orders.isError && !orders.data}>
        <p class="notice error">{m.common_load_failed()}</p>
      </Show>
    </main>
  );
}
