/**
 * Checks run before the restaurant RPCs and the settings update, mirroring the database's
 * constraints (supabase/migrations/20261121000100_tenancy.sql and …0200_members_and_invites.sql)
 * so a person sees what to fix next to the field. The database checks again and has the last word.
 */
export type RestaurantFieldError =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'slug_too_short'; min: number }
  | { code: 'slug_characters' }
  | { code: 'slug_edges' }
  | { code: 'slug_double_hyphen' }
  | { code: 'tax_rate_format' }
  | { code: 'tax_rate_range' }
  | { code: 'cutoff_range' }
  | { code: 'timezone_unknown' }
  | { code: 'join_code_format'; length: number }
  | { code: 'kds_thresholds' }
  | { code: 'guest_limit_range'; min: number; max: number };

/** The codes above, so the describer can tell a validation error from a database code. */
export const restaurantFieldErrorCodes = [
  'required',
  'too_long',
  'slug_too_short',
  'slug_characters',
  'slug_edges',
  'slug_double_hyphen',
  'tax_rate_format',
  'tax_rate_range',
  'cutoff_range',
  'timezone_unknown',
  'join_code_format',
  'kds_thresholds',
  'guest_limit_range',
] as const satisfies readonly RestaurantFieldError['code'][];

export const nameMaxLength = 100;
export const slugMinLength = 3;
export const slugMaxLength = 40;
export const receiptTextMaxLength = 500;
export const joinCodeLength = 10;

type Check = RestaurantFieldError | null;

export function validateName(value: string): Check {
  const name = value.trim();
  if (name === '') return { code: 'required' };
  return [...name].length > nameMaxLength ? { code: 'too_long', max: nameMaxLength } : null;
}

/** The database's rule: 3–40 of a-z, 0-9 and single hyphens, starting and ending alphanumeric. */
export function validateSlug(slug: string): Check {
  if (slug === '') return { code: 'required' };
  if (!/^[a-z0-9-]*$/.test(slug)) return { code: 'slug_characters' };
  if (slug.length < slugMinLength) return { code: 'slug_too_short', min: slugMinLength };
  if (slug.length > slugMaxLength) return { code: 'too_long', max: slugMaxLength };
  if (slug.startsWith('-') || slug.endsWith('-')) return { code: 'slug_edges' };
  return slug.includes('--') ? { code: 'slug_double_hyphen' } : null;
}

/**
 * A web-address-safe version of the restaurant's name: accents dropped ("Chez Awa" → "chez-awa",
 * "Café Olé" → "cafe-ole"), anything else becomes a single hyphen, cut to the maximum length on a
 * word boundary when possible. May still be too short (a one-letter name); validateSlug says so.
 */
export function suggestSlug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[œ]/gi, 'oe')
    .replace(/[ø]/gi, 'o')
    .replace(/[ł]/gi, 'l')
    .toLowerCase();
  const hyphenated = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (hyphenated.length <= slugMaxLength) return hyphenated;
  const cut = hyphenated.slice(0, slugMaxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen >= slugMinLength ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * Reads a tax rate typed as a percentage ("18", "5,5", "20.25") into basis points, the unit the
 * database stores. Two decimals at most, because a basis point is a hundredth of a percent.
 */
export function parseTaxRate(value: string): { ok: true; bp: number } | { ok: false; error: RestaurantFieldError } {
  const text = value.trim().replace(/\s|%/g, '').replace(',', '.');
  if (text === '') return { ok: false, error: { code: 'required' } };
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, error: { code: 'tax_rate_format' } };
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp > 10_000 ? { ok: false, error: { code: 'tax_rate_range' } } : { ok: true, bp };
}

/** Basis points back to the percentage a person types, in their locale ("5,5" in French). */
export function formatTaxRate(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100);
}

export function validateCutoffHour(value: number): Check {
  return Number.isInteger(value) && value >= 0 && value <= 23 ? null : { code: 'cutoff_range' };
}

export function validateReceiptText(value: string): Check {
  return [...value].length > receiptTextMaxLength ? { code: 'too_long', max: receiptTextMaxLength } : null;
}

/** Intl knows the same IANA names Postgres does; an unknown zone would fail the database trigger. */
export function validateTimeZone(zone: string): Check {
  if (zone === '') return { code: 'required' };
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return null;
  } catch {
    return { code: 'timezone_unknown' };
  }
}

// The database's join-code alphabet: no 0/O, 1/I/L look-alikes.
const joinCodeAlphabet = /^[A-HJKMNP-Z2-9]+$/;

/**
 * Join codes are read aloud and typed on phones: accept lower case, spaces and dashes
 * ("abcd-efgh-jk"), and return the canonical upper-case code or why it cannot be one.
 */
export function normalizeJoinCode(
  value: string,
): { ok: true; code: string } | { ok: false; error: RestaurantFieldError } {
  const code = value.toUpperCase().replace(/[\s-]/g, '');
  if (code === '') return { ok: false, error: { code: 'required' } };
  if (code.length !== joinCodeLength || !joinCodeAlphabet.test(code)) {
    return { ok: false, error: { code: 'join_code_format', length: joinCodeLength } };
  }
  return { ok: true, code };
}

/** Kitchen ticket colours: whole minutes 1..240, amber before red (restaurants_kds_thresholds). */
export function validateKdsThresholds(warnMinutes: number, lateMinutes: number): Check {
  const inRange = (minutes: number) => Number.isInteger(minutes) && minutes >= 1 && minutes <= 240;
  return inRange(warnMinutes) && inRange(lateMinutes) && warnMinutes < lateMinutes ? null : { code: 'kds_thresholds' };
}

/**
 * What a public QR code may do at the restaurant (supabase/migrations/20261203000100_guest_limits.sql):
 * each limit's column and whole-number range, owner-editable in the settings.
 */
export const guestLimits = {
  guestOrdersPerGuest: { column: 'guest_orders_per_guest', min: 1, max: 50 },
  guestLinesPerOrder: { column: 'guest_lines_per_order', min: 1, max: 100 },
  guestOpenDraftsPerTable: { column: 'guest_open_drafts_per_table', min: 1, max: 100 },
  guestOrdersPerHour: { column: 'guest_orders_per_hour', min: 1, max: 5000 },
  guestRequestsPerGuest: { column: 'guest_requests_per_guest', min: 1, max: 50 },
} as const;

export type GuestLimitField = keyof typeof guestLimits;

export function validateGuestLimit(field: GuestLimitField, value: number): Check {
  const { min, max } = guestLimits[field];
  return Number.isInteger(value) && value >= min && value <= max ? null : { code: 'guest_limit_range', min, max };
}
