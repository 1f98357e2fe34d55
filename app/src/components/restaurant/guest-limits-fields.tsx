import { For } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { type GuestLimitField, guestLimits } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

const labels: Record<GuestLimitField, { label: () => string; hint: () => string }> = {
  guestOrdersPerGuest: {
    label: m.admin_settings_guest_orders_per_guest,
    hint: m.admin_settings_guest_orders_per_guest_hint,
  },
  guestLinesPerOrder: { label: m.admin_settings_guest_lines_per_order, hint: m.admin_settings_guest_lines_hint },
  guestOpenDraftsPerTable: {
    label: m.admin_settings_guest_drafts_per_table,
    hint: m.admin_settings_guest_drafts_per_table_hint,
  },
  guestOrdersPerHour: {
    label: m.admin_settings_guest_orders_per_hour,
    hint: m.admin_settings_guest_orders_per_hour_hint,
  },
  guestRequestsPerGuest: {
    label: m.admin_settings_guest_requests_per_guest,
    hint: m.admin_settings_guest_requests_per_guest_hint,
  },
};

const fields = Object.keys(guestLimits) as GuestLimitField[];

/**
 * What one QR code may send, next to the guest ordering mode: owners change them (the database
 * refuses anyone else), others see them. Plain number inputs, as the kitchen minutes are.
 */
export function GuestLimitsFields(props: {
  idPrefix: string;
  value: Record<GuestLimitField, number>;
  owner: boolean;
  errors: Partial<Record<GuestLimitField, string>>;
  onChange: (patch: Partial<Record<GuestLimitField, number>>) => void;
}) {
  return (
    <fieldset class="stack">
      <legend>{m.admin_settings_guest_limits()}</legend>
      <p class="field-hint">
        {props.owner ? m.admin_settings_guest_limits_hint() : m.admin_settings_guest_limits_owner_only()}
      </p>
      <For each={fields}>
        {(field) => (
          <Field
            id={`${props.idPrefix}-${field}`}
            label={labels[field].label()}
            hint={`${labels[field].hint()} ${m.admin_settings_guest_limit_range({ min: guestLimits[field].min, max: guestLimits[field].max })}`}
            type="number"
            inputMode="numeric"
            min={guestLimits[field].min}
            max={guestLimits[field].max}
            step={1}
            disabled={!props.owner}
            value={Number.isNaN(props.value[field]) ? '' : props.value[field]}
            onInput={(event) => props.onChange({ [field]: event.currentTarget.valueAsNumber })}
            error={props.errors[field]}
          />
        )}
      </For>
    </fieldset>
  );
}
