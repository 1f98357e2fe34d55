import { type Currency, parseMoney } from '#lib/format/money.ts';

/**
 * Drawer input checked before anything is queued, mirroring the shift RPCs' checks
 * (supabase/migrations/20261121000800_shifts.sql, 20261121001000_shift_reports.sql): a count the
 * database would refuse is caught while the cashier can still fix it. The database checks again.
 */

/** The database's bound on a float, a count or a movement (minor units). */
export const maxCashMinor = 100_000_000_000;
export const maxReasonLength = 200;
export const maxVarianceNoteLength = 500;

export const varianceReasons = [
  'count_error',
  'change_error',
  'unrecorded_sale',
  'unrecorded_expense',
  'theft',
  'other',
] as const;
export type VarianceReason = (typeof varianceReasons)[number];

export type CashInputError =
  | { code: 'empty' }
  | { code: 'not_a_number' }
  | { code: 'too_many_decimals'; allowed: number }
  | { code: 'negative' }
  | { code: 'zero' }
  | { code: 'too_large' };

export type CashInputResult = { ok: true; minor: number } | { ok: false; error: CashInputError };

/**
 * A typed amount of cash in minor units: a float or a count may be zero (an empty drawer), a cash
 * movement may not (`allowZero: false`). "abc", "12.345" for EUR, "-5" are refused, never rounded.
 */
export function parseCashInput(
  input: string,
  money: Currency,
  locale: string,
  { allowZero = true }: { allowZero?: boolean } = {},
): CashInputResult {
  const parsed = parseMoney(input, money, locale, { maxMinor: maxCashMinor });
  if (!parsed.ok) return parsed;
  if (parsed.minor === 0 && !allowZero) return { ok: false, error: { code: 'zero' } };
  return parsed;
}

export type ReasonError = 'reason_required' | 'reason_too_long';

/** Why cash goes in or out: 1 to 200 characters once trimmed (as Postgres counts them). */
export function checkMovementReason(reason: string): ReasonError | null {
  const length = [...reason.trim()].length;
  if (length === 0) return 'reason_required';
  return length > maxReasonLength ? 'reason_too_long' : null;
}

/** The note beside a variance reason: optional, at most 500 characters. */
export function checkVarianceNote(note: string): 'note_too_long' | null {
  return [...note].length > maxVarianceNoteLength ? 'note_too_long' : null;
}

export function isVarianceReason(value: string): value is VarianceReason {
  return (varianceReasons as readonly string[]).includes(value);
}
