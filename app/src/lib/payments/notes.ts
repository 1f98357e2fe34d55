/**
 * Quick-cash buttons: the banknotes people actually hand over, per currency, in major units (the
 * issue's list). A currency not listed gets "Exact" only: guessing the notes of a currency we do
 * not know would put wrong amounts one tap away.
 */
const notesByCurrency: Readonly<Record<string, readonly number[]>> = {
  XOF: [500, 1000, 2000, 5000, 10000],
  IDR: [10000, 20000, 50000, 100000],
  ARS: [1000, 2000, 10000, 20000],
  EUR: [5, 10, 20, 50],
};

/** The currency's notes in minor units, smallest first; empty when we do not know them. */
export function cashNotes(code: string, exponent: number): number[] {
  const scale = 10 ** exponent;
  return [...(notesByCurrency[code] ?? [])].map((note) => note * scale);
}

/**
 * The amounts a customer is likely to tender for `due` (minor units), beside "Exact": `due` rounded
 * up to each note (3 500 F → 4 000, 5 000, 10 000), distinct, above `due`, smallest first, at most
 * `limit`. A due larger than the biggest note still gets its round-ups (26 200 → 26 500, 27 000, 28 000, 30 000).
 */
export function quickCashAmounts(due: number, code: string, exponent: number, limit = 5): number[] {
  if (!Number.isSafeInteger(due) || due <= 0) return [];
  const amounts = new Set<number>();
  for (const note of cashNotes(code, exponent)) {
    const rounded = Math.ceil(due / note) * note;
    if (rounded > due) amounts.add(rounded);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, limit);
}
