import { isConnectionLoss } from '../db-errors.ts';
import { fromPgError, isPgError, RestError } from './errors.ts';
import { ACCESSIBLE_SQL, openApiRoot } from './openapi.ts';
import { type RestRuntime, run } from './query/call.ts';
import { execute } from './query/execute.ts';
import { apiRequest, requestTarget } from './request/api-request.ts';
import { identify } from './request/request-auth.ts';
import { type Outcome, respond } from './response.ts';

export type { RestSettings } from './query/call.ts';

// The orchestration, as PostgREST's App: the request read (request/), the caller identified, the
// call planned against the schema cache and built into one statement (plan/, query/), the outcome
// rendered (response.ts). A call failing on a stale schema cache is retried once after a reload.

export async function handleRest(rt: RestRuntime, req: Request): Promise<Response> {
  let authed = false;
  try {
    const target = requestTarget(req, rt.settings.schemas);
    const { schema, profiled } = target;
    const cache = await rt.schema.get(schema);
    const identity = await identify(
      { authorization: req.headers.get('authorization'), apikey: req.headers.get('apikey') },
      rt.settings,
      { member: cache.roles, all: cache.allRoles },
    );
    authed = identity.role !== 'anon';
    const request = await apiRequest(req, target, cache, identity);
    if (request.root) {
      return openApiRoot(cache, await run(rt, request.call, true, ACCESSIBLE_SQL, [cache.schema]));
    }
    const call = request.call;
    let outcome: Outcome;
    try {
      outcome = await execute(rt, cache, call);
    } catch (e) {
      // DDL may have landed before its NOTIFY: one reload, then one retry.
      if (e instanceof RestError && /^PGRST20[0-5]$/.test(e.code) && (await rt.schema.reloadIfStale())) {
        outcome = await execute(rt, await rt.schema.get(schema), call);
      } else throw e;
    }
    const res = respond(outcome);
    if (profiled && res.headers.has('content-type')) res.headers.set('Content-Profile', schema);
    return res;
  } catch (e) {
    if (e instanceof RestError) return respond({ error: e });
    if (isConnectionLoss(e)) return respond({ error: connectionError(e as Error) });
    if (isPgError(e)) return respond({ error: fromPgError(e, authed) });
    return respond({ error: unexpected(e, rt.log) });
  }
}

/** Postgres away (refused, restarting, recovering): PostgREST's 503 PGRST000 while it reconnects. */
function connectionError(err: Error): RestError {
  return new RestError(503, 'PGRST000', 'Database connection error. Retrying the connection.', err.message);
}

/** Failures outside Postgres errors and lost connections: a 500. */
function unexpected(e: unknown, log: (line: string) => void): RestError {
  const err = e instanceof Error ? e : new Error(String(e));
  log(`rest: unexpected error: ${err.stack ?? err.message}`);
  return new RestError(500, 'PGRSTX00', 'Internal error', err.message);
}
