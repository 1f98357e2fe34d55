import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { OrderAge, OrderLabel, statusLabel } from '#components/pos/order-label.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { LazyDialog } from '#components/ui/lazy-dialog.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { transitionOrder } from '#lib/orders/place.ts';
import {
  type OrderDetail as Order,
  type OrderStatus,
  orderQueryOptions,
  posSettingsQueryOptions,
} from '#lib/orders/queries.ts';
import { maxNoteLength } from '#lib/orders/validation.ts';
import { dueOnDevice, queuedPayments } from '#lib/payments/pending.ts';
import { outbox, outboxState } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';

// The paid state (its words in four languages) arrives right after the first paint.
const PaidBadge = lazy(() => import('#components/pos/paid-badge.tsx'));

const closed: readonly OrderStatus[] = ['completed', 'cancelled', 'rejected'];
// A draft or rejected order has nothing to print (reprint_order refuses it); a device's order not yet synced has no receipt.
const printable = (data: Order) => data.status !== 'draft' && data.status !== 'rejected' && data.number !== null;
// The preview and its fetch load when opened, outside the POS's first download.
const ReceiptDialog = lazy(() => import('#components/pos/receipt-dialog.tsx'));
// Payments, discounts, refunds and their dialogs: right after the first paint, outside its download.
const OrderMoney = lazy(() => import('#components/pos/order-money.tsx'));
// record_payment's payable statuses.
const payable: readonly OrderStatus[] = ['placed', 'preparing', 'ready', 'completed'];

/** One order (`/pos/orders/:id`): lines by round, totals, the audit trail, and what can be done. */
export default function OrderDetail() {
  const membership = useMembership();
  const params = useParams<{ id: string }>();
  const order = useQuery(() => orderQueryOptions(membership().restaurantId, params.id));
  const tables = useQuery(() => tablesQueryOptions(membership().restaurantId));
  const settings = useQuery(() => posSettingsQueryOptions(membership().restaurantId));
  // Times in the restaurant's zone (the device's until the settings are read).
  const timeZone = () => settings.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [cancelling, setCancelling] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [receiptOpen, setReceiptOpen] = createSignal(false);
  const canReprint = () => membership().role === 'owner' || membership().role === 'manager';

  const money = (data: Order, minor: number) =>
    formatMoney(minor, { code: data.currency, exponent: data.currency_exponent }, currentLocale());
  const tableLabel = (data: Order) =>
    data.type === 'takeaway'
      ? m.pos_type_takeaway()
      : (tables.data?.find((table) => table.id === data.table_id)?.label ?? m.pos_type_dine_in());

  const move = async (data: Order, to: OrderStatus, why?: string) => {
    setBusy(true);
    const outcome = await transitionOrder(data, to, why);
    setBusy(false);
    if (outcome.kind === 'refused') {
      // Refused while the person watches: said here, not left in "needs attention".
      await outbox.discard(outcome.commandId);
      const { describeOrderFailure } = await import('#lib/orders/errors.ts');
      setMessage({ text: describeOrderFailure(outcome.failure), error: true });
      void order.refetch();
      return false;
    }
    if (outcome.kind === 'storage') {
      setMessage({
        text: outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable(),
        error: true,
      });
      return false;
    }
    setMessage({ text: outcome.kind === 'queued' ? m.pos_action_queued() : m.pos_action_done(), error: false });
    return true;
  };

  const confirmCancel = async (data: Order) => {
    const why = reason().trim();
    if (!why) return setReasonError(m.pos_cancel_reason_required());
    if ([...why].length > maxNoteLength) return setReasonError(m.pos_error_note_too_long({ max: maxNoteLength }));
    setReasonError(undefined);
    if (await move(data, 'cancelled', why)) {
      setCancelling(false);
      setReason('');
    }
  };

  return (
    <main id="main" class="pos-main pos-detail">
      <p>
        <A href="/pos/orders">← {m.pos_nav_orders()}</A>
      </p>
      <Show
        when={order.data}
        fallback={
          <p class={order.data === null ? 'notice subtle' : 'loading'}>
            {order.data === null
              ? m.pos_order_not_synced()
              : order.isError
                ? m.common_load_failed()
                : m.common_loading()}
          </p>
        }
      >
        {(data) => (
          <>
            <h1 class="pos-detail-title">
              <OrderLabel number={data().number} provisional={data().provisional_code} />
              <StatusBadge status={data().status} label={statusLabel(data().status)} />
              <Suspense>
                <PaidBadge order={data()} />
              </Suspense>
            </h1>
            <p class="pos-order-meta">
              <span>{tableLabel(data())}</span>
              <Show when={data().source === 'qr'}>
                <span class="order-source">{m.pos_order_from_qr()}</span>
              </Show>
              <Show when={data().source === 'kiosk'}>
                <span class="order-source">{m.pos_order_from_kiosk()}</span>
              </Show>
              <Show when={data().source === 'kiosk' && data().status === 'draft'}>
                <span class="order-source awaiting-payment">{m.pos_awaiting_payment()}</span>
              </Show>
              <OrderAge since={data().ordered_at ?? data().placed_at ?? data().created_at} />
              <Show when={data().price_override}>
                <span class="notice subtle">{m.pos_price_override()}</span>
              </Show>
            </p>
            <Show when={message()}>
              {(shown) => (
                <p class={shown().error ? 'notice error' : 'notice'} role={shown().error ? 'alert' : 'status'}>
                  {shown().text}
                </p>
              )}
            </Show>
            <ul class="pos-lines">
              <For each={data().lines}>
                {(line, index) => (
                  <li class="pos-line">
                    <Show when={(line.round ?? 1) > 1 && data().lines[index() - 1]?.round !== line.round}>
                      <p class="pos-round-marker">{m.pos_round_marker({ round: line.round ?? 1 })}</p>
                    </Show>
                    <div class="pos-line-head">
                      <span class="pos-line-name">
                        {line.qty} × {line.name}
                      </span>
                      <span class="pos-line-total">{money(data(), line.line_total)}</span>
                    </div>
                    <Show when={Array.isArray(line.modifiers) && line.modifiers.length > 0}>
                      <p class="pos-line-mods">
                        {(line.modifiers as { name?: string }[]).map((option) => option.name ?? '').join(', ')}
                      </p>
                    </Show>
                    <Show when={line.note}>
                      <p class="pos-line-note-text">{line.note}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={data().note}>
              <p class="pos-order-note">{data().note}</p>
            </Show>
            <dl class="pos-totals">
              <div>
                <dt>{m.pos_subtotal()}</dt>
                <dd>{money(data(), data().subtotal)}</dd>
              </div>
              <Show when={data().discount > 0}>
                <div>
                  <dt>{m.pay_discount_total()}</dt>
                  <dd>−{money(data(), data().discount)}</dd>
                </div>
              </Show>
              <div>
                <dt>{data().tax_mode === 'inclusive' ? m.pos_tax_included() : m.pos_tax()}</dt>
                <dd>{money(data(), data().tax)}</dd>
              </div>
              <div class="pos-total">
                <dt>{m.pos_total()}</dt>
                <dd>{money(data(), data().total)}</dd>
              </div>
            </dl>
            <Show
              when={
                payable.includes(data().status) && dueOnDevice(data(), queuedPayments(outboxState(), data().id)) > 0
              }
            >
              <div class="actions pos-actions">
                <A href={`/pos/orders/${data().id}/pay`} class="button pos-primary">
                  {m.pay_action()}
                </A>
              </div>
            </Show>
            <Show when={!closed.includes(data().status)}>
              <div class="actions pos-actions">
                <Show when={data().status === 'ready'}>
                  <button
                    type="button"
                    class="pos-primary"
                    disabled={busy()}
                    onClick={() => void move(data(), 'completed')}
                  >
                    {m.pos_complete()}
                  </button>
                </Show>
                <Show when={data().type === 'dine_in'}>
                  <A href={`/pos/orders/${data().id}/add`} class="button secondary">
                    {m.pos_add_items()}
                  </A>
                </Show>
                <button type="button" class="danger secondary" disabled={busy()} onClick={() => setCancelling(true)}>
                  {m.pos_cancel_order()}
                </button>
              </div>
            </Show>
            <Show when={printable(data())}>
              <div class="actions">
                <button type="button" class="secondary" onClick={() => setReceiptOpen(true)}>
                  {m.pos_receipt()}
                </button>
              </div>
            </Show>
            <Show when={receiptOpen()}>
              <ReceiptDialog
                orderId={data().id}
                number={String(data().number ?? '')}
                canReprint={canReprint()}
                onClose={() => setReceiptOpen(false)}
              />
            </Show>
            {/* A kiosk draft awaits its payment at the counter: the payment places it. */}
            <Show when={data().status !== 'draft' || data().source === 'kiosk'}>
              <Suspense>
                <OrderMoney
                  order={data()}
                  restaurantId={membership().restaurantId}
                  role={membership().role}
                  timeZone={timeZone()}
                />
              </Suspense>
            </Show>
            <Show when={data().events.length > 0}>
              <section aria-labelledby="pos-trail-title">
                <h2 id="pos-trail-title">{m.pos_trail_title()}</h2>
                <ol class="pos-trail">
                  <For each={data().events}>
                    {(event) => (
                      <li>
                        <time datetime={event.at}>
                          {formatDateTime(event.at, { timeZone: timeZone(), locale: currentLocale() })}
                        </time>{' '}
                        {m.pos_trail_entry({
                          from: event.from_status ?? '—',
                          to: event.to_status,
                          role: event.actor_role,
                        })}
                        <Show when={event.reason}>{(why) => <span class="pos-trail-reason"> — {why()}</span>}</Show>
                      </li>
                    )}
                  </For>
                </ol>
              </section>
            </Show>
            <LazyDialog open={cancelling()} onOpenChange={setCancelling} title={m.pos_cancel_title()}>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void confirmCancel(data());
                }}
                noValidate
              >
                <TextAreaField
                  id="pos-cancel-reason"
                  label={m.pos_cancel_reason()}
                  value={reason()}
                  maxLength={maxNoteLength}
                  rows={3}
                  error={reasonError()}
                  onInput={(event) => setReason(event.currentTarget.value)}
                />
                <div class="dialog-actions">
                  <button type="button" class="secondary" onClick={() => setCancelling(false)}>
                    {m.common_cancel()}
                  </button>
                  <button type="submit" class="danger" disabled={busy()}>
                    {m.pos_cancel_confirm()}
                  </button>
                </div>
              </form>
            </LazyDialog>
          </>
        )}
      </Show>
    </main>
  );
}
