import * as m from '#paraglide/messages.js';

/** A required name of at most `max` characters (the database's check), or the reason it is not. */
export function checkName(value: string, max: number): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return m.admin_menu_error_required();
  if (trimmed.length > max) return m.admin_menu_error_too_long({ max });
  return null;
}

/** Station slugs as menu_items.station and printers.stations accept them: "kitchen", "bar", "grill-2". */
export const stationPattern = /^[a-z][a-z0-9_-]{0,31}$/;

export function checkStation(value: string): string | null {
  if (value.trim() === '') return m.admin_menu_error_required();
  return stationPattern.test(value.trim()) ? null : m.admin_menu_error_station();
}

/** Parses a whole number typed in a field, within [min, max]. */
export function readWholeNumber(
  value: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = value.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, message: m.admin_menu_error_whole_number({ min, max }) };
  const parsed = Number(trimmed);
  if (parsed < min || parsed > max) return { ok: false, message: m.admin_menu_error_whole_number({ min, max }) };
  return { ok: true, value: parsed };
}
