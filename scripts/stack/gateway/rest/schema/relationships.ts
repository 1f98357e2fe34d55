import type { ForeignKey, Relation, Relationship, ViewLineage } from './types.ts';

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
