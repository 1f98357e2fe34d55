import type pg from 'pg';
import type { ApiKeys } from '../../api-keys.ts';
import type { JwtKeyInput } from '../../jwt.ts';
import { RestError } from '../errors.ts';
import type { Call } from '../request/api-request.ts';
import { bodyAggregate } from '../request/media.ts';
import { appliedPreferences, txEndSetting } from '../request/prefer.ts';
import { parseCookies } from '../request/request-body.ts';
import type { Outcome } from '../response.ts';
import type { SchemaState } from '../schema/schema-state.ts';
import { type MainResult, runRequest, type TxSetup } from './transaction.ts';

// What every kind of call shares once negotiated: the request, its settings, and how it runs in
// one transaction (PostgREST's MainTx).

export interface RestSettings {
  schemas: string[];
  /** `[api] extra_search_path`: after the request's schema, as PostgREST sets search_path. */
  extraSearchPath: string[];
  maxRows: number;
  jwtSecret: JwtKeyInput;
  keys: ApiKeys;
}

export interface RestRuntime {
  pool: pg.Pool;
  schema: SchemaState;
  settings: RestSettings;
  log: (line: string) => void;
}

/** The body aggregate for the negotiated media type (absent: readQuery's JSON array). */
export function bodyExpr(call: Call): { bodyExpr?: string } {
  return call.media.render === 'json' ? {} : { bodyExpr: bodyAggregate(call.media.render, 'pgrst_t', null) };
}

export function readOutcome(call: Call, result: MainResult, offset: number, head: boolean) {
  return {
    kind: 'read' as const,
    result,
    offset,
    singular: call.singular,
    head,
    contentType: call.media.contentType,
    applied: appliedPreferences(call.prefs, ['count', 'tx', 'handling', 'timezone']),
  };
}

export async function runPlan(
  rt: RestRuntime,
  call: Call,
  readOnly: boolean,
  text: string,
  values: string[],
): Promise<Outcome> {
  const plan = call.media.plan;
  if (!plan) throw new Error('runPlan without a plan');
  const opts = [`FORMAT ${plan.format.toUpperCase()}`, ...plan.options.map((o) => o.toUpperCase())];
  const result = await run(rt, call, readOnly, `EXPLAIN (${opts.join(', ')}) ${text}`, values, undefined, true);
  return { kind: 'plan', body: result.body, contentType: call.media.contentType };
}

export async function run(
  rt: RestRuntime,
  call: Call,
  readOnly: boolean,
  text: string,
  values: string[],
  explainCount?: string,
  plan?: boolean,
): Promise<MainResult> {
  const cache = await rt.schema.get(call.schema);
  const headers: Record<string, string> = {};
  call.req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const setup: TxSetup = {
    readOnly,
    role: call.identity.role,
    claimsJson: call.identity.claimsJson,
    method: call.method,
    path: new URL(call.req.url).pathname.replace(/^.*?\/rest\/v1/, '') || '/',
    headersJson: JSON.stringify(headers),
    cookiesJson: JSON.stringify(parseCookies(call.req.headers.get('cookie'))),
    searchPath: [call.schema, ...rt.settings.extraSearchPath].map((n) => `"${n.replaceAll('"', '""')}"`).join(', '),
    roleSettings: cache.roleSettings.get(call.identity.role) ?? [],
    ...(call.prefs.timezone ? { timezone: call.prefs.timezone } : {}),
  };
  // Singular and strict max-affected requests only know how to end after seeing the result.
  const check = (r: MainResult): RestError | null => {
    if (call.singular && r.n !== 1) {
      return new RestError(
        406,
        'PGRST116',
        'Cannot coerce the result to a single JSON object',
        `The result contains ${r.n} rows`,
      );
    }
    if (call.prefs.handling === 'strict' && call.prefs.maxAffected !== undefined && r.n > call.prefs.maxAffected) {
      return new RestError(
        400,
        'PGRST124',
        'Query result exceeds max-affected preference constraint',
        `The query affects ${r.n} rows`,
      );
    }
    return null;
  };
  const needsResult = call.singular || (call.prefs.handling === 'strict' && call.prefs.maxAffected !== undefined);
  // PostgREST's optionalRollback: Prefer tx= (when allowed) over pgrst.db_tx_end.
  const txEnd = txEndSetting(cache.dbSettings.get('db_tx_end'));
  const wanted =
    call.prefs.tx === 'rollback' || (txEnd.rollbackAll && call.prefs.tx !== 'commit') ? 'rollback' : 'commit';
  const result = await runRequest(
    rt.pool,
    setup,
    { text, values, ...(explainCount ? { explainCount } : {}), ...(plan ? { plan } : {}) },
    needsResult ? (r) => (check(r) ? 'rollback' : wanted) : wanted,
  );
  const refusal = check(result);
  if (refusal) throw refusal;
  return result;
}
