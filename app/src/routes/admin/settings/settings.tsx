import { useQueryClient } from '@tanstack/solid-query';
import { createEffect, createSignal, Show, untrack } from 'solid-js';
import { BoardLink } from '#components/board/board-link.tsx';
import { GuestLimitsFields } from '#components/restaurant/guest-limits-fields.tsx';
import { RegionFields } from '#components/restaurant/region-fields.tsx';
import { RulesFields } from '#components/restaurant/rules-fields.tsx';
import { Field } from '#components/ui/field.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import { session } from '#lib/auth/session.ts';
import { fieldErrorFor } from '#lib/field-errors.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { saveSettings, showSavedRestaurant } from '#lib/restaurant/commands.ts';
import { describeRestaurantError } from '#lib/restaurant/errors.ts';
import { queryKeys, type Restaurant, useRestaurant } from '#lib/restaurant/queries.ts';
import { type SettingsField, type SettingsForm, settingsFormOf, settingsUpdate } from '#lib/restaurant/settings.ts';
import { formatTaxRate, receiptTextMaxLength } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

/** The restaurant's settings: name, region, tax, business day, guest ordering and its limits, receipt text. */
export default function AdminSettings() {
  const membership = useAdminRestaurant();
  const restaurant = useRestaurant(() => membership().restaurantId);
  const queryClient = useQueryClient();
  return (
    <main id="main" class="narrow">
      <h1>{m.admin_settings_title()}</h1>
      {/* Remount per restaurant (the switcher), but not when a save refetches the same one. */}
      <Show when={restaurant.data?.id} keyed fallback={<p class="loading">{m.common_loading()}</p>}>
        {(restaurantId) => (
          <SettingsEditor
            restaurant={() => (restaurant.data?.id === restaurantId ? restaurant.data : undefined)}
            owner={membership().role === 'owner'}
          />
        )}
      </Show>
      <Show when={restaurant.data}>
        {(row) => (
          <BoardLink
            restaurant={row()}
            onRotated={(next) => queryClient.setQueryData(queryKeys.restaurant(next.id), next)}
          />
        )}
      </Show>
    </main>
  );
}

// Where a database refusal is shown; others (a slug code cannot happen here) go above the form.
const failureFields = { name: 'name', timezone: 'timezone', currency: 'currency', tax_rate: 'taxRate' } as const;

function SettingsEditor(props: { restaurant: () => Restaurant | undefined; owner: boolean }) {
  const formatRate = (bp: number) => formatTaxRate(bp, currentLocale());
  const [form, setForm] = createSignal<SettingsForm | null>(null);
  const [dirty, setDirty] = createSignal(false);
  // Follows the row (the cache first, then the server's answer) until the person starts typing,
  // so a screen opened from a stale offline cache still ends up showing what is stored.
  createEffect(() => {
    const row = props.restaurant();
    if (row && !untrack(dirty)) setForm(settingsFormOf(row, formatRate));
  });
  const [errors, setErrors] = createSignal<Partial<Record<SettingsField, string>>>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();
  let formElement: HTMLFormElement | undefined;

  const update = (patch: Partial<SettingsForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setDirty(true);
    setSaved(false);
    // A refusal of the whole form is about what was sent; an edit is a new attempt.
    setFormError(null);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const focusFirstError = () =>
    queueMicrotask(() => formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const current = form();
    const id = props.restaurant()?.id;
    if (!current || !id) return;
    const checked = settingsUpdate(current);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, e]) => [k, describeRestaurantError(e)])));
      return focusFirstError();
    }
    setBusy(true);
    const result = await saveSettings(id, checked.update);
    setBusy(false);
    if (!result.ok) {
      // Not reached is not refused: <NeedsConnection> says so by the button until the API answers.
      if (isConnectionFailure(result.failure)) return;
      const { form: message, ...fields } = fieldErrorFor(result.failure, failureFields, describeRestaurantError);
      if (message !== undefined) return setFormError(message);
      setErrors(fields);
      return focusFirstError();
    }
    setSaved(true);
    setDirty(false);
    await showSavedRestaurant(result.data, session()?.user.id ?? '');
  };

  return (
    <Show when={form()} fallback={<p class="loading">{m.common_loading()}</p>}>
      {(f) => (
        <form ref={formElement} class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
          <Field
            id="settings-name"
            label={m.onboarding_name_label()}
            maxLength={100}
            value={f().name}
            onInput={(e) => update({ name: e.currentTarget.value })}
            error={errors().name}
          />
          <RegionFields
            idPrefix="settings"
            value={f()}
            onCountry={(country) => update({ country })}
            onChange={update}
            currencyLocked
            errors={errors()}
          />
          <RulesFields
            idPrefix="settings"
            value={f()}
            onChange={update}
            taxRateError={errors().taxRate}
            cutoffError={errors().cutoffHour}
          />
          {/* Owners only: the database refuses anyone else's change of these. */}
          <GuestLimitsFields idPrefix="settings" value={f()} owner={props.owner} errors={errors()} onChange={update} />
          {/* Owners only: the database refuses a manager's change of this one setting. */}
          <Field
            id="settings-cashier-discount-limit"
            label={m.admin_settings_cashier_discount_limit()}
            hint={
              props.owner
                ? m.admin_settings_cashier_discount_limit_hint()
                : m.admin_settings_cashier_discount_limit_owner_only()
            }
            inputMode="decimal"
            disabled={!props.owner}
            value={f().cashierDiscountLimit}
            onInput={(e) => update({ cashierDiscountLimit: e.currentTarget.value })}
            error={errors().cashierDiscountLimit}
          />
          <TextAreaField
            id="settings-receipt-header"
            label={m.admin_settings_receipt_header()}
            hint={m.admin_settings_receipt_hint({ max: receiptTextMaxLength })}
            value={f().receiptHeader}
            onInput={(e) => update({ receiptHeader: e.currentTarget.value })}
            error={errors().receiptHeader}
          />
          <TextAreaField
            id="settings-receipt-footer"
            label={m.admin_settings_receipt_footer()}
            hint={m.admin_settings_receipt_hint({ max: receiptTextMaxLength })}
            value={f().receiptFooter}
            onInput={(e) => update({ receiptFooter: e.currentTarget.value })}
            error={errors().receiptFooter}
          />
          <fieldset class="stack">
            <legend>{m.kds_settings_title()}</legend>
            {/* Plain number inputs: the stepper widget would put the settings screen over its budget. */}
            <Field
              id="settings-kds-warn"
              label={m.kds_settings_warn()}
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              value={f().kdsWarnMinutes}
              onInput={(e) => update({ kdsWarnMinutes: e.currentTarget.valueAsNumber })}
            />
            <Field
              id="settings-kds-late"
              label={m.kds_settings_late()}
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              value={f().kdsLateMinutes}
              onInput={(e) => update({ kdsLateMinutes: e.currentTarget.valueAsNumber })}
              error={errors().kdsLateMinutes}
            />
          </fieldset>
          <div class="actions">
            <button type="submit" disabled={busy() || !online()} aria-describedby="settings-offline">
              {busy() ? m.common_submitting() : m.admin_settings_save()}
            </button>
            <Show when={saved()}>
              <span role="status">{m.admin_settings_saved()}</span>
            </Show>
          </div>
          <NeedsConnection id="settings-offline" />
          {/* A refusal of the whole form sits by the button that sent it, not above a long form. */}
          <Show when={formError()}>
            <p class="notice error" role="alert">
              {formError()}
            </p>
          </Show>
        </form>
      )}
    </Show>
  );
}
