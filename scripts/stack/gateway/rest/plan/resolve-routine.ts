import { RestError } from '../errors.ts';
import type { Routine, RoutineParam, SchemaCache } from '../schema/schema-cache.ts';
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
