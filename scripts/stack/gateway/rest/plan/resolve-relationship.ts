import { RestError } from '../errors.ts';
import type { Relationship } from '../schema/types.ts';

const singleCol = (r: Relationship, hint: string): boolean =>
  !r.junction && r.pairs.length === 1 && r.pairs[0]?.[0] === hint;
const singleRefCol = (r: Relationship, hint: string): boolean =>
  !r.junction && r.pairs.length === 1 && r.pairs[0]?.[1] === hint;
const constraintIs = (r: Relationship, name: string): boolean => !r.junction && r.name === name;

/** PostgREST's findRel: which of the origin's relationships `name[!hint]` designates. */
function matches(r: Relationship, name: string, hint: string | undefined): boolean {
  if (r.isSelf) {
    // One FK, two readings: `children:tbl(*)` is the one-to-many, `parent_col(*)` the many-to-one.
    if (hint === undefined) {
      return (
        (r.target === name && r.cardinality === 'one-to-many') ||
        (singleCol(r, name) && r.cardinality === 'many-to-one')
      );
    }
    return r.target === name && r.cardinality === 'one-to-many' && singleRefCol(r, hint);
  }
  if (hint === undefined) {
    return r.target === name || (constraintIs(r, name) && !r.targetIsView) || (singleCol(r, name) && !r.targetIsView);
  }
  return (
    r.target === name &&
    (constraintIs(r, hint) ||
      singleCol(r, hint) ||
      singleRefCol(r, hint) ||
      (r.junction !== undefined && r.junction.table === hint))
  );
}

/** Picks the relationship for `source → name[!hint]` or fails with PGRST200/PGRST201. */
export function resolveRelationship(
  all: Map<string, Relationship[]>,
  schema: string,
  source: string,
  name: string,
  hint: string | undefined,
): Relationship {
  const candidates = (all.get(source) ?? []).filter((r) => matches(r, name, hint));
  if (candidates.length === 1) return candidates[0] as Relationship;
  if (candidates.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${source}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${source}' and '${name}${hint !== undefined ? `' using the hint '${hint}` : ''}' in the schema '${schema}', but no matches were found.`,
      noRelHint(all, source, name),
    );
  }
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${source}' and '${name}'`,
    candidates.map(describe),
    `Try changing '${name}' to one of the following: ${candidates.map((r) => `'${r.target}!${r.name}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}

/**
 * PostgREST's noRelBetweenHint: suggest a close parent when the origin has no relationships,
 * else a close (but not exact) target among the origin's.
 */
function noRelHint(all: Map<string, Relationship[]>, parent: string, child: string): string | null {
  const own = all.get(parent);
  if (own) {
    const best = closest(
      own.map((r) => r.target),
      child,
      true,
    );
    return best ? `Perhaps you meant '${best}' instead of '${child}'.` : null;
  }
  const best = closest([...all.keys()], parent, false);
  return best ? `Perhaps you meant '${best}' instead of '${parent}'.` : null;
}

/** Closest name by edit-distance similarity (≥ 1/3, as the fuzzy set PostgREST uses defaults to). */
function closest(names: string[], word: string, skipExact: boolean): string | null {
  let best: { name: string; score: number } | null = null;
  for (const n of new Set(names)) {
    const score = 1 - editDistance(n.toLowerCase(), word.toLowerCase()) / Math.max(n.length, word.length);
    if (skipExact && score >= 1) continue;
    if (score >= 0.33 && (!best || score > best.score)) best = { name: n, score };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function describe(r: Relationship): Record<string, string> {
  const cols = (xs: string[]) => `(${xs.join(', ')})`;
  if (r.junction) {
    return {
      cardinality: r.cardinality,
      embedding: `${r.source} with ${r.target}`,
      relationship: `${r.junction.table} using ${r.junction.fk1}${cols(r.junction.sourcePairs.map((p) => p[0]))} and ${r.junction.fk2}${cols(r.junction.targetPairs.map((p) => p[0]))}`,
    };
  }
  return {
    cardinality: r.cardinality,
    embedding: `${r.source} with ${r.target}`,
    relationship: `${r.name} using ${r.source}${cols(r.pairs.map((p) => p[0]))} and ${r.target}${cols(r.pairs.map((p) => p[1]))}`,
  };
}
