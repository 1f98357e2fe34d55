import { describe, expect, it } from 'vitest';
import { countries, countryName } from '#lib/restaurant/countries.ts';
import { zoneChoices, zoneCity, zoneCountries, zoneOffset } from '#lib/restaurant/time-zones.ts';

const january = new Date('2026-01-15T12:00:00Z');
const choicesIn = (locale: string, extra: { countryFirst?: string; current?: string } = {}) =>
  zoneChoices({ locale, countryName: (code) => countryName(code, locale), at: january, ...extra });

describe('zoneChoices', () => {
  it('reads a zone as its city and offset, grouped under its country, and keeps the IANA id as the value', () => {
    const buenosAires = choicesIn('en').find((c) => c.value === 'America/Argentina/Buenos_Aires');
    expect(buenosAires).toEqual({
      value: 'America/Argentina/Buenos_Aires',
      label: 'Buenos Aires (GMT−3)',
      group: 'Argentina',
    });
  });

  it('offers each place once: no legacy aliases or links from Intl.supportedValuesOf', () => {
    const values = choicesIn('en').map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    for (const legacy of ['America/Buenos_Aires', 'Asia/Calcutta', 'US/Eastern', 'Europe/Kiev', 'Etc/GMT+3']) {
      expect(values).not.toContain(legacy);
    }
    expect(values).toContain('Asia/Kolkata');
    expect(values).toContain('Europe/Kyiv');
    expect(values.at(-1)).toBe('UTC');
  });

  it('lists groups alphabetically in the UI language, the restaurant’s own country first, contiguous', () => {
    const choices = choicesIn('fr', { countryFirst: 'CI' });
    expect(choices[0]).toMatchObject({ value: 'Africa/Abidjan', group: 'Côte d’Ivoire' });
    const groups = choices.slice(1, -1).map((c) => c.group);
    const runs = groups.filter((g, i) => g !== groups[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect([...runs].sort(new Intl.Collator('fr').compare)).toEqual(runs);
  });

  it('keeps a stored zone that is not canonical rather than dropping it from the form', () => {
    expect(choicesIn('en', { current: 'America/Buenos_Aires' })[0]).toEqual({
      value: 'America/Buenos_Aires',
      label: 'America/Buenos Aires',
      group: '',
    });
    expect(choicesIn('en', { current: 'Europe/Paris' })[0]?.value).not.toBe('Europe/Paris');
  });

  it('has every country’s default zone, under that country', () => {
    for (const country of countries) expect(zoneCountries().get(country.timezone), country.code).toBe(country.code);
  });
});

describe('zone labels', () => {
  it('names the city without underscores or region path', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('Africa/Porto-Novo')).toBe('Porto-Novo');
  });

  it('writes offsets with a true minus sign, and nothing for an unknown zone', () => {
    expect(zoneOffset('America/Santiago', 'en', new Date('2026-07-01T12:00:00Z'))).toBe('GMT−4');
    expect(zoneOffset('Asia/Kolkata', 'en', january)).toBe('GMT+5:30');
    expect(zoneOffset('Not/AZone', 'en', january)).toBe('');
  });
});
