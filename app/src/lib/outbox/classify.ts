import type { ExecutionResult, OutboxFailure } from '#lib/outbox/types.ts';

/** What supabase-js returns from `.rpc()` and table calls: an error body and the HTTP status. */
export interface SupabaseResponseLike {
  error: { message: string; code?: string | null; hint?: string | null; details?: string | null } | null;
  status: number;
}

// SQLSTATEs that mean "try again": serialization failure, deadlock, connection and resource trouble.
const transientSqlStates = /^(40001|40P01|08...|53...|57P0[1-3])$/;

/**
 * Turns a supabase-js response into an outbox result. Network failures (status 0), timeouts (408),
 * rate limits (429) and server errors (5xx) are transient. Everything else a server answers is a
 * refusal that retrying cannot fix. Our RPCs raise P0001/42501 with a stable snake_case code as the
 * message (see supabase/migrations), which becomes the failure's `code` for translation.
 */
export function resultFromResponse({ error, status }: SupabaseResponseLike): ExecutionResult {
  if (!error) return { ok: true };
  const sqlState = error.code ?? '';
  const failure: OutboxFailure = {
    transient: isTransientStatus(status) || transientSqlStates.test(sqlState),
    code: databaseCode(error.message, sqlState) ?? (sqlState || `http_${status}`),
    message: error.message,
    status,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.details ? { detail: error.details } : {}),
  };
  return { ok: false, failure };
}

/** An executor that threw rather than answered: a failed fetch is transient, anything else a bug. */
export function failureFromThrown(error: unknown): OutboxFailure {
  const message = error instanceof Error ? error.message : String(error);
  const isNetwork = error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
  return { transient: isNetwork, code: isNetwork ? 'network' : 'client_error', message };
}

function isTransientStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function databaseCode(message: string, sqlState: string): string | null {
  if (sqlState !== 'P0001' && sqlState !== '42501') return null;
  return /^[a-z][a-z0-9_]*$/.test(message) ? message : null;
}
