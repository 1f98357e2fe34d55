import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { DiscountDialog } from '#components/pos/discount-dialog.tsx';
import { RefundDialog } from '#components/pos/refund-dialog.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { type Currency, formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { OrderDetail } from '#lib/orders/queries.ts';
import { describePaymentFailure } from '#lib/payments/errors.ts';
import { methodLabel } from '#lib/payments/methods.ts';
import { queuedDiscountRemovals, queuedDiscounts, queuedPayments, queuedRefunds } from '#lib/payments/pending.ts';
import {
  discountLimitQueryOptions,
  discountsQueryOptions,
  type Payment,
  paymentsQueryOptions,
  refundable,
} from '#lib/payments/queries.ts';
import { discardRefused, removeDiscount } from '#lib/payments/send.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/checkout.css';

export interface OrderMoneyProps {
  order: OrderDetail;
  restaurantId: string;
  role: MemberRole;
  timeZone: string;
}

/**
 * The money side of an order on its detail screen: its discounts (give one, take one back), its
 * payments and refunds with whether each has reached the database, and Refund on each payment for
 * owners and managers. Loaded after the detail's first paint, with its dialogs.
 */
export default function OrderMoney(props: OrderMoneyProps) {
  const payments = useQuery(() => paymentsQueryOptions(props.restaurantId, props.order.id));
  const discounts = useQuery(() => discountsQueryOptions(props.restaurantId, props.order.id));
  const limit = useQuery(() => ({
    ...discountLimitQueryOptions(props.restaurantId),
    enabled: props.role === 'cashier',
  }));
  const currency = (): Currency => ({ code: props.order.currency, exponent: props.order.currency_exponent });
  const money = (minor: number) => formatMoney(minor, currency(), currentLocale());
  const when = (at: string) => formatDateTime(at, { timeZone: props.timeZone, locale: currentLocale() });
  const waitingPayments = createMemo(() => queuedPayments(outboxState(), props.order.id));
  const waitingRefunds = createMemo(() => queuedRefunds(outboxState()));
  const waitingDiscounts = createMemo(() => queuedDiscounts(outboxState(), props.order.id));
  const waitingRemovals = createMemo(() => queuedDiscountRemovals(outboxState()));
  const stored = () => (payments.data ?? []).filter((row) => row.amount > 0);
  const refundsOf = (payment: Payment) => (payments.data ?? []).filter((row) => row.refund_of === payment.id);
  const lineName = (lineId: string | null) =>
    lineId ? (props.order.lines.find((line) => line.id === lineId)?.name ?? '—') : m.pay_discount_whole_order();

  const canRefund = () => props.role === 'owner' || props.role === 'manager';
  const canDiscount = () =>
    props.role === 'owner' || props.role === 'manager' || (props.role === 'cashier' && (limit.data ?? 0) > 0);
  const canRemoveDiscount = () => props.role === 'owner' || props.role === 'manager' || props.role === 'cashier';
  const discountable = () => ['placed', 'preparing', 'ready', 'completed'].includes(props.order.status);

  const [refunding, setRefunding] = createSignal<Payment | null>(null);
  const [discounting, setDiscounting] = createSignal(false);
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);

  const remove = async (discountId: string) => {
    const outcome = await removeDiscount(discountId);
    if (outcome.kind === 'refused') {
      await discardRefused(outcome);
      setMessage({ text: describePaymentFailure(outcome.failure), error: true });
    } else if (outcome.kind === 'storage') {
      setMessage({ text: m.pos_storage_unavailable(), error: true });
    } else {
      setMessage({ text: outcome.kind === 'queued' ? m.pos_action_queued() : m.pay_discount_removed(), error: false });
    }
  };

  return (
    <section class="pay-money" aria-labelledby="pay-money-title">
      <h2 id="pay-money-title">{m.pay_money_title()}</h2>
      <Show when={message()}>
        {(shown) => (
          <p class={shown().error ? 'notice error' : 'notice'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </p>
        )}
      </Show>
      <Show when={props.order.type === 'dine_in' && discountable() && props.order.table_id}>
        {(tableId) => (
          <div class="actions">
            <A href={`/pos/tables/${tableId()}/bill`} class="button secondary">
              {m.pay_table_bill()}
            </A>
          </div>
        )}
      </Show>
      <h3>{m.pay_discounts_title()}</h3>
      <ul class="pay-rows">
        <For each={discounts.data ?? []}>
          {(discount) => (
            <li>
              <span>
                {lineName(discount.line_id)} ·{' '}
                {discount.kind === 'percent'
                  ? m.pay_discount_percent_value({ percent: (discount.value / 100).toLocaleString(currentLocale()) })
                  : money(discount.value)}
              </span>
              <span class="pay-row-amount">−{money(discount.amount)}</span>
              <span class="pay-row-detail">{discount.reason}</span>
              <Show when={waitingRemovals().has(discount.id)}>
                <StatusBadge status="pending" label={m.pay_removal_not_sent()} />
              </Show>
              <Show when={canRemoveDiscount() && !waitingRemovals().has(discount.id) && discountable()}>
                <span class="pay-row-actions">
                  <button type="button" class="secondary" onClick={() => void remove(discount.id)}>
                    {m.pay_discount_remove()}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
        <For
          each={waitingDiscounts().filter(
            (queued) => !(discounts.data ?? []).some((row) => row.id === queued.p_discount_id),
          )}
        >
          {(queued) => (
            <li>
              <span>
                {lineName(queued.p_line_id ?? null)} ·{' '}
                {queued.p_kind === 'percent'
                  ? m.pay_discount_percent_value({ percent: (queued.p_value / 100).toLocaleString(currentLocale()) })
                  : money(queued.p_value)}
              </span>
              <StatusBadge
                status={queued.refused ? 'failed' : 'pending'}
                label={queued.refused ? m.pay_refused() : m.pay_not_sent_badge()}
              />
              <span class="pay-row-detail">{queued.p_reason}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={(discounts.data ?? []).length === 0 && waitingDiscounts().length === 0}>
        <p class="field-hint">{m.pay_no_discounts()}</p>
      </Show>
      <Show when={canDiscount() && discountable()}>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setDiscounting(true)}>
            {m.pay_discount_add()}
          </button>
        </div>
      </Show>

      <h3>{m.pay_payments_title()}</h3>
      <ul class="pay-rows">
        <For each={stored()}>
          {(payment) => (
            <li data-payment-id={payment.id}>
              <span>
                {methodLabel(payment.method)} · <time datetime={payment.created_at}>{when(payment.created_at)}</time>
              </span>
              <span class="pay-row-amount">{money(payment.amount)}</span>
              <StatusBadge status="synced" label={m.pay_sent_badge()} />
              <Show when={payment.tip > 0 || payment.change || payment.reference}>
                <span class="pay-row-detail">
                  {[
                    payment.tip > 0 ? m.pay_tip_value({ amount: money(payment.tip) }) : null,
                    payment.tendered !== null && payment.change
                      ? m.pay_change_value({ tendered: money(payment.tendered), change: money(payment.change) })
                      : null,
                    payment.reference,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </Show>
              <For each={refundsOf(payment)}>
                {(refund) => (
                  <span class="pay-row-detail">
                    {m.pay_refunded_value({ amount: money(-refund.amount) })} — {refund.reason}
                  </span>
                )}
              </For>
              <For each={waitingRefunds().filter((refund) => refund.paymentId === payment.id)}>
                {(refund) => (
                  <span class="pay-row-detail">
                    {m.pay_refunded_value({ amount: money(refund.amount) })}{' '}
                    <StatusBadge
                      status={refund.refused ? 'failed' : 'pending'}
                      label={refund.refused ? m.pay_refused() : m.pay_not_sent_badge()}
                    />
                  </span>
                )}
              </For>
              <Show when={canRefund() && refundable(payment, payments.data ?? [], waitingRefunds()) > 0}>
                <span class="pay-row-actions">
                  <button type="button" class="secondary" onClick={() => setRefunding(payment)}>
                    {m.pay_refund()}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
        <For each={waitingPayments().filter((queued) => !stored().some((row) => row.id === queued.id))}>
          {(queued) => (
            <li>
              <span>{methodLabel(queued.method)}</span>
              <span class="pay-row-amount">{money(queued.amount)}</span>
              <StatusBadge
                status={queued.refused ? 'failed' : 'pending'}
                label={queued.refused ? m.pay_refused() : m.pay_not_sent_badge()}
              />
            </li>
          )}
        </For>
      </ul>
      <Show when={stored().length === 0 && waitingPayments().length === 0}>
        <p class="field-hint">{m.pay_no_payments()}</p>
      </Show>
      <Show when={refunding()}>
        {(payment) => (
          <RefundDialog
            payment={payment()}
            refundable={refundable(payment(), payments.data ?? [], waitingRefunds())}
            currency={currency()}
            restaurantId={props.restaurantId}
            onClose={(text) => {
              setRefunding(null);
              if (text) setMessage({ text, error: false });
            }}
          />
        )}
      </Show>
      <Show when={discounting()}>
        <DiscountDialog
          order={props.order}
          discounts={discounts.data ?? []}
          currency={currency()}
          limitBp={props.role === 'cashier' ? (limit.data ?? 0) : null}
          onClose={(text) => {
            setDiscounting(false);
            if (text) setMessage({ text, error: false });
          }}
        />
      </Show>
    </section>
  );
}
