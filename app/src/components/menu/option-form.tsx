import { createSignal } from 'solid-js';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { Field } from '#components/ui/field.tsx';
import { FormActions, FormError } from '#components/ui/form-parts.tsx';
import { isConnectionFailure } from '#components/ui/needs-connection.tsx';
import type { DbResult } from '#lib/db.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { describeMenuError } from '#lib/menu/errors.ts';
import {
  deltaForInput,
  type OptionErrors,
  type OptionValues,
  optionFields,
  optionNameMax,
  readOptionValues,
} from '#lib/menu/option-values.ts';
import * as m from '#paraglide/messages.js';

export interface OptionFormProps {
  idPrefix: string;
  /** The form's accessible name ("Add option to Sauce", "Edit option Mayo"). */
  label: string;
  /** The submit button's visible text, and its accessible name when that differs. */
  submitText: string;
  submitName?: string;
  /** The option being edited; without it the form adds one and empties itself after. */
  initial?: OptionValues;
  onSave: (values: OptionValues) => Promise<DbResult<unknown>>;
  onCancel?: () => void;
}

/** An option's name and price change, typed in the restaurant's currency and checked before sending. */
export function OptionForm(props: OptionFormProps) {
  const editor = useMenuEditor();
  const initial = props.initial;
  const [name, setName] = createSignal(initial?.name ?? '');
  const [delta, setDelta] = createSignal(
    initial ? deltaForInput(initial.price_delta, editor.money, currentLocale()) : '',
  );
  const [errors, setErrors] = createSignal<OptionErrors>({});
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const reading = readOptionValues({ name: name(), delta: delta() }, editor.money, currentLocale());
    if (!reading.ok) return setErrors(reading.errors);
    setErrors({});
    setBusy(true);
    const result = await props.onSave(reading.values);
    setBusy(false);
    if (!result.ok) {
      return setErrors(
        isConnectionFailure(result.failure) ? {} : fieldErrorFor(result.failure, optionFields, describeMenuError),
      );
    }
    if (!initial) {
      setName('');
      setDelta('');
    }
  };

  return (
    <form class="inline-form" onSubmit={submit} noValidate aria-label={props.label} aria-busy={busy()}>
      <FormError message={errors().form} />
      <Field
        id={`${props.idPrefix}-name`}
        label={m.admin_menu_option_name()}
        value={name()}
        maxLength={optionNameMax}
        onInput={(e) => setName(e.currentTarget.value)}
        error={errors().name}
        autofocus={initial !== undefined}
      />
      <Field
        id={`${props.idPrefix}-delta`}
        label={m.admin_menu_option_price({ currency: editor.money.currency })}
        inputmode="decimal"
        autocomplete="off"
        value={delta()}
        onInput={(e) => setDelta(e.currentTarget.value)}
        error={errors().price_delta}
        hint={m.admin_menu_option_price_hint()}
      />
      <FormActions
        submitText={props.submitText}
        submitName={props.submitName}
        busy={busy()}
        onCancel={props.onCancel}
        needsConnection
      />
    </form>
  );
}
