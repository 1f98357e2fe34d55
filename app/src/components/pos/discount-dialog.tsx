import { createMemo, createSignal, For, Show } from 'solid-js';
import { Dialog } from '#components/ui/dialog.tsx';
import { Field } from '#components/ui/field.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import { type Currency, formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { OrderDetail } from '#lib/orders/queries.ts';
import { describeInputError, describePaymentFailure } from '#lib/payments/errors.ts';
import { applyDiscount, discardRefused } from '#lib/payments/send.ts';
import {
  type Checked,
  checkReason,
  discountAmount,
  maxDiscountReasonLength,
  parseAmount,
  parsePercent,
} from '#lib/payments/validation.ts';
import * as m from '#paraglide/messages.js';

/**
 * A discount on the whole order or one line: a percentage or an amount, with a reason. The
 * database computes what it takes off and the new tax and total, and refuses what the person's
 * role may not give; a cashier sees the share of the subtotal the owner allows them.
 */
export function DiscountDialog(props: {
  order: OrderDetail;
  /** The order's live discounts (what each takes off now). */
  discounts: readonly { line_id: string | null; amount: number }[];
  currency: Currency;
  /** A cashier's limit in basis points of the subtotal; null for owners and managers. */
  limitBp: number | null;
  onClose: (done?: string) => void;
}) {
  const locale = () => currentLocale();
  const money = (minor: number) => formatMoney(minor, props.currency, locale());
  const [target, setTarget] = createSignal<string>('');
  const [kind, setKind] = createSignal<'percent' | 'amount'>('percent');
  const [value, setValue] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [valueError, setValueError] = createSignal<string | undefined>();
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const parsed = createMemo<Checked>(() =>
    kind() === 'percent' ? parsePercent(value()) : parseAmount(value(), props.currency, locale()),
  );
  // As the database computes it: a line discount is of the line's total; an order discount of the
  // subtotal less the line discounts. What is left to take off is that base less the live
  // discounts already on it (more is refused, never trimmed).
  const lineDiscounts = (lineId: string) =>
    props.discounts.filter((row) => row.line_id === lineId).reduce((sum, row) => sum + row.amount, 0);
  const base = () => {
    const line = props.order.lines.find((row) => row.id === target());
    if (line) return line.line_total;
    return (
      props.order.subtotal - props.discounts.filter((row) => row.line_id).reduce((sum, row) => sum + row.amount, 0)
    );
  };
  const available = () => {
    const line = props.order.lines.find((row) => row.id === target());
    return line ? line.line_total - lineDiscounts(line.id) : props.order.subtotal - props.order.discount;
  };
  const preview = () => {
    const checked = parsed();
    return checked.ok ? discountAmount(kind(), checked.minor, base()) : null;
  };

  const submit = async () => {
    const checked = parsed();
    const why = checkReason(reason(), maxDiscountReasonLength);
    let valueProblem = checked.ok ? undefined : describeInputError(checked.error, props.currency, locale());
    if (checked.ok && (preview() ?? 0) > available()) valueProblem = m.db_error_discount_exceeds_amount();
    setValueError(valueProblem);
    setReasonError(
      why
        ? why.code === 'empty'
          ? m.pay_reason_required()
          : describeInputError(why, props.currency, locale())
        : undefined,
    );
    if (!checked.ok || valueProblem || why || busy()) return;
    setBusy(true);
    const outcome = await applyDiscount({
      p_discount_id: crypto.randomUUID(),
      p_order_id: props.order.id,
      p_kind: kind(),
      p_value: checked.minor,
      p_reason: reason().trim(),
      ...(target() ? { p_line_id: target() } : {}),
    });
    setBusy(false);
    if (outcome.kind === 'refused') {
      await discardRefused(outcome);
      return setFailure(describePaymentFailure(outcome.failure));
    }
    if (outcome.kind === 'storage') return setFailure(m.pos_storage_unavailable());
    props.onClose(outcome.kind === 'queued' ? m.pay_discount_queued() : m.pay_discount_done());
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={m.pay_discount_title()}
      description={
        props.limitBp !== null
          ? m.pay_discount_limit({
              percent: (props.limitBp / 100).toLocaleString(locale()),
              amount: money(Math.floor((props.order.subtotal * props.limitBp) / 10000)),
            })
          : undefined
      }
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
        <div class="field">
          <label for="pay-discount-target">{m.pay_discount_target()}</label>
          <select id="pay-discount-target" value={target()} onChange={(event) => setTarget(event.currentTarget.value)}>
            <option value="">{m.pay_discount_whole_order()}</option>
            <For each={props.order.lines}>
              {(line) => (
                <option value={line.id}>
                  {line.qty} × {line.name} ({money(line.line_total)})
                </option>
              )}
            </For>
          </select>
        </div>
        <fieldset class="pay-split-modes pay-discount-kinds">
          <legend class="visually-hidden">{m.pay_discount_kind()}</legend>
          <button
            type="button"
            class="chip"
            aria-pressed={kind() === 'percent'}
            onClick={() => {
              setKind('percent');
              setValueError(undefined);
            }}
          >
            {m.pay_discount_kind_percent()}
          </button>
          <button
            type="button"
            class="chip"
            aria-pressed={kind() === 'amount'}
            onClick={() => {
              setKind('amount');
              setValueError(undefined);
            }}
          >
            {m.pay_discount_kind_amount()}
          </button>
        </fieldset>
        <Field
          id="pay-discount-value"
          label={kind() === 'percent' ? m.pay_discount_percent_label() : m.pay_discount_amount_label()}
          hint={preview() !== null ? m.pay_discount_preview({ amount: money(preview() ?? 0) }) : undefined}
          inputMode="decimal"
          autocomplete="off"
          value={value()}
          error={valueError()}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            setValueError(undefined);
          }}
        />
        <TextAreaField
          id="pay-discount-reason"
          label={m.pay_reason_label()}
          rows={2}
          maxLength={maxDiscountReasonLength}
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
          <button type="submit" disabled={busy()}>
            {m.pay_discount_confirm()}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
