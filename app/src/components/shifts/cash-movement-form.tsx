import { createSignal } from 'solid-js';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import { type DrawerMessage, messageFor } from '#components/shifts/outcome.ts';
import { Field } from '#components/ui/field.tsx';
import { RadioField } from '#components/ui/radio-field.tsx';
import { recordCashMovement } from '#lib/shifts/drawer.ts';
import { describeCashInputError, describeReasonError } from '#lib/shifts/errors.ts';
import { checkMovementReason, maxReasonLength, parseCashInput } from '#lib/shifts/validation.ts';
import * as m from '#paraglide/messages.js';

/** Cash put into the drawer (change from the bank) or taken out (a supplier paid), with why. */
export function CashMovementForm(props: {
  context: DrawerContext;
  shiftId: string;
  onMessage: (message: DrawerMessage) => void;
}) {
  const [kind, setKind] = createSignal<'cash_in' | 'cash_out'>('cash_out');
  const [amount, setAmount] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [amountError, setAmountError] = createSignal<string | undefined>();
  const [reasonError, setReasonError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);

  const submit = async () => {
    const parsed = parseCashInput(amount(), props.context.currency, props.context.locale, { allowZero: false });
    const why = checkMovementReason(reason());
    setAmountError(parsed.ok ? undefined : describeCashInputError(parsed.error));
    setReasonError(why ? describeReasonError(why) : undefined);
    if (!parsed.ok || why) return;
    setBusy(true);
    const outcome = await recordCashMovement(props.context.restaurantId, props.shiftId, kind(), parsed.minor, reason());
    setBusy(false);
    const message = await messageFor(outcome, m.drawer_movement_recorded(), m.drawer_movement_queued());
    props.onMessage(message);
    if (!message.error) {
      setAmount('');
      setReason('');
    }
  };

  return (
    <form
      class="drawer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{m.drawer_movement_title()}</h2>
      <RadioField
        name="drawer-movement-kind"
        legend={m.drawer_movement_kind()}
        value={kind()}
        onChange={setKind}
        options={[
          { value: 'cash_out', label: m.drawer_movement_out() },
          { value: 'cash_in', label: m.drawer_movement_in() },
        ]}
      />
      <Field
        id="drawer-movement-amount"
        label={m.drawer_movement_amount({ currency: props.context.currency.code })}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={amount()}
        error={amountError()}
        onInput={(event) => setAmount(event.currentTarget.value)}
      />
      <Field
        id="drawer-movement-reason"
        label={m.drawer_movement_reason()}
        hint={m.drawer_movement_reason_hint()}
        type="text"
        maxLength={maxReasonLength}
        value={reason()}
        error={reasonError()}
        onInput={(event) => setReason(event.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" disabled={busy()}>
          {busy() ? m.common_submitting() : m.drawer_movement_submit()}
        </button>
      </div>
    </form>
  );
}
