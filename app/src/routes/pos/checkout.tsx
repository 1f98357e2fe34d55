import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createEffect, createMemo, createSignal, lazy, Show, Suspense } from 'solid-js';
import { OrderLabel } from '#components/pos/order-label.tsx';
import { type PaymentAnswer, PaymentAnswerNotice } from '#components/pos/payment-answer.tsx';
import type { SplitMode } from '#components/pos/split-panel.tsx';
import { TenderForm } from '#components/pos/tender-form.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { type Currency, formatMoney, formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { orderQueryOptions } from '#lib/orders/queries.ts';
import { dueOnDevice, type QueuedPayment, queuedOrder, queuedPayments } from '#lib/payments/pending.ts';
import type { PayableOrder } from '#lib/payments/provisional.ts';
import { discountsQueryOptions, type OrderDiscount } from '#lib/payments/queries.ts';
import { itemsShare, splitEvenly } from '#lib/payments/split.ts';
import { blankTender, type TenderField, type TenderInput } from '#lib/payments/validation.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/checkout.css';

// The paid state (its words in four languages) arrives right after the first paint.
const PaidBadge = lazy(() => import('#components/pos/paid-badge.tsx'));

// Splitting is a second step: its panel loads right after the screen, outside its first download.
const SplitPanel = lazy(() => import('#components/pos/split-panel.tsx'));

/** Orders the database lets be paid (record_payment's order_not_payable says the same). */
const payable = new Set(['placed', 'preparing', 'ready', 'completed']);
/** A kiosk order awaiting payment is a draft the payment places (record_payment, issue 15). */
const canPay = (order: PayableOrder & { source?: string }) =>
  payable.has(order.status) || (order.status === 'draft' && order.source === 'kiosk');

/**
 * Checkout of one order (`/pos/orders/:id/pay`): what is still due, large; a payment at a time
 * (split tender: part cash, part card…) until nothing is due; the bill split by amount, evenly by
 * guests, or by items. Every payment goes through the outbox with its own UUID, so it is taken
 * offline too and the screen says whether it has reached the database.
 */
export default function Checkout() {
  const membership = useMembership();
  const params = useParams<{ id: string }>();
  const restaurantId = () => membership().restaurantId;
  const order = useQuery(() => orderQueryOptions(restaurantId(), params.id));
  const discounts = useQuery(() => discountsQueryOptions(restaurantId(), params.id));
  // The drawer's state loads right after the screen (the form waits for it before taking cash).
  const [shifts, setShifts] = createSignal<typeof import('#lib/shifts/current.ts')>();
  void import('#lib/shifts/current.ts').then((module) => setShifts(() => module));
  const shiftId = () => {
    const module = shifts();
    return module ? (module.currentShift(restaurantId())()?.id ?? null) : undefined;
  };
  const queued = createMemo(() => queuedPayments(outboxState(), params.id));
  // An order placed offline and still queued: paid against the total this device priced.
  const [provisional, setProvisional] = createSignal<PayableOrder | null>(null);
  createEffect(() => {
    // Offline the order's query waits (no data, not null): the queued command decides.
    if (order.data) return setProvisional(null);
    const payload = queuedOrder(outboxState(), params.id);
    if (!payload || provisional()?.id === payload.id) return;
    void import('#lib/payments/provisional-load.ts')
      .then((loader) => loader.loadProvisionalOrder(restaurantId(), payload))
      .then(setProvisional);
  });

  return (
    <main id="main" class="pos-main pay-main">
      <p>
        <A href={`/pos/orders/${params.id}`}>← {m.pay_back_to_order()}</A>
      </p>
      <Show
        when={order.data ?? provisional()}
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
          <CheckoutBody
            order={data()}
            provisional={!order.data}
            queued={queued()}
            discounts={discounts.data ?? []}
            shiftId={shiftId()}
          />
        )}
      </Show>
    </main>
  );
}

function CheckoutBody(props: {
  order: PayableOrder;
  /** Not in the database yet: the total is this device's pricing. */
  provisional: boolean;
  queued: QueuedPayment[];
  discounts: OrderDiscount[];
  /** This device's open shift; null: none; undefined: not known yet. */
  shiftId: string | null | undefined;
}) {
  const locale = () => currentLocale();
  const currency = (): Currency => ({ code: props.order.currency, exponent: props.order.currency_exponent });
  const money = (minor: number) => formatMoney(minor, currency(), locale());
  const forInput = (minor: number) => formatMoneyForInput(minor, currency(), locale());
  const due = () => dueOnDevice(props.order, props.queued);
  const [input, setInput] = createSignal<TenderInput>(blankTender('cash', forInput(due())));
  const [errors, setErrors] = createSignal<Partial<Record<TenderField, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const [answer, setAnswer] = createSignal<PaymentAnswer | null>(null);
  const [mode, setMode] = createSignal<SplitMode>('amount');
  const [guests, setGuests] = createSignal(2);
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const [paidLines, setPaidLines] = createSignal<ReadonlySet<string>>(new Set());
  // Rare (a cancelled or draft order): its sentence loads with the payment errors when needed.
  const [notPayable, setNotPayable] = createSignal('');
  createEffect(() => {
    if (canPay(props.order)) return;
    void import('#lib/payments/errors.ts').then((errors) =>
      setNotPayable(errors.describePaymentFailure({ code: 'order_not_payable' })),
    );
  });
  const evenParts = () => splitEvenly(due(), guests());
  const share = () => Math.min(itemsShare({ ...props.order, discounts: props.discounts }, picked()), due());

  const submit = async () => {
    if (busy()) return;
    // Read before sending: once queued, the payment is already off the due on screen.
    const dueBefore = due();
    const partBefore = evenParts()[0];
    setBusy(true);
    // Sending (the outbox's payment commands and their refusals) loads on the first payment.
    const { takePayment } = await import('#lib/payments/take.ts');
    const result = await takePayment({
      input: input(),
      due: due(),
      currency: currency(),
      locale: locale(),
      rows: (tender) => [
        {
          p_payment_id: crypto.randomUUID(),
          p_order_id: props.order.id,
          p_method: tender.method,
          p_amount: tender.amount,
          p_tip: tender.tip,
          ...(tender.tendered !== null ? { p_tendered: tender.tendered } : {}),
          // Every method counts in the drawer's shift report; cash needs it (the form insists).
          ...(props.shiftId ? { p_shift_id: props.shiftId } : {}),
          ...(tender.reference ? { p_reference: tender.reference } : {}),
        },
      ],
    });
    setBusy(false);
    if (result.kind === 'invalid') return setErrors(result.errors);
    setErrors({});
    setAnswer({ text: result.text, error: result.error, ...(result.change ? { change: result.change } : {}) });
    if (result.error) return;
    const { tender } = result;
    if (mode() === 'even' && guests() > 1 && tender.amount === partBefore) setGuests(guests() - 1);
    if (mode() === 'items') {
      setPaidLines(new Set([...paidLines(), ...picked()]));
      setPicked(new Set<string>());
    }
    setInput(blankTender(tender.method, forInput(Math.max(dueBefore - tender.amount, 0))));
  };

  return (
    <>
      <h1 class="pos-detail-title">
        {m.pay_title()} <OrderLabel number={props.order.number} provisional={props.order.provisional_code} />
        <Suspense>
          <PaidBadge order={props.order} />
        </Suspense>
      </h1>
      <Show when={props.provisional}>
        <p class="notice subtle">{m.pay_provisional_total()}</p>
      </Show>
      <Show when={answer()}>{(shown) => <PaymentAnswerNotice answer={shown()} />}</Show>
      <section class="pay-due" aria-live="polite">
        <span class="pay-due-label">{due() > 0 ? m.pay_due() : m.pay_nothing_due()}</span>
        <span class="pay-due-amount" data-testid="pay-due">
          {money(due())}
        </span>
        <span class="pay-due-detail">
          {m.pay_due_detail({ total: money(props.order.total), paid: money(props.order.total - due()) })}
        </span>
      </section>
      <Show when={canPay(props.order)} fallback={<p class="notice error">{notPayable()}</p>}>
        <Show
          when={due() > 0}
          fallback={
            <div class="actions pos-actions">
              <A href="/pos/orders" class="button pos-primary">
                {m.pay_done()}
              </A>
              <A href={`/pos/orders/${props.order.id}`} class="button secondary">
                {m.pay_back_to_order()}
              </A>
            </div>
          }
        >
          <Suspense>
            <SplitPanel
              mode={mode()}
              onMode={setMode}
              guests={guests()}
              onGuests={setGuests}
              parts={evenParts()}
              lines={props.order.lines}
              picked={picked()}
              onPicked={setPicked}
              paidLines={paidLines()}
              share={share()}
              money={money}
              onUse={(minor) => setInput({ ...input(), amount: forInput(minor), tendered: '' })}
            />
          </Suspense>
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
      </Show>
    </>
  );
}
