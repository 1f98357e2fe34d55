import { createSignal } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { FormActions, FormError } from '#components/ui/form-parts.tsx';
import { isConnectionFailure } from '#components/ui/needs-connection.tsx';
import type { DbResult } from '#lib/db.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { describeAdminFieldError, describeMenuError } from '#lib/menu/errors.ts';
import { checkName, readWholeNumber } from '#lib/menu/validation.ts';
import * as m from '#paraglide/messages.js';

export interface GroupValues {
  name: string;
  min_select: number;
  max_select: number;
}

export interface GroupFormProps {
  idPrefix: string;
  initial?: GroupValues;
  submitLabel: string;
  onSave: (values: GroupValues) => Promise<DbResult<unknown>>;
  onCancel?: () => void;
}

const groupFields = ['name', 'min_select', 'max_select'] as const;
type FieldName = (typeof groupFields)[number] | 'form';

/** Name and how many options a guest must / may pick (0–20, max ≥ 1 and ≥ min, as the database checks). */
export function GroupForm(props: GroupFormProps) {
  const [name, setName] = createSignal(props.initial?.name ?? '');
  const [min, setMin] = createSignal(String(props.initial?.min_select ?? 0));
  const [max, setMax] = createSignal(String(props.initial?.max_select ?? 1));
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    const nameError = checkName(name(), 80);
    if (nameError) found.name = describeAdminFieldError(nameError);
    const minRead = readWholeNumber(min(), 0, 20);
    const maxRead = readWholeNumber(max(), 1, 20);
    if (!minRead.ok) found.min_select = describeAdminFieldError(minRead.error);
    if (!maxRead.ok) found.max_select = describeAdminFieldError(maxRead.error);
    if (minRead.ok && maxRead.ok && maxRead.value < minRead.value)
      found.max_select = describeAdminFieldError({ code: 'min_max' });
    setErrors(found);
    if (Object.keys(found).length > 0 || !minRead.ok || !maxRead.ok) return;
    setBusy(true);
    const result = await props.onSave({ name: name().trim(), min_select: minRead.value, max_select: maxRead.value });
    setBusy(false);
    if (!result.ok) {
      return setErrors(
        isConnectionFailure(result.failure) ? {} : fieldErrorFor(result.failure, groupFields, describeMenuError),
      );
    }
    if (!props.initial) {
      setName('');
      setMin('0');
      setMax('1');
    }
  };

  return (
    <form class="inline-form group-form" onSubmit={submit} noValidate aria-busy={busy()}>
      <FormError message={errors().form} />
      <Field
        id={`${props.idPrefix}-name`}
        label={m.admin_menu_group_name()}
        value={name()}
        maxLength={80}
        onInput={(e) => setName(e.currentTarget.value)}
        error={errors().name}
      />
      <Field
        id={`${props.idPrefix}-min`}
        label={m.admin_menu_group_min()}
        inputmode="numeric"
        value={min()}
        onInput={(e) => setMin(e.currentTarget.value)}
        error={errors().min_select}
        hint={m.admin_menu_group_min_hint()}
      />
      <Field
        id={`${props.idPrefix}-max`}
        label={m.admin_menu_group_max()}
        inputmode="numeric"
        value={max()}
        onInput={(e) => setMax(e.currentTarget.value)}
        error={errors().max_select}
      />
      <FormActions submitText={props.submitLabel} busy={busy()} onCancel={props.onCancel} needsConnection />
    </form>
  );
}
