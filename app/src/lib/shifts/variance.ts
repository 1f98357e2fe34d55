import type { DbFailure } from '#lib/db.ts';

/** The figures a `variance_reason_required` refusal carries: the database's, never the browser's. */
export interface VarianceDetails {
  expected: number;
  counted: number;
  variance: number;
}

export function varianceDetails(failure: Pick<DbFailure, 'code' | 'detail'>): VarianceDetails | null {
  if (failure.code !== 'variance_reason_required' || !failure.detail) return null;
  try {
    const parsed = JSON.parse(failure.detail) as Record<string, unknown>;
    const expected = Number(parsed.expected);
    const counted = Number(parsed.counted);
    const variance = Number(parsed.variance);
    if (![expected, counted, variance].every(Number.isSafeInteger)) return null;
    return { expected, counted, variance };
  } catch {
    return null;
  }
}
