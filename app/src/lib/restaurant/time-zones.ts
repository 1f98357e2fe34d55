import { zoneTable } from '#lib/restaurant/zone-table.ts';

/** A time zone as the picker offers it: stored as its IANA id, read as a place and its offset. */
export interface ZoneChoice {
  /** The IANA id stored in restaurants.timezone, e.g. `America/Argentina/Buenos_Aires`. */
  value: string;
  /** "Buenos Aires (GMT−3)". */
  label: string;
  /** The country's name in the UI language ("Argentina"); UTC has its own group. */
  group: string;
}

let countryOfZone: Map<string, string> | undefined;

/** Zone id → ISO country code, for every canonical zone (legacy aliases are absent). */
export function zoneCountries(): Map<string, string> {
  if (!countryOfZone) {
    countryOfZone = new Map();
    for (const line of zoneTable) {
      const [country = '', zones = ''] = line.split(':');
      for (const zone of zones.split(',')) countryOfZone.set(zone, country);
    }
  }
  return countryOfZone;
}

/** The place a person looks for: the zone's last part, `Buenos_Aires` → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/** "GMT−3" (the UI language's own words, e.g. "UTC−3" in French) at `at`; empty if unknown. */
export function zoneOffset(zone: string, locale: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
    // A typographic minus: "GMT-3" reads like a range or a hyphenated word.
    return (parts.find((part) => part.type === 'timeZoneName')?.value ?? '').replace('-', '−');
  } catch {
    return '';
  }
}

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The picker's zones, grouped by country (in the UI language, alphabetically) and by city within
 * one: canonical ids the browser knows, without the legacy duplicates `Intl.supportedValuesOf`
 * lists; `countryFirst`'s group leads (the restaurant's own country). A stored zone that is not
 * canonical (saved before) is kept, under its own name, so the form never loses it.
 */
export function zoneChoices(options: {
  locale: string;
  countryName: (code: string) => string;
  countryFirst?: string;
  current?: string;
  at?: Date;
}): ZoneChoice[] {
  const at = options.at ?? new Date();
  const table = zoneCountries();
  const label = (zone: string) => {
    const offset = zoneOffset(zone, options.locale, at);
    return offset ? `${zoneCity(zone)} (${offset})` : zoneCity(zone);
  };
  const choices: (ZoneChoice & { country: string })[] = [];
  for (const [zone, country] of table) {
    if (!accepted(zone)) continue;
    choices.push({ value: zone, label: label(zone), group: options.countryName(country), country });
  }
  const collator = new Intl.Collator(options.locale);
  choices.sort(
    (a, b) =>
      Number(b.country === options.countryFirst) - Number(a.country === options.countryFirst) ||
      collator.compare(a.group, b.group) ||
      collator.compare(a.label, b.label),
  );
  const result: ZoneChoice[] = choices.map(({ value, label, group }) => ({ value, label, group }));
  result.push({ value: 'UTC', label: 'UTC', group: 'UTC' });
  const current = options.current;
  if (current && !table.has(current) && current !== 'UTC') {
    result.unshift({ value: current, label: current.replaceAll('_', ' '), group: '' });
  }
  return result;
}
