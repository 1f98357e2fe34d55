import { countryDefaults } from '#lib/restaurant/countries.ts';
import {
  parseTaxRate,
  type RestaurantFieldError,
  validateCutoffHour,
  validateName,
  validateSlug,
  validateTimeZone,
} from '#lib/restaurant/validation.ts';

export type TaxMode = 'inclusive' | 'exclusive';
export type GuestOrdering = 'off' | 'draft_first' | 'auto_accept';

/** What the onboarding wizard collects, as typed (the tax rate is still text). */
export interface OnboardingDraft {
  name: string;
  slug: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
  taxMode: TaxMode;
  taxRate: string;
  cutoffHour: number;
  guestOrdering: GuestOrdering;
}

export const onboardingSteps = ['identity', 'region', 'rules'] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

export type DraftField = keyof OnboardingDraft;
export type DraftErrors = Partial<Record<DraftField, RestaurantFieldError>>;

export function emptyDraft(): OnboardingDraft {
  return {
    name: '',
    slug: '',
    country: '',
    currency: '',
    timezone: '',
    locale: '',
    taxMode: 'inclusive',
    taxRate: '0',
    cutoffHour: 4,
    guestOrdering: 'off',
  };
}

/** Choosing a country fills in its currency, zone, locale and usual tax; the person may change each. */
export function applyCountry(
  draft: OnboardingDraft,
  country: string,
  formatRate: (bp: number) => string,
): OnboardingDraft {
  const defaults = countryDefaults(country);
  if (!defaults) return { ...draft, country };
  return {
    ...draft,
    country,
    currency: defaults.currency,
    timezone: defaults.timezone,
    locale: defaults.locale,
    taxMode: defaults.taxMode,
    taxRate: formatRate(defaults.taxRateBp),
  };
}

/** The errors of one step's fields, so "Next" stops on the step that has them. */
export function validateStep(step: OnboardingStep, draft: OnboardingDraft): DraftErrors {
  const errors: DraftErrors = {};
  const put = (field: DraftField, error: RestaurantFieldError | null) => {
    if (error) errors[field] = error;
  };
  switch (step) {
    case 'identity':
      put('name', validateName(draft.name));
      put('slug', validateSlug(draft.slug));
      break;
    case 'region':
      put('country', /^[A-Z]{2}$/.test(draft.country) ? null : { code: 'required' });
      put('currency', /^[A-Z]{3}$/.test(draft.currency) ? null : { code: 'required' });
      put('timezone', validateTimeZone(draft.timezone));
      put('locale', draft.locale === '' ? { code: 'required' } : null);
      break;
    case 'rules': {
      const rate = parseTaxRate(draft.taxRate);
      put('taxRate', rate.ok ? null : rate.error);
      put('cutoffHour', validateCutoffHour(draft.cutoffHour));
      break;
    }
  }
  return errors;
}

/** The first step with an error, or null when the whole draft may be sent. */
export function firstInvalidStep(draft: OnboardingDraft): OnboardingStep | null {
  return onboardingSteps.find((step) => Object.keys(validateStep(step, draft)).length > 0) ?? null;
}

/** Arguments of `create_restaurant` (supabase/migrations/20261121000100_tenancy.sql). */
export function createRestaurantArgs(draft: OnboardingDraft) {
  const rate = parseTaxRate(draft.taxRate);
  return {
    p_slug: draft.slug,
    p_name: draft.name.trim(),
    p_country: draft.country,
    p_timezone: draft.timezone,
    p_currency: draft.currency,
    p_locale: draft.locale,
    p_tax_mode: draft.taxMode,
    p_tax_rate_bp: rate.ok ? rate.bp : -1,
  };
}

/**
 * `create_restaurant` does not take the cut-off hour or guest ordering mode: they are set by an
 * update right after, only when they differ from the table's defaults (4 h, off).
 */
export function settingsAfterCreate(
  draft: OnboardingDraft,
): { business_day_cutoff_hour?: number; guest_ordering?: GuestOrdering } | null {
  const patch: { business_day_cutoff_hour?: number; guest_ordering?: GuestOrdering } = {};
  if (draft.cutoffHour !== 4) patch.business_day_cutoff_hour = draft.cutoffHour;
  if (draft.guestOrdering !== 'off') patch.guest_ordering = draft.guestOrdering;
  return Object.keys(patch).length > 0 ? patch : null;
}
