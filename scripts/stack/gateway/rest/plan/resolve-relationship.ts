import { RestError } from './errors.ts';
import type { ForeignKey, Relation } from './schema-cache.ts';

/**
 * A way to embed `target` under `source`, derived from foreign keys as PostgREST's schema cache
 * does: many-to-one (FK on source), one-to-many (FK on target), one-to-one (FK columns unique),
 * many-to-many through a junction whose primary key holds both FKs, and the same through views
 * whose columns come from the FK's columns (view column lineage).
 */
export interface Relationship {
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  source: string;
  target: string;
  /** FK constraint (m2o/o2m/o2o) or junction table name (m2m): what `rel!<hint>` may name. */
  name: string;
  /** Pairs of (source column, target column) joined with `=`; empty for m2m. */
  pairs: Array<[string, string]>;
  junction?: {
    table: string;
    /** (junction column, source column) and (junction column, target column). */
    sourcePairs: Array<[string, string]>;
    targetPairs: Array<[string, string]>;
    fk1: string;
    fk2: string;
  };
  toOne: boolean;
  /** Source and target are the same table (a self-reference through one FK). */
  isSelf: boolean;
  sourceIsView: boolean;
  targetIsView: boolean;
  /** One-to-one seen from the referenced side (PostgREST's isParent). */
  isParent?: boolean;
}

/** Where a view's column comes from: the base table and column (followed through views). */
export type ViewLineage = Map<string, Map<string, { table: string; column: string }>>;

const zip = (a: string[], b: string[]): Array<[string, string]> => a.map((x, i) => [x, b[i] as string]);

function isUnique(rel: Relation | undefined, cols: string[]): boolean {
  if (!rel) return false;
  return rel.uniques.some((u) => u.length === cols.length && u.every((c) => cols.includes(c)));
}

/** Every way a view exposes all of `cols` of `table`: one column list per combination. */
function viewColumnSets(lineage: ViewLineage, table: string, cols: string[]): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const [view, map] of lineage) {
    const options = cols.map((c) =>
      [...map].filter(([, src]) => src.table === table && src.column === c).map(([vc]) => vc),
    );
    if (options.some((o) => o.length === 0)) continue;
    let combos: string[][] = [[]];
    for (const o of options) combos = combos.flatMap((prefix) => o.map((vc) => [...prefix, vc]));
    for (const combo of combos) out.push([view, combo]);
  }
  return out;
}

export function computeRelationships(
  relations: Map<string, Relation>,
  fks: ForeignKey[],
  lineage: ViewLineage = new Map(),
): Map<string, Relationship[]> {
  const isView = (t: string) => relations.get(t)?.kind === 'view';
  const base: Relationship[] = [];
  for (const fk of fks) {
    const oneToOne = isUnique(relations.get(fk.table), fk.columns);
    const rel = (source: string, target: string, pairs: Array<[string, string]>): Relationship => ({
      cardinality: oneToOne ? 'one-to-one' : 'many-to-one',
      source,
      target,
      name: fk.name,
      pairs,
      toOne: true,
      isSelf: source === target && !isView(source) && fk.table === fk.refTable,
      sourceIsView: isView(source),
      targetIsView: isView(target),
      ...(oneToOne ? { isParent: false } : {}),
    });
    base.push(rel(fk.table, fk.refTable, zip(fk.columns, fk.refColumns)));
    // The same FK through views of either side (PostgREST's addViewM2OAndO2ORels): never "self".
    const fromViews = viewColumnSets(lineage, fk.table, fk.columns);
    const toViews = viewColumnSets(lineage, fk.refTable, fk.refColumns);
    for (const [v, vcols] of fromViews) base.push({ ...rel(v, fk.refTable, zip(vcols, fk.refColumns)), isSelf: false });
    for (const [w, wcols] of toViews) base.push({ ...rel(fk.table, w, zip(fk.columns, wcols)), isSelf: false });
    for (const [v, vcols] of fromViews) {
      for (const [w, wcols] of toViews) base.push({ ...rel(v, w, zip(vcols, wcols)), isSelf: false });
    }
  }
  // Junctions: two different many-to-one FKs of one table, all their columns in its primary key.
  const m2m: Relationship[] = [];
  for (const r1 of base) {
    if (r1.cardinality !== 'many-to-one' || r1.sourceIsView) continue;
    const pk = relations.get(r1.source)?.pk ?? [];
    for (const r2 of base) {
      if (r2 === r1 || r2.source !== r1.source || r2.cardinality !== 'many-to-one' || r2.name === r1.name) continue;
      const cols = [...r1.pairs.map((p) => p[0]), ...r2.pairs.map((p) => p[0])];
      if (!cols.every((c) => pk.includes(c))) continue;
      m2m.push({
        cardinality: 'many-to-many',
        source: r1.target,
        target: r2.target,
        name: r1.source,
        pairs: [],
        junction: {
          table: r1.source,
          sourcePairs: r1.pairs,
          targetPairs: r2.pairs,
          fk1: r1.name,
          fk2: r2.name,
        },
        toOne: false,
        isSelf: r1.target === r2.target,
        sourceIsView: r1.targetIsView,
        targetIsView: r2.targetIsView,
      });
    }
  }
  const inverse = base.map(
    (r): Relationship => ({
      ...r,
      cardinality: r.cardinality === 'one-to-one' ? 'one-to-one' : 'one-to-many',
      source: r.target,
      target: r.source,
      pairs: r.pairs.map(([a, b]) => [b, a]),
      toOne: r.cardinality === 'one-to-one',
      sourceIsView: r.targetIsView,
      targetIsView: r.sourceIsView,
      ...(r.cardinality === 'one-to-one' ? { isParent: true } : {}),
    }),
  );
  const out = new Map<string, Relationship[]>();
  for (const r of [...base, ...m2m, ...inverse]) {
    const list = out.get(r.source) ?? [];
    list.push(r);
    out.set(r.source, list);
  }
  for (const list of out.values()) list.sort(compareRels);
  return out;
}

const CARD_RANK = { 'one-to-many': 0, 'many-to-one': 1, 'one-to-one': 2, 'many-to-many': 3 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cmpPairs = (a: Array<[string, string]>, b: Array<[string, string]>): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = cmp(a[i]?.[0] ?? '', b[i]?.[0] ?? '') || cmp(a[i]?.[1] ?? '', b[i]?.[1] ?? '');
    if (d) return d;
  }
  return a.length - b.length;
};

/**
 * PostgREST keeps each origin's relationships sorted (derived Ord of its Relationship type): by
 * target, self-ness, cardinality (O2M, M2O, O2O, M2M), constraint or junction, columns — the
 * order PGRST201 lists its candidates in.
 */
function compareRels(a: Relationship, b: Relationship): number {
  return (
    cmp(a.target, b.target) ||
    Number(a.isSelf) - Number(b.isSelf) ||
    CARD_RANK[a.cardinality] - CARD_RANK[b.cardinality] ||
    (a.junction && b.junction
      ? cmp(a.junction.table, b.junction.table) ||
        cmp(a.junction.fk1, b.junction.fk1) ||
        cmp(a.junction.fk2, b.junction.fk2) ||
        cmpPairs(swapAll(a.junction.sourcePairs), swapAll(b.junction.sourcePairs)) ||
        cmpPairs(swapAll(a.junction.targetPairs), swapAll(b.junction.targetPairs))
      : cmp(a.name, b.name) ||
        cmpPairs(a.pairs, b.pairs) ||
        Number(a.isParent ?? false) - Number(b.isParent ?? false)) ||
    Number(a.sourceIsView) - Number(b.sourceIsView) ||
    Number(a.targetIsView) - Number(b.targetIsView)
  );
}

const swapAll = (ps: Array<[string, string]>): Array<[string, string]> => ps.map(([x, y]) => [y, x]);

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
