import { createMemo } from 'solid-js';
import { currencyOptions } from '#components/restaurant/rules-fields.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import { currentLocale } from '#lib/i18n/locale.ts';
import { countries, countryName } from '#lib/restaurant/countries.ts';
import { useCurrencies } from '#lib/restaurant/queries.ts';
import { zoneChoices } from '#lib/restaurant/time-zones.ts';
import * as m from '#paraglide/messages.js';

export interface RegionValue {
  country: string;
  currency: string;
  timezone: string;
  locale: string;
}

export interface RegionFieldsProps {
  idPrefix: string;
  value: RegionValue;
  /** Country changes go through the caller, which also applies the country's defaults. */
  onCountry: (country: string) => void;
  onChange: (patch: Partial<RegionValue>) => void;
  /** The currency is fixed once a restaurant has sales (the database refuses to change it). */
  currencyLocked?: boolean;
  errors: Partial<Record<keyof RegionValue, string | null>>;
}

const appLanguages = ['en', 'fr', 'es', 'id'];

/** Country, currency, time zone and receipt language of a restaurant. */
export function RegionFields(props: RegionFieldsProps) {
  const currencies = useCurrencies();
  const countryOptions = createMemo(() =>
    countries
      .map((c) => ({ value: c.code, label: countryName(c.code, currentLocale()) }))
      .sort((a, b) => a.label.localeCompare(b.label, currentLocale())),
  );
  // Until the list loads (or offline), offer the currencies of the known countries and the current one.
  const currencyChoices = createMemo(() => {
    const known = currencies.data ?? countries.map((c) => ({ code: c.currency, name: c.currency }));
    const withCurrent =
      known.some((c) => c.code === props.value.currency) || props.value.currency === ''
        ? known
        : [...known, { code: props.value.currency, name: props.value.currency }];
    return currencyOptions(
      withCurrent.filter((c, i, all) => all.findIndex((d) => d.code === c.code) === i),
      currentLocale(),
    );
  });
  // Grouped by country, the restaurant's own first; "Buenos Aires (GMT−3)", stored as the IANA id.
  const zones = createMemo(() =>
    zoneChoices({
      locale: currentLocale(),
      countryName: (code) => countryName(code, currentLocale()),
      countryFirst: props.value.country,
      current: props.value.timezone,
    }),
  );
  const localeChoices = createMemo(() => {
    const tags = [...new Set([props.value.locale, ...countries.map((c) => c.locale), ...appLanguages])].filter(Boolean);
    const names = languageNames(currentLocale());
    return tags
      .map((tag) => ({ value: tag, label: `${names?.of(tag) ?? tag} (${tag})` }))
      .sort((a, b) => a.label.localeCompare(b.label, currentLocale()));
  });
  return (
    <>
      <SelectField
        id={`${props.idPrefix}-country`}
        label={m.tenancy_country_label()}
        hint={m.tenancy_country_hint()}
        placeholder={m.tenancy_choose()}
        options={countryOptions()}
        value={props.value.country}
        onChange={props.onCountry}
        error={props.errors.country}
      />
      <SelectField
        id={`${props.idPrefix}-currency`}
        label={m.tenancy_currency_label()}
        hint={props.currencyLocked ? m.tenancy_currency_locked_hint() : undefined}
        placeholder={m.tenancy_choose()}
        options={currencyChoices()}
        value={props.value.currency}
        onChange={(currency) => props.onChange({ currency })}
        disabled={props.currencyLocked}
        error={props.errors.currency}
      />
      <SelectField
        id={`${props.idPrefix}-timezone`}
        label={m.tenancy_timezone_label()}
        placeholder={m.tenancy_choose()}
        options={zones()}
        value={props.value.timezone}
        onChange={(timezone) => props.onChange({ timezone })}
        error={props.errors.timezone}
      />
      <SelectField
        id={`${props.idPrefix}-locale`}
        label={m.tenancy_locale_label()}
        hint={m.tenancy_locale_hint()}
        placeholder={m.tenancy_choose()}
        options={localeChoices()}
        value={props.value.locale}
        onChange={(locale) => props.onChange({ locale })}
        error={props.errors.locale}
      />
    </>
  );
}

function languageNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    return null;
  }
}
