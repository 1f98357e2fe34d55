import type pg from 'pg';
import { computeRelationships } from './relationships.ts';
import type { Column, ComputedRel, ForeignKey, Relation, Routine, SchemaCache, ViewLineage } from './types.ts';

export type {
  Column,
  ComputedRel,
  ForeignKey,
  Relation,
  Relationship,
  Routine,
  RoutineParam,
  SchemaCache,
  ViewLineage,
} from './types.ts';

const RELATIONS_SQL = `
select c.relname as name, c.relkind as kind,
  coalesce((select json_agg(json_build_object(
      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'nullable', not a.attnotnull,
      'default', case when a.attgenerated <> '' then null
        when a.attidentity = 'd' then format('nextval(%L)', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
        when d.adbin is null then (select pg_get_expr(t.typdefaultbin, 0) from pg_type t where t.oid = a.atttypid and t.typbasetype <> 0)
        else pg_get_expr(d.adbin, d.adrelid) end,
      'generated', a.attgenerated <> '' or a.attidentity = 'a') order by a.attnum)
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const CONSTRAINTS_SQL = `
select con.conname as name, con.contype as type, rel.relname as table, frel.relname as ref_table,
  (select array_agg(a.attname::text order by k.o) from unnest(con.conkey) with ordinality k(n, o)
     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) as columns,
  (select array_agg(a.attname::text order by k.o) from unnest(con.confkey) with ordinality k(n, o)
     join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n) as ref_columns
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid join pg_namespace n on n.oid = rel.relnamespace
left join pg_class frel on frel.oid = con.confrelid left join pg_namespace fn on fn.oid = frel.relnamespace
where n.nspname = $1 and con.contype in ('p', 'u', 'f') and (con.contype <> 'f' or fn.nspname = $1)`;

const ROUTINES_SQL = `
select p.proname as name, p.provolatile as volatility, p.proretset as returns_set,
  format_type(p.prorettype, null) as return_type, t.typtype as return_typtype,
  case when t.typtype = 'c' then (select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.oid = t.typrelid and n.nspname = $1 and c.relkind in ('r','v','m','f','p')) end as return_table,
  coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
     order by a.attnum) from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped),
     '[]') as composite_columns,
  coalesce(p.proargnames, '{}') as arg_names, coalesce(p.proargmodes::text[], '{}') as arg_modes,
  array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) x) as arg_types,
  p.pronargs as nargs, p.pronargdefaults as ndefaults
from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
where n.nspname = $1 and p.prokind = 'f'`;

const ROLES_SQL = `
select r.rolname as name, coalesce(r.rolconfig, '{}') as config, pg_has_role(current_user, r.oid, 'MEMBER') as member
from pg_roles r`;

// As PostgREST's queryDbSettings: the database-specific setting wins over the role-wide one.
const DB_SETTINGS_SQL = `
select distinct on (k) replace(k, 'pgrst.', '') as key, v as value from (
  select s.setdatabase as db, substr(kv, 1, strpos(kv, '=') - 1) as k, substr(kv, strpos(kv, '=') + 1) as v
  from pg_db_role_setting s, unnest(s.setconfig) kv
  where s.setrole = (select oid from pg_roles where rolname = current_user)
    and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))) x
where k like 'pgrst.%' order by k, db desc`;

// Functions of one argument, a relation's row type: computed fields, or relationships when they
// return a relation's row type (PostgREST's allComputedRels).
const COMPUTED_SQL = `
select p.proname as name, c.relname as table, rc.relname as return_table,
  not p.proretset or p.prorows = 1 as single_row
from pg_proc p
join pg_namespace pn on pn.oid = p.pronamespace
join pg_class c on c.reltype = p.proargtypes[0] and c.relkind in ('r', 'v', 'm', 'f', 'p')
join pg_namespace cn on cn.oid = c.relnamespace
left join pg_class rc on rc.reltype = p.prorettype and rc.relkind in ('r', 'v', 'm', 'f', 'p')
  and rc.relnamespace = cn.oid
where p.pronargs = 1 and p.prokind = 'f' and pn.nspname = $1 and cn.nspname = $1`;

// Where each view column comes from: the stored rule's target entries carry the source table and
// column (resorigtbl/resorigcol). The last entry of a name wins: the top-level target list is
// printed after the range table's subqueries.
const VIEW_LINEAGE_SQL = `
select v.relname as view, m[1] as col, t.relname as table, a.attname as base_col
from pg_class v
join pg_namespace vn on vn.oid = v.relnamespace
join pg_rewrite r on r.ev_class = v.oid and r.rulename = '_RETURN'
cross join lateral regexp_matches(r.ev_action::text,
  ':resname (\\S+) :ressortgroupref \\d+ :resorigtbl (\\d+) :resorigcol (\\d+)', 'g') m
join pg_class t on t.oid = m[2]::oid
join pg_namespace tn on tn.oid = t.relnamespace
join pg_attribute a on a.attrelid = t.oid and a.attnum = m[3]::int
where v.relkind in ('v', 'm') and vn.nspname = $1 and tn.nspname = $1`;

/** PostgREST's boolean settings: true/on/yes/1, any case. */
export function dbSettingOn(cache: SchemaCache, key: string): boolean {
  return ['true', 'on', 'yes', '1'].includes((cache.dbSettings.get(key) ?? '').trim().toLowerCase());
}

// Only settings that matter per request; search_path is set by the gateway itself.
const ROLE_SETTINGS = new Set(['statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout']);

interface ColumnRow {
  name: string;
  type: string;
  nullable?: boolean;
  default?: string | null;
  generated?: boolean;
}

function toColumns(rows: ColumnRow[]): { map: Map<string, Column>; list: Column[] } {
  const list = rows.map((r) => ({
    name: r.name,
    type: r.type,
    nullable: r.nullable ?? true,
    default: r.default ?? null,
    generated: r.generated ?? false,
  }));
  return { map: new Map(list.map((c) => [c.name, c])), list };
}

/** Reads the exposed schema's catalog in four queries (PostgREST's schema cache, trimmed to what we use). */
export async function loadSchemaCache(client: pg.Pool | pg.Client, schema: string): Promise<SchemaCache> {
  const [rels, cons, procs, roles, settings, computed, lineageRows] = await Promise.all([
    client.query(RELATIONS_SQL, [schema]),
    client.query(CONSTRAINTS_SQL, [schema]),
    client.query(ROUTINES_SQL, [schema]),
    client.query(ROLES_SQL),
    client.query(DB_SETTINGS_SQL),
    client.query(COMPUTED_SQL, [schema]),
    client.query(VIEW_LINEAGE_SQL, [schema]),
  ]);
  const relations = new Map<string, Relation>();
  for (const r of rels.rows) {
    const cols = toColumns(r.columns);
    relations.set(r.name, {
      schema,
      name: r.name,
      kind: r.kind === 'r' || r.kind === 'p' ? 'table' : 'view',
      columns: cols.map,
      columnList: cols.list,
      pk: [],
      uniques: [],
      computed: new Map(),
    });
  }
  const foreignKeys: ForeignKey[] = [];
  for (const c of cons.rows) {
    const rel = relations.get(c.table);
    if (!rel || !c.columns) continue;
    if (c.type === 'p') rel.pk = c.columns;
    if (c.type === 'p' || c.type === 'u') rel.uniques.push(c.columns);
    if (c.type === 'f' && c.ref_table && c.ref_columns) {
      foreignKeys.push({
        name: c.name,
        table: c.table,
        columns: c.columns,
        refTable: c.ref_table,
        refColumns: c.ref_columns,
      });
    }
  }
  const computedRels: ComputedRel[] = [];
  const quote = (n: string) => `"${n.replaceAll('"', '""')}"`;
  for (const f of computed.rows) {
    const rel = relations.get(f.table);
    if (!rel) continue;
    const call = `${quote(schema)}.${quote(f.name)}`;
    if (f.return_table) {
      computedRels.push({ name: f.name, table: f.table, target: f.return_table, call, toOne: f.single_row });
    } else if (!rel.columns.has(f.name)) rel.computed.set(f.name, call);
  }
  const routines = new Map<string, Routine[]>();
  for (const p of procs.rows) {
    const routine = toRoutine(schema, p);
    if (!routine) continue;
    const list = routines.get(routine.name) ?? [];
    list.push(routine);
    routines.set(routine.name, list);
  }
  const roleSet = new Set<string>();
  const allRoles = new Set<string>();
  const roleSettings = new Map<string, Array<[string, string]>>();
  for (const r of roles.rows) {
    allRoles.add(r.name);
    if (r.member) roleSet.add(r.name);
    const settings: Array<[string, string]> = [];
    for (const kv of r.config as string[]) {
      const eq = kv.indexOf('=');
      const k = kv.slice(0, eq);
      if (eq > 0 && ROLE_SETTINGS.has(k)) settings.push([k, kv.slice(eq + 1)]);
    }
    if (settings.length) roleSettings.set(r.name, settings);
  }
  return {
    schema,
    relations,
    foreignKeys,
    relationships: computeRelationships(relations, foreignKeys, viewLineage(relations, lineageRows.rows)),
    computedRels,
    routines,
    roles: roleSet,
    allRoles,
    roleSettings,
    dbSettings: new Map(settings.rows.map((r) => [r.key as string, r.value as string])),
    loadedAt: Date.now(),
  };
}

interface RoutineRow {
  name: string;
  volatility: string;
  returns_set: boolean;
  return_type: string;
  return_typtype: string;
  return_table: string | null;
  composite_columns: ColumnRow[];
  arg_names: string[];
  arg_modes: string[];
  arg_types: string[];
  nargs: number;
  ndefaults: number;
}

function toRoutine(schema: string, p: RoutineRow): Routine | null {
  const inputs: Array<{ name: string; type: string; variadic: boolean }> = [];
  const outputs: ColumnRow[] = [];
  p.arg_types.forEach((type, i) => {
    const mode = p.arg_modes[i] ?? 'i';
    const name = p.arg_names[i] ?? '';
    if (mode === 'i' || mode === 'b' || mode === 'v') inputs.push({ name, type, variadic: mode === 'v' });
    if (mode === 'o' || mode === 'b' || mode === 't') outputs.push({ name, type });
  });
  const firstDefault = inputs.length - p.ndefaults;
  const params = inputs.map((a, i) => ({
    name: a.name,
    type: a.type,
    hasDefault: i >= firstDefault,
    ...(a.variadic ? { variadic: true } : {}),
  }));
  let returnKind: Routine['returnKind'];
  let cols: ColumnRow[] = [];
  if (p.return_type === 'void') returnKind = 'void';
  else if (p.return_typtype === 'c') {
    returnKind = 'composite';
    cols = p.composite_columns;
  } else if (p.return_type === 'record') {
    // Records without OUT/TABLE columns have no shape PostgREST could describe.
    if (outputs.length === 0) return null;
    returnKind = 'composite';
    cols = outputs;
  } else returnKind = 'scalar';
  const { map, list } = toColumns(cols);
  return {
    schema,
    name: p.name,
    params,
    volatility: p.volatility === 'i' ? 'immutable' : p.volatility === 's' ? 'stable' : 'volatile',
    returnsSet: p.returns_set,
    returnKind,
    returnType: p.return_type,
    columns: map,
    columnList: list,
    returnTable: p.return_table,
  };
}

/** View column → base table column, followed through views of views. */
function viewLineage(
  relations: Map<string, Relation>,
  rows: Array<{ view: string; col: string; table: string; base_col: string }>,
): ViewLineage {
  const direct = new Map<string, Map<string, { table: string; column: string }>>();
  for (const r of rows) {
    if (!relations.get(r.view)?.columns.has(r.col)) continue;
    const m = direct.get(r.view) ?? new Map();
    m.set(r.col, { table: r.table, column: r.base_col });
    direct.set(r.view, m);
  }
  const resolve = (
    src: { table: string; column: string },
    seen: Set<string>,
  ): { table: string; column: string } | null => {
    if (relations.get(src.table)?.kind !== 'view') return src;
    if (seen.has(src.table)) return null;
    const next = direct.get(src.table)?.get(src.column);
    return next ? resolve(next, new Set([...seen, src.table])) : null;
  };
  const out: ViewLineage = new Map();
  for (const [view, cols] of direct) {
    const m = new Map<string, { table: string; column: string }>();
    for (const [col, src] of cols) {
      const base = resolve(src, new Set([view]));
      if (base) m.set(col, base);
    }
    if (m.size) out.set(view, m);
  }
  return out;
}
