import { Field } from '#components/ui/field.tsx';
import { RadioField } from '#components/ui/radio-field.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import type { GuestOrdering, TaxMode } from '#lib/restaurant/draft.ts';
import * as m from '#paraglide/messages.js';

export interface RulesValue {
  taxMode: TaxMode;
  taxRate: string;
  cutoffHour: number;
  guestOrdering: GuestOrdering;
}

export interface RulesFieldsProps {
  /** Prefix for element ids, so the wizard and the settings screen never share one. */
  idPrefix: string;
  value: RulesValue;
  onChange: (patch: Partial<RulesValue>) => void;
  taxRateError?: string | null | undefined;
  cutoffError?: string | null | undefined;
}

/** Tax, business day and guest ordering: asked in the wizard's last step and on the settings screen. */
export function RulesFields(props: RulesFieldsProps) {
  const hours = Array.from({ length: 24 }, (_, hour) => ({
    value: String(hour),
    label: `${String(hour).padStart(2, '0')}:00`,
  }));
  return (
    <>
      <RadioField<TaxMode>
        name={`${props.idPrefix}-tax-mode`}
        legend={m.tenancy_tax_mode_legend()}
        value={props.value.taxMode}
        onChange={(taxMode) => props.onChange({ taxMode })}
        options={[
          {
            value: 'inclusive',
            label: m.tenancy_tax_mode_inclusive(),
            description: m.tenancy_tax_mode_inclusive_hint(),
          },
          {
            value: 'exclusive',
            label: m.tenancy_tax_mode_exclusive(),
            description: m.tenancy_tax_mode_exclusive_hint(),
          },
        ]}
      />
      <Field
        id={`${props.idPrefix}-tax-rate`}
        label={m.tenancy_tax_rate_label()}
        hint={m.tenancy_tax_rate_hint()}
        inputmode="decimal"
        autocomplete="off"
        value={props.value.taxRate}
        onInput={(e) => props.onChange({ taxRate: e.currentTarget.value })}
        error={props.taxRateError}
      />
      <SelectField
        id={`${props.idPrefix}-cutoff`}
        label={m.tenancy_cutoff_label()}
        hint={m.tenancy_cutoff_hint()}
        options={hours}
        value={String(props.value.cutoffHour)}
        onChange={(hour) => props.onChange({ cutoffHour: Number(hour) })}
        error={props.cutoffError}
      />
      <RadioField<GuestOrdering>
        name={`${props.idPrefix}-guest-ordering`}
        legend={m.tenancy_guest_ordering_legend()}
        value={props.value.guestOrdering}
        onChange={(guestOrdering) => props.onChange({ guestOrdering })}
        options={[
          { value: 'off', label: m.tenancy_guest_ordering_off(), description: m.tenancy_guest_ordering_off_hint() },
          {
            value: 'draft_first',
            label: m.tenancy_guest_ordering_draft_first(),
            description: m.tenancy_guest_ordering_draft_first_hint(),
          },
          {
            value: 'auto_accept',
            label: m.tenancy_guest_ordering_auto_accept(),
            description: m.tenancy_guest_ordering_auto_accept_hint(),
          },
        ]}
      />
    </>
  );
}

/** Currencies the database supports, as select options ("XOF — West African CFA franc"). */
export function currencyOptions(currencies: readonly { code: string; name: string }[], uiLocale: string) {
  const names = safeDisplayNames(uiLocale);
  return currencies
    .map((c) => ({ value: c.code, label: `${c.code} — ${names?.of(c.code) ?? c.name}` }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

function safeDisplayNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    return null;
  }
}
