/**
 * The notes and coins of a currency, in minor units, largest first: the drawer's counting helper
 * multiplies each by how many the cashier counted. Currencies not listed get no helper (the total
 * is typed directly).
 */
const denominationsByCurrency: Readonly<Record<string, readonly number[]>> = {
  // CFA franc (BCEAO): notes 10 000 to 500, coins 500 to 5; no minor unit.
  XOF: [10_000, 5_000, 2_000, 1_000, 500, 250, 200, 100, 50, 25, 10, 5],
  // Rupiah: notes 100 000 to 1 000, coins 1 000 to 100; no minor unit in use.
  IDR: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100],
  // Euro cents.
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  // Argentine peso centavos: notes 20 000 to 10 pesos; coins are rarely used.
  ARS: [2_000_000, 1_000_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000],
  // US cents.
  USD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 25, 10, 5, 1],
};

export function denominationsFor(currencyCode: string): readonly number[] {
  return denominationsByCurrency[currencyCode] ?? [];
}

/** How many of each denomination (minor units → count); missing counts are zero. */
export type DenominationCounts = Readonly<Record<number, number>>;

/**
 * The total of a count, in minor units, or null when a count is not a whole number from 0 up
 * (a half note is a typing mistake to show, not a number to round).
 */
export function denominationTotal(denominations: readonly number[], counts: DenominationCounts): number | null {
  let total = 0;
  for (const value of denominations) {
    const count = counts[value] ?? 0;
    if (!Number.isSafeInteger(count) || count < 0) return null;
    total += value * count;
  }
  return Number.isSafeInteger(total) ? total : null;
}

/** A typed count ("12", "" for none) as a whole number, or null when it is not one. */
export function parseCount(input: string): number | null {
  const text = input.trim();
  if (text === '') return 0;
  return /^[0-9]{1,6}$/.test(text) ? Number(text) : null;
}
