import { RestError } from '../errors.ts';
import type { FieldRef } from '../request/parse-common.ts';
import type { AggregateFn, SelectItem } from '../request/parse-select.ts';
import { type LevelParams, pathKey } from '../request/query-params.ts';
import { dbSettingOn, type SchemaCache } from '../schema/schema-cache.ts';
import type { Column, Relation, Relationship } from '../schema/types.ts';
import { resolveRelationship } from './resolve-relationship.ts';

/** What planning reads and records: the schema cache, the per-level parameters, and which were used. */
export interface PlanContext {
  cache: SchemaCache;
  levels: Map<string, LevelParams>;
  /** Level keys an embed consumed; unused ones fail with PGRST108 (checkAllLevelsUsed). */
  usedLevels: Set<string>;
}

/** A level's row source: a table, view or a function's row type (whose relationships embeds resolve against). */
export interface LevelSource {
  name: string;
  columns: Map<string, Column>;
  /** How the database would name it in errors: an embedded level's `<table>_<depth>` alias. */
  label?: string;
  /** Computed fields (functions of the row): name → qualified function, called with the row. */
  computed?: Map<string, string>;
  /** Table name whose relationships embeds resolve against (a function's row type table). */
  relName: string | null;
}

/** How an embed reaches its rows (PostgREST's Relationship, or a function as a relationship). */
export type PlannedJoin =
  | { kind: 'fk'; pairs: Array<[string, string]> }
  | { kind: 'junction'; table: string; sourcePairs: Array<[string, string]>; targetPairs: Array<[string, string]> }
  | { kind: 'function'; call: string };

export type PlannedField = {
  kind: 'field';
  field: FieldRef;
  alias?: string;
  cast?: string;
  /** Set when the field is an aggregate (already allowed by `db_aggregates_enabled`). */
  agg?: AggregateFn;
  aggCast?: string;
};

export interface PlannedEmbed {
  kind: 'embed';
  /** The output key (alias or relation name). */
  outName: string;
  target: Relation;
  toOne: boolean;
  join: PlannedJoin;
  spread: boolean;
  inner: boolean;
  /** The embed selected columns (an empty `rel()` only filters). */
  hasChildren: boolean;
  /** The child level's alias, `<table>_<depth>`, so database errors read as PostgREST's (`authors_1.nope`). */
  alias: string;
  /** The lateral's alias, `<parent>_<embed>_<depth>` as PostgREST names it. */
  lateral: string;
  child: ReadPlan;
}

export type PlannedItem = { kind: 'star' } | PlannedField | PlannedEmbed;

/** One select level, resolved: no SQL text, only what the query builder renders. */
export interface ReadPlan {
  source: LevelSource;
  items: PlannedItem[];
  /** Filters, logic trees, order and range given for this level's path. */
  params: LevelParams | undefined;
  /** This level is a to-one spread: its aggregates move up to the parent's select. */
  hoist: boolean;
  /** The level aggregates, itself or through a to-one spread below it. */
  aggregates: boolean;
}

type EmbedItem = Extract<SelectItem, { kind: 'embed' }>;

/**
 * PostgREST's ReadPlan: the select tree with every embed's relationship resolved (PGRST200/201),
 * aggregates checked (PGRST123, PGRST127) and each level's parameters attached.
 */
export function planRead(
  ctx: PlanContext,
  src: LevelSource,
  items: SelectItem[],
  path: string[],
  hoist = false,
): ReadPlan {
  if (!src.computed && src.relName !== null) {
    const computed = ctx.cache.relations.get(src.relName)?.computed;
    if (computed?.size) src = { ...src, computed };
  }
  const key = pathKey(path);
  ctx.usedLevels.add(key);
  const depth = path.length + 1;
  const planned: PlannedItem[] = [];
  let aggregates = false;
  for (const item of items) {
    if (item.kind === 'star') planned.push({ kind: 'star' });
    else if (item.kind === 'field') {
      if (item.agg) {
        if (!dbSettingOn(ctx.cache, 'db_aggregates_enabled')) {
          throw new RestError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
        }
        aggregates = true;
      }
      planned.push({ ...item, kind: 'field' });
    } else {
      const e = planEmbed(ctx, src, item, path, depth);
      if (e.spread && e.toOne && e.child.aggregates) aggregates = true;
      planned.push(e);
    }
  }
  return { source: src, items: planned, params: ctx.levels.get(key), hoist, aggregates };
}

function planEmbed(ctx: PlanContext, src: LevelSource, item: EmbedItem, path: string[], depth: number): PlannedEmbed {
  if (src.relName === null) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${src.name}' and '${item.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${src.name}' and '${item.name}' in the schema '${ctx.cache.schema}', but no matches were found.`,
    );
  }
  // A function of the parent row returning a relation's rows embeds like a relationship and,
  // as PostgREST's computed relationships do, takes precedence over foreign keys of that name.
  const fnRel = ctx.cache.computedRels.find((r) => r.table === src.relName && r.name === item.name);
  let targetName: string;
  let toOne: boolean;
  let join: PlannedJoin;
  if (fnRel) {
    targetName = fnRel.target;
    toOne = fnRel.toOne;
    join = { kind: 'function', call: fnRel.call };
  } else {
    const rel: Relationship = resolveRelationship(
      ctx.cache.relationships,
      ctx.cache.schema,
      src.relName,
      item.name,
      item.hint,
    );
    targetName = rel.target;
    toOne = rel.toOne;
    join = rel.junction
      ? {
          kind: 'junction',
          table: rel.junction.table,
          sourcePairs: rel.junction.sourcePairs,
          targetPairs: rel.junction.targetPairs,
        }
      : { kind: 'fk', pairs: rel.pairs };
  }
  const target = ctx.cache.relations.get(targetName);
  if (!target) throw new RestError(500, 'PGRSTX00', `relationship target ${targetName} missing from the schema cache`);
  const outName = item.alias ?? item.name;
  const spread = item.spread === true;
  const childPath = spread ? [...path, item.name] : [...path, outName];
  const child = planRead(
    ctx,
    { ...target, relName: target.name, label: `${target.name}_${depth}` },
    item.children,
    childPath,
    spread && toOne,
  );
  if (spread && !toOne && child.aggregates) {
    throw new RestError(
      400,
      'PGRST127',
      'Feature not implemented',
      'Aggregates are not implemented for one-to-many or many-to-many spreads.',
    );
  }
  return {
    kind: 'embed',
    outName,
    target,
    toOne,
    join,
    spread,
    inner: item.join === 'inner',
    hasChildren: item.children.length > 0,
    alias: `${target.name}_${depth}`,
    lateral: `${src.relName}_${outName}_${depth}`,
    child,
  };
}
