import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Dialog } from '#components/ui/dialog.tsx';
import { Field } from '#components/ui/field.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import { type Currency, formatMoney, formatMoneyForInput } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { describeInputError, describePaymentFailure } from '#lib/payments/errors.ts';
import { methodLabel } from '#lib/payments/methods.ts';
import type { Payment } from '#lib/payments/queries.ts';
import { discardRefused, refundPayment } from '#lib/payments/send.ts';
import { checkReason, checkRefundAmount, maxRefundReasonLength } from '#lib/payments/validation.ts';
import { currentShift } from '#lib/shifts/current.ts';
import * as m from '#paraglide/messages.js';

/**
 * Refund all or part of one payment (owners and managers; the database refuses others), with a
 * reason. Cash comes out of this device's open drawer, so a cash refund needs the open shift.
 */
export function RefundDialog(props: {
  payment: Payment;
  refundable: number;
  currency: Currency;
  restaurantId: string;
  /** Closed; with the sentence to show when a refund was taken. */
  onClose: (done?: string) => void;
}) {
  const locale = () => currentLocale();
  const money = (minor: number) => formatMoney(minor, props.currency, locale());
  const shift = () => currentShift(props.restaurantId)();
  const [amount, setAmount] = createSignal(formatMoneyForInput(props.refundable, props.currency, locale()));
  const [reason, setReason] = createSignal('');
  const [amountError, setAmountError] = createSignal<string | undefined>();
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const cashBlocked = () => props.payment.method === 'cash' && !shift();

  const submit = async () => {
    const checked = checkRefundAmount(amount(), props.refundable, props.currency, locale());
    const why = checkReason(reason(), maxRefundReasonLength);
    setAmountError(checked.ok ? undefined : describeInputError(checked.error, props.currency, locale()));
    setReasonError(
      why
        ? why.code === 'empty'
          ? m.pay_reason_required()
          : describeInputError(why, props.currency, locale())
        : undefined,
    );
    if (!checked.ok || why || cashBlocked() || busy()) return;
    setBusy(true);
    const shiftId = shift()?.id;
    const outcome = await refundPayment({
      p_refund_id: crypto.randomUUID(),
      p_payment_id: props.payment.id,
      p_amount: checked.minor,
      p_reason: reason().trim(),
      ...(shiftId ? { p_shift_id: shiftId } : {}),
    });
    setBusy(false);
    if (outcome.kind === 'refused') {
      await discardRefused(outcome);
      return setFailure(describePaymentFailure(outcome.failure));
    }
    if (outcome.kind === 'storage') return setFailure(m.pos_storage_unavailable());
    const done = m.pay_refund_done({ amount: money(checked.minor) });
    props.onClose(outcome.kind === 'queued' ? `${done} ${m.pay_not_sent_yet()}` : done);
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={m.pay_refund_title()}
      description={m.pay_refund_description({
        method: methodLabel(props.payment.method),
        amount: money(props.payment.amount),
        refundable: money(props.refundable),
      })}
    >
      <form
        class="pay-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Show when={failure()}>
          <p class="notice error" role="alert">
            {failure()}
          </p>
        </Show>
        <Show when={cashBlocked()}>
          <p class="notice error" role="alert">
            {m.pay_refund_no_shift()} <A href="/pos/drawer">{m.pay_open_drawer()}</A>
          </p>
        </Show>
        <Field
          id="pay-refund-amount"
          label={m.pay_refund_amount()}
          inputMode="decimal"
          autocomplete="off"
          value={amount()}
          error={amountError()}
          onInput={(event) => {
            setAmount(event.currentTarget.value);
            setAmountError(undefined);
          }}
        />
        <TextAreaField
          id="pay-refund-reason"
          label={m.pay_reason_label()}
          rows={2}
          maxLength={maxRefundReasonLength}
          value={reason()}
          error={reasonError()}
          onInput={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(undefined);
          }}
        />
        <div class="dialog-actions">
          <button type="button" class="secondary" onClick={() => props.onClose()}>
            {m.common_cancel()}
          </button>
          <button type="submit" class="danger" disabled={busy() || cashBlocked()}>
            {m.pay_refund_confirm()}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
