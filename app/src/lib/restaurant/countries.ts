import type { Locale } from '#lib/i18n/locale.ts';

/** What choosing a country suggests in the onboarding wizard; every value stays editable there. */
export interface CountryDefaults {
  /** ISO 3166 alpha-2, as stored in restaurants.country. */
  code: string;
  /** ISO 4217; must be one of the database's `currencies`. */
  currency: string;
  /** IANA zone of the country's main restaurant market (people elsewhere change it). */
  timezone: string;
  /** Receipt/menu locale stored on the restaurant: `fr-CI` style, checked by the database. */
  locale: string;
  /** The staff app language closest to the country's, offered as the wizard's default. */
  appLocale: Locale;
  /** The usual restaurant VAT in basis points and whether menu prices include it — a starting point only. */
  taxRateBp: number;
  taxMode: 'inclusive' | 'exclusive';
}

// Rates are the ones a restaurant most often charges on food served on site (reduced rates where
// they apply); the owner confirms them on the next step, so a wrong guess costs one edit.
export const countries: readonly CountryDefaults[] = [
  {
    code: 'CI',
    currency: 'XOF',
    timezone: 'Africa/Abidjan',
    locale: 'fr-CI',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'SN',
    currency: 'XOF',
    timezone: 'Africa/Dakar',
    locale: 'fr-SN',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'FR',
    currency: 'EUR',
    timezone: 'Europe/Paris',
    locale: 'fr-FR',
    appLocale: 'fr',
    taxRateBp: 1000,
    taxMode: 'inclusive',
  },
  {
    code: 'BE',
    currency: 'EUR',
    timezone: 'Europe/Brussels',
    locale: 'fr-BE',
    appLocale: 'fr',
    taxRateBp: 1200,
    taxMode: 'inclusive',
  },
  {
    code: 'ES',
    currency: 'EUR',
    timezone: 'Europe/Madrid',
    locale: 'es-ES',
    appLocale: 'es',
    taxRateBp: 1000,
    taxMode: 'inclusive',
  },
  {
    code: 'AR',
    currency: 'ARS',
    timezone: 'America/Argentina/Buenos_Aires',
    locale: 'es-AR',
    appLocale: 'es',
    taxRateBp: 2100,
    taxMode: 'inclusive',
  },
  {
    code: 'ID',
    currency: 'IDR',
    timezone: 'Asia/Jakarta',
    locale: 'id-ID',
    appLocale: 'id',
    taxRateBp: 1000,
    taxMode: 'exclusive',
  },
  {
    code: 'US',
    currency: 'USD',
    timezone: 'America/New_York',
    locale: 'en-US',
    appLocale: 'en',
    taxRateBp: 0,
    taxMode: 'exclusive',
  },
  {
    code: 'CA',
    currency: 'CAD',
    timezone: 'America/Toronto',
    locale: 'en-CA',
    appLocale: 'en',
    taxRateBp: 1300,
    taxMode: 'exclusive',
  }, // Latin America: VAT (IVA/IGV) is included in menu prices.
  {
    code: 'MX',
    currency: 'MXN',
    timezone: 'America/Mexico_City',
    locale: 'es-MX',
    appLocale: 'es',
    taxRateBp: 1600,
    taxMode: 'inclusive',
  },
  {
    code: 'CL',
    currency: 'CLP',
    timezone: 'America/Santiago',
    locale: 'es-CL',
    appLocale: 'es',
    taxRateBp: 1900,
    taxMode: 'inclusive',
  },
  {
    code: 'CO',
    currency: 'COP',
    timezone: 'America/Bogota',
    locale: 'es-CO',
    appLocale: 'es',
    taxRateBp: 800,
    taxMode: 'inclusive',
  },
  {
    code: 'PE',
    currency: 'PEN',
    timezone: 'America/Lima',
    locale: 'es-PE',
    appLocale: 'es',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  // West and Central Africa: CFA franc zones (XOF, XAF) and the anglophone neighbours.
  {
    code: 'ML',
    currency: 'XOF',
    timezone: 'Africa/Bamako',
    locale: 'fr-ML',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'BF',
    currency: 'XOF',
    timezone: 'Africa/Ouagadougou',
    locale: 'fr-BF',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'NE',
    currency: 'XOF',
    timezone: 'Africa/Niamey',
    locale: 'fr-NE',
    appLocale: 'fr',
    taxRateBp: 1900,
    taxMode: 'inclusive',
  },
  {
    code: 'TG',
    currency: 'XOF',
    timezone: 'Africa/Lome',
    locale: 'fr-TG',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'BJ',
    currency: 'XOF',
    timezone: 'Africa/Porto-Novo',
    locale: 'fr-BJ',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'GN',
    currency: 'GNF',
    timezone: 'Africa/Conakry',
    locale: 'fr-GN',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'CM',
    currency: 'XAF',
    timezone: 'Africa/Douala',
    locale: 'fr-CM',
    appLocale: 'fr',
    taxRateBp: 1925,
    taxMode: 'inclusive',
  },
  {
    code: 'GA',
    currency: 'XAF',
    timezone: 'Africa/Libreville',
    locale: 'fr-GA',
    appLocale: 'fr',
    taxRateBp: 1800,
    taxMode: 'inclusive',
  },
  {
    code: 'GH',
    currency: 'GHS',
    timezone: 'Africa/Accra',
    locale: 'en-GH',
    appLocale: 'en',
    taxRateBp: 1500,
    taxMode: 'exclusive',
  },
  {
    code: 'NG',
    currency: 'NGN',
    timezone: 'Africa/Lagos',
    locale: 'en-NG',
    appLocale: 'en',
    taxRateBp: 750,
    taxMode: 'exclusive',
  },
];

export function countryDefaults(code: string): CountryDefaults | undefined {
  return countries.find((c) => c.code === code);
}

/** The country a newcomer most likely runs a restaurant in, from the browser's region, else none. */
export function guessCountry(languages: readonly string[]): string | undefined {
  for (const tag of languages) {
    const region = safeRegion(tag);
    if (region && countryDefaults(region)) return region;
  }
  return undefined;
}

function safeRegion(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).region;
  } catch {
    return undefined;
  }
}

/** "Côte d’Ivoire" in French, "Costa de Marfil" in Spanish…; the code where Intl lacks a name. */
export function countryName(code: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
