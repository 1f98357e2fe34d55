import { RestError } from '../errors.ts';

/** A row range, both ends inclusive; `upper` null is open-ended. Empty when upper < lower. */
interface RowRange {
  lower: number;
  upper: number | null;
}

const ALL: RowRange = { lower: 0, upper: null };

const intersect = (a: RowRange, b: RowRange): RowRange => ({
  lower: Math.max(a.lower, b.lower),
  upper: a.upper === null ? b.upper : b.upper === null ? a.upper : Math.min(a.upper, b.upper),
});
const isEmpty = (r: RowRange) => r.upper !== null && r.upper < r.lower;

/**
 * The `Range` request header as PostgREST's RangeQuery.rangeParse reads it: `first-last` or
 * `first-`, digits only; anything else asks for every row.
 */
function headerRange(value: string | null): RowRange {
  const m = value ? /^([0-9]+)-([0-9]*)$/.exec(value) : null;
  if (!m) return ALL;
  return { lower: Number(m[1]), upper: m[2] === '' ? null : Number(m[2]) };
}

/**
 * The top-level page, as PostgREST's getRanges makes it: `limit`/`offset` (already parsed) meet the
 * `Range` header, which only GET honours (RFC 9110). An empty result is 416 PGRST103 — except
 * `limit=0`, which asks for no rows on purpose; a `limit` or `offset` on PUT is 400 PGRST114.
 */
export function topLevelPage(
  method: string,
  rangeHeader: string | null,
  limit: number | undefined,
  offset: number | undefined,
): { limit: number | undefined; offset: number } {
  // PostgREST's query-string range: offset..offset+limit-1 (restrictRange and its union of the two).
  const fromQuery: RowRange = {
    lower: offset ?? 0,
    upper: limit === undefined ? null : (offset ?? 0) + limit - 1,
  };
  // hasLimitZero compares the upper bound with -1: `limit=0` alone, not `limit=0&offset=5`.
  const limitZero = fromQuery.upper === -1;
  const header = method === 'GET' ? headerRange(rangeHeader) : ALL;
  const page = limitZero ? fromQuery : intersect(header, fromQuery);
  if (isEmpty(page) && !limitZero) {
    throw new RestError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      isEmpty(header)
        ? 'The lower boundary must be lower than or equal to the upper boundary in the Range header.'
        : 'Limit should be greater than or equal to zero.',
    );
  }
  if (method === 'PUT' && (page.lower !== 0 || page.upper !== null)) {
    throw new RestError(400, 'PGRST114', 'limit/offset querystring parameters are not allowed for PUT');
  }
  if (limitZero) return { limit: 0, offset: 0 };
  return { limit: page.upper === null ? undefined : page.upper - page.lower + 1, offset: page.lower };
}
