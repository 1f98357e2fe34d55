import { type BuildContext, buildLevel, checkAllLevelsUsed, limitOffset, readQuery } from './build-sql.ts';
import { RestError } from './errors.ts';
import { bodyAggregate, type Render } from './media.ts';
import type { SelectItem } from './parse-select.ts';
import type { Routine, RoutineParam, SchemaCache } from './schema-cache.ts';
import { ident } from './sql-fragments.ts';
import { editDistance } from './suggest.ts';

/** What a POST body is, for the single-unnamed-parameter fallback (PostgREST's content media type). */
export type PayloadKind = 'json' | 'text' | 'xml' | 'octet' | 'form';

const UNNAMED_TYPES: Record<PayloadKind, string[]> = {
  form: [],
  json: ['json', 'jsonb'],
  text: ['text'],
  xml: ['xml'],
  octet: ['bytea'],
};

/** Bodies only a single unnamed parameter can take. */
const isRaw = (p: PayloadKind) => p === 'text' || p === 'xml' || p === 'octet';

/** PostgREST's Routine order: fewer parameters first, then parameters compared name by name. */
function routineOrder(a: Routine, b: Routine): number {
  if (a.params.length !== b.params.length) return a.params.length - b.params.length;
  for (let i = 0; i < a.params.length; i++) {
    const x = a.params[i] as RoutineParam;
    const y = b.params[i] as RoutineParam;
    const c = cmp(x.name, y.name) || cmp(x.type, y.type) || Number(x.hasDefault) - Number(y.hasDefault);
    if (c) return c;
  }
  return cmp(a.returnType, b.returnType);
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The argument names call this overload (PostgREST's matchesParams): every required parameter
 * given, nothing that is not a parameter; a function without parameters takes no arguments and
 * no raw (text/xml/bytea) body.
 */
function matchesParams(r: Routine, keys: Set<string>, isPost: boolean, payload: PayloadKind): boolean {
  if (r.params.length === 0) return keys.size === 0 && !(isPost && isRaw(payload));
  const required = r.params.filter((p) => !p.hasDefault).map((p) => p.name);
  const optional = new Set(r.params.filter((p) => p.hasDefault).map((p) => p.name));
  const rest = [...keys].filter((k) => !optional.has(k));
  return rest.length === new Set(required).size && rest.every((k) => required.includes(k));
}

/**
 * Finds the function `name` for these argument names as PostgREST's findProc: the overloads whose
 * parameters match, else (POST) the one taking a single unnamed parameter of the body's type;
 * several candidates are PGRST203, none PGRST202.
 */
export function resolveRoutine(
  cache: SchemaCache,
  name: string,
  keys: string[],
  isPost: boolean,
  payload: PayloadKind = 'json',
): { routine: Routine; wholeBody: boolean } {
  const all = [...(cache.routines.get(name) ?? [])].sort(routineOrder);
  const keySet = new Set(keys);
  const matches = all.filter((r) => matchesParams(r, keySet, isPost, payload));
  const fallback = all.filter(
    (r) =>
      !matchesParams(r, keySet, isPost, payload) &&
      isPost &&
      r.params.length === 1 &&
      r.params[0]?.name === '' &&
      UNNAMED_TYPES[payload].includes(r.params[0].type),
  );
  const found = matches.length ? matches : fallback;
  if (found.length === 1) return { routine: found[0] as Routine, wholeBody: matches.length === 0 };
  if (found.length > 1) {
    throw new RestError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${found.map((r) => `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  throw noRpc(cache, name, [...keySet].sort(), isPost, payload, all);
}

/** PGRST202 with PostgREST's message, details and fuzzy hint. */
function noRpc(
  cache: SchemaCache,
  name: string,
  keys: string[],
  isPost: boolean,
  payload: PayloadKind,
  overloads: Routine[],
): RestError {
  const func = `${cache.schema}.${name}`;
  const onlySingle = isPost && isRaw(payload);
  const listed = keys.length ? `(${keys.join(', ')})` : ' without parameters';
  const withParams = keys.length
    ? ` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
    : ' without parameters';
  const details = onlySingle
    ? ` with a single unnamed ${payload === 'octet' ? 'bytea' : payload} parameter`
    : `${withParams}${isPost && payload === 'json' ? ' or with a single unnamed json/jsonb parameter' : ''}`;
  let hint: string | null = null;
  if (!onlySingle) {
    const suggestion = overloads.length
      ? closest(
          overloads.map(
            (r) =>
              `(${r.params
                .map((p) => p.name)
                .sort()
                .join(', ')})`,
          ),
          `(${keys.join(', ')})`,
          0.33,
        )
      : closest([...cache.routines.keys()], name, 0.75);
    if (suggestion)
      hint = `Perhaps you meant to call the function ${cache.schema}.${overloads.length ? name : ''}${suggestion}`;
  }
  return new RestError(
    404,
    'PGRST202',
    `Could not find the function ${func}${onlySingle ? '' : listed} in the schema cache`,
    `Searched for the function ${func}${details}, but no matches were found in the schema cache.`,
    hint,
  );
}

/** The most similar candidate scoring at least `min` (1 - edit distance / length). */
function closest(candidates: string[], target: string, min: number): string | null {
  let best: { s: string; score: number } | null = null;
  for (const c of candidates) {
    const score = 1 - editDistance(c, target) / Math.max(c.length, target.length, 1);
    if (score >= min && (!best || score > best.score)) best = { s: c, score };
  }
  return best?.s ?? null;
}

export interface RpcInput {
  routine: Routine;
  wholeBody: boolean;
  /** POST: the JSON body text; GET: raw argument strings by name. */
  bodyText?: string;
  /** The raw body, for a single unnamed bytea parameter. */
  bodyBytes?: Buffer;
  bodyKeys?: string[];
  /** The JSON body is an array: its first object gives the arguments (PostgREST's LIMIT 1). */
  bodyIsArray?: boolean;
  getArgs?: Map<string, string>;
  select: SelectItem[];
  count: boolean;
  body: boolean;
  /** The negotiated rendering; a JSON array when absent. */
  render?: Render;
  limit?: number;
  offset?: number;
}

/** The call as a CTE so the function runs once even when the page and the count both read it. */
function callCte(ctx: BuildContext, i: RpcInput): string {
  const r = i.routine;
  const fn = `${ident(r.schema)}.${ident(r.name)}`;
  const scalarAlias = r.returnKind === 'composite' ? 'pgrst_fn' : 'pgrst_fn(pgrst_scalar)';
  if (i.wholeBody) {
    // The body as the one argument (PostgREST's OnePosParam); bytea arrives as `\x…` text.
    const type = r.params[0]?.type ?? 'json';
    const value = type === 'bytea' ? `\\x${(i.bodyBytes ?? Buffer.alloc(0)).toString('hex')}` : (i.bodyText ?? '{}');
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${ctx.params.add(value)}::${type}) ${scalarAlias}) `;
  }
  if (i.getArgs) {
    const args = [...i.getArgs].map(([k, v]) => {
      const p = r.params.find((x) => x.name === k);
      return `${ident(k)} := ${ctx.params.add(v)}::${p?.type ?? 'text'}`;
    });
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${args.join(', ')}) ${scalarAlias}) `;
  }
  const keys = i.bodyKeys ?? [];
  const params = keys.map((k) => r.params.find((p) => p.name === k)).filter((p) => p !== undefined);
  const typed = params.map((p) => `${ident(p.name)} ${p.type}`).join(', ');
  const payload = params.length
    ? `FROM (SELECT ${ctx.params.add(i.bodyText ?? '{}')}::json AS json_data) pgrst_payload, LATERAL (SELECT * FROM ${i.bodyIsArray ? 'json_to_recordset' : 'json_to_record'}(pgrst_payload.json_data) AS _(${typed}) LIMIT 1) pgrst_body, `
    : 'FROM ';
  const args = params.map((p) => `${ident(p.name)} := pgrst_body.${ident(p.name)}`).join(', ');
  return `WITH pgrst_call AS (SELECT pgrst_fn.* ${payload}LATERAL ${fn}(${args}) ${scalarAlias}) `;
}

export function rpcSql(ctx: BuildContext, i: RpcInput): string {
  const r = i.routine;
  const wanted = i.render ?? 'json';
  const cte = callCte(ctx, i);
  if (r.returnKind !== 'composite') {
    const agg = bodyAggregate(wanted, 'pgrst_t', r.returnsSet ? 'set' : 'one');
    const total = i.count ? '(SELECT count(*) FROM pgrst_call)' : 'NULL::bigint';
    const page = `SELECT pgrst_scalar FROM pgrst_call${r.returnsSet ? limitOffset(ctx.params, i.limit, i.offset) : ''}`;
    return `${cte}SELECT ${total} AS total, count(*)::int AS n, ${i.body && r.returnKind !== 'void' ? agg : `''`} AS body FROM (${page}) pgrst_t`;
  }
  const alias = 'pgrst_0';
  const level = buildLevel(ctx, { name: r.name, columns: r.columns, relName: r.returnTable }, alias, i.select, []);
  checkAllLevelsUsed(ctx);
  // One composite renders as the object itself, as PostgREST's asJsonF for single composites.
  const render = r.returnsSet
    ? wanted
    : wanted === 'json'
      ? 'single'
      : wanted === 'json-strip'
        ? 'single-strip'
        : wanted;
  return readQuery(ctx, {
    ...(render === 'json' ? {} : { bodyExpr: bodyAggregate(render, 'pgrst_t', null) }),
    with: cte,
    from: 'pgrst_call',
    rootAlias: alias,
    level,
    count: i.count,
    body: i.body,
    ...(i.limit !== undefined ? { limit: i.limit } : {}),
    ...(i.offset !== undefined ? { offset: i.offset } : {}),
  });
}
