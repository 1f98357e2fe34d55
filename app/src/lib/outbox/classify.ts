/**
 * The outbox's retry classification: which failures are worth sending again later. Network
 * failures (status 0), timeouts (408), rate limits (429) and server errors (5xx) are transient, and
 * so are the SQLSTATEs that mean "try again" even when PostgREST answers 4xx. Everything else a
 * server answers is a refusal that retrying cannot fix. (Responses become results in lib/db.ts.)
 */
export function isTransientFailure(status: number, sqlState: string): boolean {
  return isTransientStatus(status) || transientSqlStates.test(sqlState);
}

// Serialization failure, deadlock, connection and resource trouble.
const transientSqlStates = /^(40001|40P01|08...|53...|57P0[1-3])$/;

function isTransientStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
