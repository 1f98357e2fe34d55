import { createSignal } from 'solid-js';
import { DenominationHelper } from '#components/shifts/denomination-helper.tsx';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import { type DrawerMessage, messageFor } from '#components/shifts/outcome.ts';
import { Field } from '#components/ui/field.tsx';
import { formatMoneyForInput } from '#lib/format/money.ts';
import { openShift } from '#lib/shifts/drawer.ts';
import { describeCashInputError } from '#lib/shifts/errors.ts';
import { parseCashInput } from '#lib/shifts/validation.ts';
import * as m from '#paraglide/messages.js';

/** Opens this device's drawer with the float counted into it. */
export function OpenDrawerForm(props: { context: DrawerContext; onMessage: (message: DrawerMessage) => void }) {
  const [amount, setAmount] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);

  const submit = async () => {
    const parsed = parseCashInput(amount(), props.context.currency, props.context.locale);
    if (!parsed.ok) return setError(describeCashInputError(parsed.error));
    setError(undefined);
    setBusy(true);
    const outcome = await openShift(props.context.restaurantId, parsed.minor);
    setBusy(false);
    props.onMessage(await messageFor(outcome, m.drawer_opened(), m.drawer_opened_queued()));
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
      <h2>{m.drawer_open_title()}</h2>
      <p class="field-hint">{m.drawer_open_hint()}</p>
      <Field
        id="drawer-float"
        label={m.drawer_float_label({ currency: props.context.currency.code })}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={amount()}
        error={error()}
        onInput={(event) => setAmount(event.currentTarget.value)}
      />
      <DenominationHelper
        id="drawer-float-count"
        currency={props.context.currency.code}
        money={props.context.money}
        onUse={(total) => setAmount(formatMoneyForInput(total, props.context.currency, props.context.locale))}
      />
      <div class="actions">
        <button type="submit" class="pos-primary" disabled={busy()}>
          {busy() ? m.common_submitting() : m.drawer_open_submit()}
        </button>
      </div>
    </form>
  );
}
