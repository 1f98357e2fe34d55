import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { OrderLabel } from '#components/pos/order-label.tsx';
import { PaidBadge } from '#components/pos/paid-badge.tsx';
import { methodLabel, TenderForm } from '#components/pos/tender-form.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { type Currency, formatMoney, formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { type OrderDetail, orderQueryOptions } from '#lib/orders/queries.ts';
import { describePaymentFailure } from '#lib/payments/errors.ts';
import { dueOnDevice, paidState, queuedPayments } from '#lib/payments/pending.ts';
import { discountsQueryOptions } from '#lib/payments/queries.ts';
import { discardRefused, recordPayments } from '#lib/payments/send.ts';
import { itemsShare, splitEvenly } from '#lib/payments/split.ts';
import { checkTender, type InputError, type TenderField, type TenderInput } from '#lib/payments/validation.ts';
import { currentShift } from '#lib/shifts/current.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/checkout.css';

/** Orders the database lets be paid (record_payment's order_not_payable says the same). */
const payable = new Set(['placed', 'preparing', 'ready', 'completed']);

type SplitMode = 'amount' | 'even' | 'items';

/** What the screen says after "Take payment". */
interface Answer {
  text: string;
  error: boolean;
  change?: number;
}

export const blankTender = (method: TenderInput['method'] = 'cash'): TenderInput => ({
  method,
  amount: '',
  tendered: '',
  tip: '',
  reference: '',
});

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
  const shift = () => currentShift(restaurantId())();
  const queued = createMemo(() => queuedPayments(outboxState(), params.id));

  return (
    <main id="main" class="pos-main pay-main">
      <p>
        <A href={`/pos/orders/${params.id}`}>← {m.pay_back_to_order()}</A>
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
          <CheckoutBody
            order={data()}
            queued={queued()}
            discounts={discounts.data ?? []}
            shiftId={shift()?.id ?? null}
          />
        )}
      </Show>
    </main>
  );
}

function CheckoutBody(props: {
  order: OrderDetail;
  queued: ReturnType<typeof queuedPayments>;
  discounts: { line_id: string | null; amount: number }[];
  shiftId: string | null;
}) {
  const locale = () => currentLocale();
  const currency = (): Currency => ({ code: props.order.currency, exponent: props.order.currency_exponent });
  const money = (minor: number) => formatMoney(minor, currency(), locale());
  const due = () => dueOnDevice(props.order, props.queued);
  const state = () => paidState(props.order, props.queued);
  const [input, setInput] = createSignal<TenderInput>({
    ...blankTender(),
    amount: formatMoneyForInput(due(), currency(), locale()),
  });
  const [errors, setErrors] = createSignal<Partial<Record<TenderField, InputError>>>({});
  const [busy, setBusy] = createSignal(false);
  const [answer, setAnswer] = createSignal<Answer | null>(null);
  const [mode, setMode] = createSignal<SplitMode>('amount');
  const [guests, setGuests] = createSignal(2);
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const [paidLines, setPaidLines] = createSignal<ReadonlySet<string>>(new Set());

  const setAmount = (minor: number) =>
    setInput({ ...input(), amount: formatMoneyForInput(minor, currency(), locale()), tendered: '' });
  const evenParts = () => splitEvenly(due(), guests());
  const share = () => Math.min(itemsShare({ ...props.order, discounts: props.discounts }, picked()), due());

  const submit = async () => {
    if (busy()) return;
    const checked = checkTender(input(), due(), currency(), locale());
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const tender = checked.tender;
    if (tender.method === 'cash' && !props.shiftId) return;
    setBusy(true);
    const outcome = await recordPayments([
      {
        p_payment_id: crypto.randomUUID(),
        p_order_id: props.order.id,
        p_method: tender.method,
        p_amount: tender.amount,
        p_tip: tender.tip,
        ...(tender.tendered !== null ? { p_tendered: tender.tendered } : {}),
        ...(props.shiftId ? { p_shift_id: props.shiftId } : {}),
        ...(tender.reference ? { p_reference: tender.reference } : {}),
      },
    ]);
    setBusy(false);
    if (outcome.kind === 'refused') {
      await discardRefused(outcome);
      setAnswer({ text: describePaymentFailure(outcome.failure), error: true });
      return;
    }
    if (outcome.kind === 'storage') {
      setAnswer({
        text: outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable(),
        error: true,
      });
      return;
    }
    const taken = m.pay_taken({ amount: money(tender.amount), method: methodLabel(tender.method) });
    setAnswer({
      text: outcome.kind === 'queued' ? `${taken} ${m.pay_not_sent_yet()}` : taken,
      error: false,
      ...(tender.tendered !== null ? { change: tender.tendered - tender.amount - tender.tip } : {}),
    });
    if (mode() === 'even' && guests() > 1 && tender.amount === evenParts()[0]) setGuests(guests() - 1);
    if (mode() === 'items') {
      setPaidLines(new Set([...paidLines(), ...picked()]));
      setPicked(new Set<string>());
    }
    const left = Math.max(due() - tender.amount, 0);
    setInput({ ...blankTender(tender.method), amount: formatMoneyForInput(left, currency(), locale()) });
  };

  return (
    <>
      <h1 class="pos-detail-title">
        {m.pay_title()} <OrderLabel number={props.order.number} provisional={props.order.provisional_code} />
        <PaidBadge state={state()} />
      </h1>
      <Show when={answer()}>
        {(shown) => (
          <div class={shown().error ? 'notice error' : 'notice pay-answer'} role={shown().error ? 'alert' : 'status'}>
            <p>{shown().text}</p>
            <Show when={(shown().change ?? 0) > 0}>
              <p class="pay-answer-change">
                {m.pay_give_change()} <strong>{money(shown().change ?? 0)}</strong>
              </p>
            </Show>
          </div>
        )}
      </Show>
      <section class="pay-due" aria-live="polite">
        <span class="pay-due-label">{due() > 0 ? m.pay_due() : m.pay_nothing_due()}</span>
        <span class="pay-due-amount">{money(due())}</span>
        <span class="pay-due-detail">
          {m.pay_due_detail({ total: money(props.order.total), paid: money(props.order.total - due()) })}
        </span>
      </section>
      <Show
        when={payable.has(props.order.status)}
        fallback={<p class="notice error">{m.db_error_order_not_payable()}</p>}
      >
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
          <fieldset class="pay-split">
            <legend>{m.pay_split_label()}</legend>
            <div class="pay-split-modes">
              <button type="button" class="chip" aria-pressed={mode() === 'amount'} onClick={() => setMode('amount')}>
                {m.pay_split_amount()}
              </button>
              <button type="button" class="chip" aria-pressed={mode() === 'even'} onClick={() => setMode('even')}>
                {m.pay_split_even()}
              </button>
              <button type="button" class="chip" aria-pressed={mode() === 'items'} onClick={() => setMode('items')}>
                {m.pay_split_items()}
              </button>
            </div>
            <Show when={mode() === 'amount'}>
              <p class="field-hint">{m.pay_split_amount_hint()}</p>
            </Show>
            <Show when={mode() === 'even'}>
              <div class="pay-guests">
                <button
                  type="button"
                  class="secondary"
                  aria-label={m.common_decrease()}
                  disabled={guests() <= 1}
                  onClick={() => setGuests(Math.max(1, guests() - 1))}
                >
                  −
                </button>
                <output aria-live="polite">{m.pay_guests({ count: guests() })}</output>
                <button
                  type="button"
                  class="secondary"
                  aria-label={m.common_increase()}
                  disabled={guests() >= 50}
                  onClick={() => setGuests(Math.min(50, guests() + 1))}
                >
                  +
                </button>
              </div>
              <ol class="pay-parts">
                <For each={evenParts()}>
                  {(part, index) => (
                    <li>
                      <span>{m.pay_part({ part: index() + 1, count: guests() })}</span>
                      <span class="pay-part-amount">{money(part)}</span>
                    </li>
                  )}
                </For>
              </ol>
              <button type="button" class="secondary" onClick={() => setAmount(evenParts()[0] ?? 0)}>
                {m.pay_use_part({ amount: money(evenParts()[0] ?? 0) })}
              </button>
            </Show>
            <Show when={mode() === 'items'}>
              <ul class="pay-items">
                <For each={props.order.lines}>
                  {(line) => (
                    <li>
                      <label class="pos-option">
                        <input
                          type="checkbox"
                          checked={picked().has(line.id)}
                          disabled={paidLines().has(line.id)}
                          onChange={(event) => {
                            const next = new Set(picked());
                            if (event.currentTarget.checked) next.add(line.id);
                            else next.delete(line.id);
                            setPicked(next);
                          }}
                        />
                        <span class="pos-option-name">
                          {line.qty} × {line.name}
                          <Show when={paidLines().has(line.id)}> — {m.pay_item_paid()}</Show>
                        </span>
                        <span class="pos-option-delta">{money(line.line_total)}</span>
                      </label>
                    </li>
                  )}
                </For>
              </ul>
              <p class="field-hint">{m.pay_items_hint()}</p>
              <button type="button" class="secondary" disabled={share() <= 0} onClick={() => setAmount(share())}>
                {m.pay_use_items({ amount: money(share()) })}
              </button>
            </Show>
          </fieldset>
          <TenderForm
            due={due()}
            currency={currency()}
            input={input()}
            onInput={setInput}
            errors={errors()}
            hasShift={props.shiftId !== null}
            busy={busy()}
            onSubmit={() => void submit()}
          />
        </Show>
      </Show>
    </>
  );
}
