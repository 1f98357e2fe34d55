/**
 * Checks run before the admin's table writes (menu, tables, printers), mirroring the database's
 * constraints. They answer codes; `describeMenuError` (menu/errors.ts) turns them into sentences.
 */
export type AdminFieldError =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'invalid_station' }
  | { code: 'whole_number'; min: number; max: number }
  | { code: 'min_max' };

export const adminFieldErrorCodes = [
  'required',
  'too_long',
  'invalid_station',
  'whole_number',
  'min_max',
] as const satisfies readonly AdminFieldError['code'][];

/** A required name of at most `max` characters (the database's check), or the reason it is not. */
export function checkName(value: string, max: number): AdminFieldError | null {
  const trimmed = value.trim();
  if (trimmed === '') return { code: 'required' };
  if (trimmed.length > max) return { code: 'too_long', max };
  return null;
}

/** Station slugs as menu_items.station and printers.stations accept them: "kitchen", "bar", "grill-2". */
export const stationPattern = /^[a-z][a-z0-9_-]{0,31}$/;

export function checkStation(value: string): AdminFieldError | null {
  if (value.trim() === '') return { code: 'required' };
  return stationPattern.test(value.trim()) ? null : { code: 'invalid_station' };
}

/** Parses a whole number typed in a field, within [min, max]. */
export function readWholeNumber(
  value: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; error: AdminFieldError } {
  const trimmed = value.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, error: { code: 'whole_number', min, max } };
  const parsed = Number(trimmed);
  if (parsed < min || parsed > max) return { ok: false, error: { code: 'whole_number', min, max } };
  return { ok: true, value: parsed };
}
