import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { OrderLabel, statusLabel } from '#components/pos/order-label.tsx';
import { type PaymentAnswer, PaymentAnswerNotice } from '#components/pos/payment-answer.tsx';
import { TenderForm } from '#components/pos/tender-form.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { type Currency, formatMoney, formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import { dueOnDevice, queuedPayments } from '#lib/payments/pending.ts';
import { tableBillQueryOptions } from '#lib/payments/queries.ts';
import { allocateOldestFirst, paymentParts } from '#lib/payments/split.ts';
import { blankTender, type TenderField, type TenderInput } from '#lib/payments/validation.ts';
import { outboxState } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/checkout.css';

// The paid state (its words in four languages) arrives right after the first paint.
const PaidBadge = lazy(() => import('#components/pos/paid-badge.tsx'));

/**
 * A table's bill (`/pos/tables/:tableId/bill`): every open order of the table with its rounds, one
 * total, paid at once or in parts. A payment is spread over the orders oldest first, one payment
 * per order with its own UUID; for cash, every part but the last is tendered exactly and the last
 * carries the tip and the change (the database balances each row on its own).
 */
export default function TableBill() {
  const membership = useMembership();
  const params = useParams<{ tableId: string }>();
  const restaurantId = () => membership().restaurantId;
  const bill = useQuery(() => tableBillQueryOptions(restaurantId(), params.tableId));
  const tables = useQuery(() => tablesQueryOptions(restaurantId()));
  // The drawer's state loads right after the screen (the form waits for it before taking cash).
  const [shifts, setShifts] = createSignal<typeof import('#lib/shifts/current.ts')>();
  void import('#lib/shifts/current.ts').then((module) => setShifts(() => module));
  const shiftId = () => {
    const module = shifts();
    return module ? (module.currentShift(restaurantId())()?.id ?? null) : undefined;
  };
  const queued = createMemo(() => queuedPayments(outboxState()));
  const label = () => tables.data?.find((table) => table.id === params.tableId)?.label ?? m.pos_type_dine_in();

  return (
    <main id="main" class="pos-main pay-main">
      <p>
        <A href="/pos/orders">← {m.pos_nav_orders()}</A>
      </p>
      <h1>{m.pay_bill_title({ table: label() })}</h1>
      <Show
        when={bill.data}
        fallback={<p class="loading">{bill.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(orders) => (
          <Show when={orders().length > 0} fallback={<p class="notice subtle">{m.pay_bill_empty()}</p>}>
            <BillBody orders={orders()} queued={queued()} shiftId={shiftId()} />
          </Show>
        )}
      </Show>
    </main>
  );
}

function BillBody(props: {
  orders: OrderWithLines[];
  queued: ReturnType<typeof queuedPayments>;
  /** This device's open shift; null: none; undefined: not known yet. */
  shiftId: string | null | undefined;
}) {
  const locale = () => currentLocale();
  const first = () => props.orders[0] as OrderWithLines;
  const currency = (): Currency => ({ code: first().currency, exponent: first().currency_exponent });
  const money = (minor: number) => formatMoney(minor, currency(), locale());
  const queuedOf = (orderId: string) => props.queued.filter((payment) => payment.orderId === orderId);
  // Oldest first: the order the payments are spread in.
  const dues = createMemo(() =>
    props.orders.map((order) => ({ orderId: order.id, due: dueOnDevice(order, queuedOf(order.id)) })),
  );
  const total = () => props.orders.reduce((sum, order) => sum + order.total, 0);
  const due = () => dues().reduce((sum, entry) => sum + entry.due, 0);
  const forInput = (minor: number) => formatMoneyForInput(minor, currency(), locale());
  const [input, setInput] = createSignal<TenderInput>(blankTender('cash', forInput(due())));
  const [errors, setErrors] = createSignal<Partial<Record<TenderField, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const [answer, setAnswer] = createSignal<PaymentAnswer | null>(null);

  const submit = async () => {
    if (busy()) return;
    // Read before sending: once queued, the payment is already off the due on screen.
    const dueBefore = due();
    setBusy(true);
    // Sending (the outbox's payment commands and their refusals) loads on the first payment.
    const { takePayment } = await import('#lib/payments/take.ts');
    const result = await takePayment({
      input: input(),
      due: due(),
      currency: currency(),
      locale: locale(),
      rows: (tender) => {
        const allocations = allocateOldestFirst(dues(), tender.amount);
        const parts =
          allocations &&
          paymentParts(allocations, {
            cash: tender.method === 'cash',
            tip: tender.tip,
            ...(tender.tendered !== null ? { tendered: tender.tendered } : {}),
          });
        return (
          parts?.map((part) => ({
            p_payment_id: crypto.randomUUID(),
            p_order_id: part.orderId,
            p_method: tender.method,
            p_amount: part.amount,
            p_tip: part.tip,
            ...(part.tendered !== null ? { p_tendered: part.tendered } : {}),
            ...(props.shiftId ? { p_shift_id: props.shiftId } : {}),
            ...(tender.reference ? { p_reference: tender.reference } : {}),
          })) ?? null
        );
      },
    });
    setBusy(false);
    if (result.kind === 'invalid') return setErrors(result.errors);
    setErrors({});
    setAnswer({ text: result.text, error: result.error, ...(result.change ? { change: result.change } : {}) });
    if (!result.error)
      setInput(blankTender(result.tender.method, forInput(Math.max(dueBefore - result.tender.amount, 0))));
  };

  return (
    <>
      <Show when={answer()}>{(shown) => <PaymentAnswerNotice answer={shown()} />}</Show>
      <For each={props.orders}>
        {(order) => (
          <section class="pay-bill-order">
            <h2>
              <A href={`/pos/orders/${order.id}`}>
                <OrderLabel number={order.number} provisional={order.provisional_code} />
              </A>
              <StatusBadge status={order.status} label={statusLabel(order.status)} />
              <Suspense>
                <PaidBadge order={order} />
              </Suspense>
            </h2>
            <ul class="pay-rows">
              <For each={order.lines}>
                {(line, index) => (
                  <>
                    <Show when={(line.round ?? 1) > 1 && order.lines[index() - 1]?.round !== line.round}>
                      <li class="pos-round-marker">{m.pos_round_marker({ round: line.round ?? 1 })}</li>
                    </Show>
                    <li>
                      <span>
                        {line.qty} × {line.name}
                      </span>
                      <span class="pay-row-amount">{money(line.line_total)}</span>
                    </li>
                  </>
                )}
              </For>
              <li>
                <strong>{m.pos_total()}</strong>
                <strong class="pay-row-amount">{money(order.total)}</strong>
              </li>
            </ul>
          </section>
        )}
      </For>
      <section class="pay-due" aria-live="polite">
        <span class="pay-due-label">{due() > 0 ? m.pay_due() : m.pay_nothing_due()}</span>
        <span class="pay-due-amount" data-testid="pay-due">
          {money(due())}
        </span>
        <span class="pay-due-detail">{m.pay_due_detail({ total: money(total()), paid: money(total() - due()) })}</span>
      </section>
      <Show
        when={due() > 0}
        fallback={
          <div class="actions pos-actions">
            <A href="/pos/orders" class="button pos-primary">
              {m.pay_done()}
            </A>
          </div>
        }
      >
        <p class="field-hint">{m.pay_bill_hint()}</p>
        <TenderForm
          due={due()}
          currency={currency()}
          input={input()}
          onInput={(next) => {
            setInput(next);
            setErrors({});
          }}
          errors={errors()}
          hasShift={props.shiftId === undefined ? undefined : props.shiftId !== null}
          busy={busy()}
          onSubmit={() => void submit()}
        />
      </Show>
    </>
  );
}
