import type { Database } from '#lib/database.types.ts';
import { isTransientFailure } from '#lib/outbox/classify.ts';

/**
 * The one way the app talks to the database: every read, write and RPC goes through `runDb`,
 * which answers a `DbResult` — the data, or a `DbFailure` carrying the database's stable code.
 * Screens never see a thrown error or a raw supabase-js response; domain `errors.ts` files turn
 * codes into sentences (see app/README.md, "Data access").
 */

export type TableName = keyof Database['public']['Tables'];

/** A refusal or a failure to reach the database. */
export interface DbFailure {
  /** Transient failures (network, 5xx, serialization) are worth retrying; refusals are not. */
  transient: boolean;
  /** The database's stable code (`slug_taken`, `forbidden`…), a SQLSTATE/PostgREST code, or ours. */
  code: string;
  /** The server's own words (never shown: codes are translated). */
  message: string;
  status?: number;
  hint?: string;
  detail?: string;
  /** The column (or form field) the refusal concerns, when known; see `fieldErrorFor`. */
  field?: string | null;
}

export type DbResult<T = undefined> = { ok: true; data: T } | { ok: false; failure: DbFailure };

/** What supabase-js answers for `.rpc()`, table calls and storage: an error body and the HTTP status. */
export interface DbResponse {
  error: { message: string; code?: string | null; hint?: string | null; details?: string | null } | null;
  status: number;
}

/**
 * Turns a supabase-js response into a verdict. Our RPCs raise P0001/42501 with a stable
 * snake_case code as the message (see supabase/migrations), which becomes the failure's `code`;
 * otherwise the SQLSTATE or PostgREST code, or `http_<status>`. Whether it is worth retrying is
 * the outbox's classification (outbox/classify.ts).
 */
export function resultFromResponse({ error, status }: DbResponse): { ok: true } | { ok: false; failure: DbFailure } {
  if (!error) return { ok: true };
  const sqlState = error.code ?? '';
  // supabase-js answers status 0 when fetch itself failed: no server ever saw the request.
  const unreached = status === 0;
  const failure: DbFailure = {
    transient: unreached || isTransientFailure(status, sqlState),
    code: unreached ? 'network' : (databaseCode(error.message, sqlState) ?? (sqlState || `http_${status}`)),
    message: error.message,
    status,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.details ? { detail: error.details } : {}),
  };
  return { ok: false, failure };
}

/** A request that threw rather than answered: a failed fetch is transient, anything else a bug. */
export function failureFromThrown(error: unknown): DbFailure {
  const message = error instanceof Error ? error.message : String(error);
  const isNetwork = error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
  return { transient: isNetwork, code: isNetwork ? 'network' : 'client_error', message };
}

function databaseCode(message: string, sqlState: string): string | null {
  if (sqlState !== 'P0001' && sqlState !== '42501') return null;
  return /^[a-z][a-z0-9_]*$/.test(message) ? message : null;
}

type Response = DbResponse & { data?: unknown };
/** What a request answers on success; a void RPC or a write without `.select()` answers nothing. */
type Data<R extends Response> = Exclude<R['data'], null | undefined>;

export interface RunOptions {
  /**
   * The table an insert/update/delete writes: its constraint names then say which column a
   * refusal concerns (`field`), and the admin's row codes apply (see `writeFailure`).
   */
  write?: TableName;
  /** Which form field a code raised by an RPC concerns (e.g. `slug_taken` → slug). */
  fieldOf?: (code: string) => string | null;
}

/** Runs one supabase-js request; refusals and throws both come back as a failure, never thrown. */
export async function runDb<R extends Response>(
  request: PromiseLike<R>,
  options: RunOptions = {},
): Promise<DbResult<Data<R>>> {
  let failure: DbFailure;
  try {
    const response = await request;
    const result = resultFromResponse(response);
    if (result.ok) return { ok: true, data: response.data as Data<R> };
    failure = result.failure;
  } catch (thrown) {
    failure = failureFromThrown(thrown);
  }
  if (options.write) failure = writeFailure(options.write, failure);
  const field = options.fieldOf?.(failure.code);
  return { ok: false, failure: field ? { ...failure, field } : failure };
}

/**
 * Reads throw, so solid-query keeps the cached data and retries; the message carries the code.
 * Use it inside `queryFn`s.
 */
export async function read<R extends Response>(request: PromiseLike<R>): Promise<Data<R>> {
  const result = await runDb(request);
  if (!result.ok) throw new Error(result.failure.code);
  return result.data;
}

/** Several writes at once (one request per row); the first failure, or success. */
export async function allOk(results: Promise<DbResult<unknown>>[]): Promise<DbResult> {
  const settled = await Promise.all(results);
  const failed = settled.find((result) => !result.ok);
  return failed && !failed.ok ? failed : { ok: true, data: undefined };
}

/**
 * The column a constraint guards, from Postgres' default names: `menu_items_price_check` → price,
 * `dining_tables_restaurant_id_label_key` → label, `modifier_groups_check` (max ≥ min) → max_select.
 */
export function fieldOfConstraint(table: string, constraint: string): string | null {
  if (!constraint.startsWith(`${table}_`)) return null;
  const rest = constraint.slice(table.length + 1);
  if (rest === 'check') return 'max_select';
  const column = rest.replace(/_(check|key|fkey)$/, '').replace(/^restaurant_id_/, '');
  return column === '' ? null : column;
}

/** Menu tables, whose rows "no longer exist" when an edit finds nothing. */
const menuTables = new Set<string>(['menu_categories', 'menu_items', 'modifier_groups', 'modifier_options']);

/**
 * A refused table write in the admin's terms: a unique violation is `duplicate` (on the guarded
 * column, the name by default), a constraint names its column, RLS refusing a row is `forbidden`,
 * an edit of a menu row that is gone is `row_not_found`, and anything transient is `network`.
 */
export function writeFailure(table: TableName, failure: DbFailure): DbFailure {
  const constraint = /constraint "([^"]+)"/.exec(failure.message)?.[1] ?? null;
  const field = constraint ? fieldOfConstraint(table, constraint) : null;
  if (failure.code === '23505') return { ...failure, code: 'duplicate', field: field ?? 'name' };
  if (failure.code === '23514' || failure.code === '23503' || failure.code === '22001') return { ...failure, field };
  if (failure.code === '42501') return { ...failure, code: 'forbidden', field: null };
  if (failure.code === 'PGRST116' && menuTables.has(table)) return { ...failure, code: 'row_not_found', field: null };
  if (failure.transient) return { ...failure, code: 'network', field: null };
  return { ...failure, field: null };
}
