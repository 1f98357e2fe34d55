import { RestError } from '../errors.ts';
import { resolveRoutine } from '../plan/resolve-routine.ts';
import type { Call } from '../request/api-request.ts';
import { appliedPreferences } from '../request/prefer.ts';
import { type ParsedQuery, splitQuery } from '../request/query-params.ts';
import type { Outcome } from '../response.ts';
import type { SchemaCache } from '../schema/schema-cache.ts';
import { rpcSql } from './build-rpc.ts';
import type { newContext } from './build-sql.ts';
import { type RestRuntime, run, runPlan } from './call.ts';

/**
 * Argument names of a JSON body as PostgREST's payloadAttributes: an object's keys, the keys every
 * object of an array shares (else PGRST102), none for anything else.
 */
function jsonArgumentKeys(v: unknown): string[] {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(v)) return Object.keys(v);
  if (!Array.isArray(v) || v.length === 0 || !isObj(v[0])) {
    if (Array.isArray(v) && v.length > 0) throw new RestError(400, 'PGRST102', 'All object keys must match');
    return [];
  }
  const keys = Object.keys(v[0]);
  const canon = [...keys].sort().join('\u0000');
  if (!v.every((o) => isObj(o) && Object.keys(o).sort().join('\u0000') === canon)) {
    throw new RestError(400, 'PGRST102', 'All object keys must match');
  }
  return keys;
}

export async function executeRpc(
  rt: RestRuntime,
  cache: SchemaCache,
  call: Call,
  q: ParsedQuery,
  ctx: ReturnType<typeof newContext>,
  o: { counted: boolean; headOnly: boolean; limit: number; offset: number },
): Promise<Outcome> {
  const isPost = call.method === 'POST';
  const body = call.rpcBody;
  // A form body's fields are arguments as query-string ones are (PostgREST's ProcessedUrlEncoded).
  const form = body?.kind === 'form' ? new Map(new URLSearchParams(body.text)) : null;
  const keys = !isPost
    ? [...q.rpcArgs.keys()]
    : form
      ? [...form.keys()]
      : body?.kind === 'json'
        ? (q.columns ?? jsonArgumentKeys(body.value))
        : [];
  const { routine, wholeBody } = resolveRoutine(cache, call.resource, keys, isPost, body?.kind ?? 'json');
  // A VARIADIC parameter takes every value it is given, in order, as PostgREST's toRpcParams
  // (`?v=1&v=2`); other repeated arguments keep their last value.
  const withVariadics = (args: Map<string, string>, all: Array<[string, string | null]>) => {
    const out = new Map<string, string | string[]>(args);
    for (const p of routine.params) {
      if (p.variadic && args.has(p.name)) {
        out.set(
          p.name,
          all.filter(([k, v]) => k === p.name && v !== null).map(([, v]) => v as string),
        );
      }
    }
    return out;
  };
  // PostgREST's payloadAttributes truncates a JSON body that is no object or array (`5`, `"hi"`,
  // `null`) to an empty array: no arguments, and `[]` for a single unnamed json parameter.
  const scalarJson = body?.kind === 'json' && !q.columns && (typeof body.value !== 'object' || body.value === null);
  const text = rpcSql(ctx, {
    routine,
    wholeBody,
    ...(form
      ? { getArgs: withVariadics(form, [...new URLSearchParams(body?.text ?? '')]) }
      : isPost
        ? {
            bodyText: scalarJson ? '[]' : (body?.text ?? '{}'),
            bodyBytes: body?.bytes ?? Buffer.alloc(0),
            bodyKeys: keys,
            bodyIsArray: scalarJson || Array.isArray(body?.value),
          }
        : { getArgs: withVariadics(q.rpcArgs, splitQuery(call.query)) }),
    select: q.select,
    // Functions count only exactly (count=planned reports no total, as PostgREST's mainCall).
    count: (call.prefs.count === 'exact' || call.prefs.count === 'estimated') && !call.media.plan,
    body: (!o.headOnly && call.prefs.return !== 'minimal') || !!call.media.plan,
    render: call.media.render,
    ...(routine.returnsSet ? { limit: o.limit, offset: o.offset } : {}),
  });
  const readOnly = !isPost || routine.volatility !== 'volatile';
  if (call.media.plan) return runPlan(rt, call, readOnly, text, ctx.params.values);
  const result = await run(rt, call, readOnly, text, ctx.params.values);
  return {
    kind: 'rpc',
    result,
    offset: o.offset,
    total: result.total === null ? null : Number(result.total),
    singular: call.singular,
    head: o.headOnly || call.prefs.return === 'minimal',
    returnsSet: routine.returnsSet,
    returnKind: routine.returnKind,
    contentType: call.media.contentType,
    applied: appliedPreferences(call.prefs, ['count', 'tx', 'handling', 'timezone', 'maxAffected']),
  };
}
