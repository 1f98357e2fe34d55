import { RestError } from './errors.ts';
import type { ForeignKey, Relation } from './schema-cache.ts';

/**
 * A way to embed `target` under `source`, derived from foreign keys as PostgREST does:
 * many-to-one (FK on source), one-to-many (FK on target), one-to-one (either, with unique FK
 * columns) and many-to-many through a junction whose key holds both FKs.
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
  /** Columns of the FK on the side that holds it (for `rel!column` hints). */
  fkColumns: string[];
  toOne: boolean;
}

const zip = (a: string[], b: string[]): Array<[string, string]> => a.map((x, i) => [x, b[i] as string]);

function isUnique(rel: Relation | undefined, cols: string[]): boolean {
  if (!rel) return false;
  return rel.uniques.some((u) => u.length === cols.length && u.every((c) => cols.includes(c)));
}

export function computeRelationships(relations: Map<string, Relation>, fks: ForeignKey[]): Map<string, Relationship[]> {
  const out = new Map<string, Relationship[]>();
  const add = (r: Relationship) => {
    const list = out.get(r.source) ?? [];
    list.push(r);
    out.set(r.source, list);
  };
  for (const fk of fks) {
    const oneToOne = isUnique(relations.get(fk.table), fk.columns);
    add({
      cardinality: oneToOne ? 'one-to-one' : 'many-to-one',
      source: fk.table,
      target: fk.refTable,
      name: fk.name,
      pairs: zip(fk.columns, fk.refColumns),
      fkColumns: fk.columns,
      toOne: true,
    });
    add({
      cardinality: oneToOne ? 'one-to-one' : 'one-to-many',
      source: fk.refTable,
      target: fk.table,
      name: fk.name,
      pairs: zip(fk.refColumns, fk.columns),
      fkColumns: fk.columns,
      toOne: oneToOne,
    });
  }
  // Junctions: a table with two FKs whose columns are all part of its primary key or a unique key.
  const byTable = new Map<string, ForeignKey[]>();
  for (const fk of fks) byTable.set(fk.table, [...(byTable.get(fk.table) ?? []), fk]);
  for (const [table, list] of byTable) {
    const rel = relations.get(table);
    if (!rel || list.length < 2) continue;
    const keys = rel.pk.length ? [rel.pk, ...rel.uniques] : rel.uniques;
    for (const fk1 of list) {
      for (const fk2 of list) {
        if (fk1 === fk2) continue;
        const both = [...fk1.columns, ...fk2.columns];
        if (!keys.some((k) => both.every((c) => k.includes(c)))) continue;
        add({
          cardinality: 'many-to-many',
          source: fk1.refTable,
          target: fk2.refTable,
          name: table,
          pairs: [],
          junction: {
            table,
            sourcePairs: zip(fk1.columns, fk1.refColumns),
            targetPairs: zip(fk2.columns, fk2.refColumns),
            fk1: fk1.name,
            fk2: fk2.name,
          },
          fkColumns: [],
          toOne: false,
        });
      }
    }
  }
  return out;
}

function matchesHint(r: Relationship, hint: string): boolean {
  if (r.name === hint) return true;
  if (r.junction) return r.junction.fk1 === hint || r.junction.fk2 === hint;
  if (r.fkColumns.length === 1 && r.fkColumns[0] === hint) return true;
  // The referenced side's single column, e.g. `rel!id`.
  return r.pairs.length === 1 && (r.pairs[0]?.[0] === hint || r.pairs[0]?.[1] === hint);
}

/** Picks the relationship for `source → name[!hint]` or fails with PGRST200/PGRST201. */
export function resolveRelationship(
  all: Map<string, Relationship[]>,
  schema: string,
  source: string,
  name: string,
  hint: string | undefined,
): Relationship {
  const fromSource = all.get(source) ?? [];
  let candidates = fromSource.filter((r) => r.target === name);
  if (candidates.length === 0) {
    // Embedding by FK constraint name or FK column name: `client_id(*)`, `orders_client_fkey(*)`.
    candidates = fromSource.filter(
      (r) =>
        r.cardinality !== 'many-to-many' &&
        r.fkColumns.length > 0 &&
        (r.name === name || (r.fkColumns.length === 1 && r.fkColumns[0] === name)) &&
        (r.cardinality === 'many-to-one' || r.cardinality === 'one-to-one') &&
        r.pairs.every(([s]) => r.fkColumns.includes(s)),
    );
  }
  if (hint !== undefined) candidates = candidates.filter((r) => matchesHint(r, hint));
  if (candidates.length === 1) return candidates[0] as Relationship;
  if (candidates.length === 0) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${source}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${source}' and '${name}'${hint !== undefined ? ` using the hint '${hint}'` : ''} in the schema '${schema}', but no matches were found.`,
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
