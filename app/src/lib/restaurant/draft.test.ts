import { describe, expect, it } from 'vitest';
import { countries, countryDefaults, guessCountry } from '#lib/restaurant/countries.ts';
import {
  applyCountry,
  createRestaurantArgs,
  emptyDraft,
  firstInvalidStep,
  type OnboardingDraft,
  settingsAfterCreate,
  validateStep,
} from '#lib/restaurant/draft.ts';
import { validateTimeZone } from '#lib/restaurant/validation.ts';

const percent = (bp: number) => String(bp / 100);

function completeDraft(): OnboardingDraft {
  return { ...applyCountry({ ...emptyDraft(), name: 'Chez Awa', slug: 'chez-awa' }, 'CI', percent) };
}

describe('country table', () => {
  it('covers the launch countries with valid zones and currencies', () => {
    const launch = ['AR', 'BE', 'BF', 'BJ', 'CA', 'CI', 'CL', 'CM', 'CO', 'ES', 'FR', 'GA', 'GH', 'GN', 'ID', 'ML'];
    expect(countries.map((c) => c.code).sort()).toEqual([...launch, 'MX', 'NE', 'NG', 'PE', 'SN', 'TG', 'US']);
    for (const c of countries) {
      expect(validateTimeZone(c.timezone)).toBeNull();
      expect(c.currency).toMatch(/^[A-Z]{3}$/);
      expect(c.locale).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
      expect(c.taxRateBp).toBeGreaterThanOrEqual(0);
      expect(c.taxRateBp).toBeLessThanOrEqual(10_000);
    }
  });

  it('guesses the country from the browser languages', () => {
    expect(guessCountry(['fr-CI', 'fr'])).toBe('CI');
    expect(guessCountry(['en', 'es-AR'])).toBe('AR');
    expect(guessCountry(['de-DE', 'en'])).toBeUndefined();
  });
});

describe('applyCountry', () => {
  it('fills currency, zone, locale and usual tax, which stay editable', () => {
    const draft = applyCountry(emptyDraft(), 'ID', percent);
    expect(draft).toMatchObject({
      country: 'ID',
      currency: 'IDR',
      timezone: 'Asia/Jakarta',
      locale: 'id-ID',
      taxMode: 'exclusive',
      taxRate: '10',
    });
    expect(applyCountry({ ...draft, currency: 'USD' }, 'ID', percent).currency).toBe('IDR');
  });

  it('keeps the other fields for a country it has no defaults for', () => {
    const draft = applyCountry({ ...emptyDraft(), currency: 'EUR' }, 'DE', percent);
    expect(draft).toMatchObject({ country: 'DE', currency: 'EUR' });
    expect(countryDefaults('DE')).toBeUndefined();
  });
});

describe('validateStep', () => {
  it('stops at the step with an error', () => {
    expect(firstInvalidStep(emptyDraft())).toBe('identity');
    expect(firstInvalidStep({ ...emptyDraft(), name: 'Chez Awa', slug: 'chez-awa' })).toBe('region');
    expect(firstInvalidStep({ ...completeDraft(), taxRate: '5.555' })).toBe('rules');
    expect(firstInvalidStep(completeDraft())).toBeNull();
  });

  it('names each wrong field of a step', () => {
    expect(validateStep('identity', { ...emptyDraft(), slug: 'Bad Slug' })).toEqual({
      name: { code: 'required' },
      slug: { code: 'slug_characters' },
    });
    expect(validateStep('region', { ...completeDraft(), timezone: 'Nowhere/Land' })).toEqual({
      timezone: { code: 'timezone_unknown' },
    });
    expect(validateStep('rules', { ...completeDraft(), taxRate: '', cutoffHour: 30 })).toEqual({
      taxRate: { code: 'required' },
      cutoffHour: { code: 'cutoff_range' },
    });
  });
});

describe('what is sent', () => {
  it('maps the draft onto create_restaurant arguments', () => {
    expect(createRestaurantArgs({ ...completeDraft(), name: '  Chez Awa ' })).toEqual({
      p_slug: 'chez-awa',
      p_name: 'Chez Awa',
      p_country: 'CI',
      p_timezone: 'Africa/Abidjan',
      p_currency: 'XOF',
      p_locale: 'fr-CI',
      p_tax_mode: 'inclusive',
      p_tax_rate_bp: 1800,
    });
  });

  it('updates cut-off and guest ordering afterwards only when they differ from the defaults', () => {
    expect(settingsAfterCreate(completeDraft())).toBeNull();
    expect(settingsAfterCreate({ ...completeDraft(), cutoffHour: 5, guestOrdering: 'draft_first' })).toEqual({
      business_day_cutoff_hour: 5,
      guest_ordering: 'draft_first',
    });
  });
});
