import type pg from 'pg';

/** What one request's transaction-local settings are (PostgREST's PreQuery). */
export interface TxSetup {
  readOnly: boolean;
  role: string;
  claimsJson: string;
  method: string;
  path: string;
  headersJson: string;
  cookiesJson: string;
  searchPath: string;
  roleSettings: Array<[string, string]>;
  timezone?: string;
}

/** A SQL string literal; standard_conforming_strings is on, so only quotes need doubling. */
export function literal(v: string): string {
  return `'${v.replaceAll('\0', '').replaceAll("'", "''")}'`;
}

/**
 * BEGIN and every set_config in one simple-protocol round trip. Values are request data, so they
 * are escaped literals here (the simple protocol has no parameters); the main statement that
 * follows binds its values as parameters.
 */
export function setupSql(s: TxSetup): string {
  const settings: Array<[string, string]> = [
    ['role', s.role],
    ['search_path', s.searchPath],
    ...s.roleSettings,
    ['request.jwt.claims', s.claimsJson],
    ['request.method', s.method],
    ['request.path', s.path],
    ['request.headers', s.headersJson],
    ['request.cookies', s.cookiesJson],
  ];
  if (s.timezone) settings.push(['timezone', s.timezone]);
  const calls = settings.map(([k, v]) => `set_config(${literal(k)}, ${literal(v)}, true)`).join(', ');
  return `BEGIN ISOLATION LEVEL READ COMMITTED${s.readOnly ? ' READ ONLY' : ''}; SELECT ${calls}`;
}

export interface MainStatement {
  text: string;
  values: string[];
}

export interface MainResult {
  total: string | null;
  n: number;
  body: string;
  inserted?: number | null;
}

const statementNames = new Map<string, string>();
const MAX_NAMED = 2000;

/**
 * Named (prepared) statements skip Postgres's parse/plan on repeated query shapes. Values never
 * change the SQL text (lists are bound as arrays), so shapes repeat; the map is bounded so odd
 * requests cannot make every connection hoard statements.
 */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED && text.length < 16_000) {
    name = `pgrst_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

// Read-only transactions whose COMMIT has not been sent yet, per connection. Under load the next
// borrower takes the connection at once and sends `COMMIT; BEGIN …` in its setup round trip, saving
// a round trip per read; otherwise a deferred task commits as soon as the event loop is free, so
// no connection sits idle in a transaction (holding locks that would block DDL).
const pendingCommit = new WeakSet<pg.PoolClient>();

function deferCommit(client: pg.PoolClient): void {
  pendingCommit.add(client);
  setImmediate(() => {
    if (!pendingCommit.delete(client)) return;
    client.query('COMMIT').catch(() => {});
  });
}

/**
 * One request = one transaction on one pooled connection: setup, main statement, then COMMIT or
 * ROLLBACK as `decide` says (singular mismatch, tx=rollback). Any error rolls back.
 */
export async function runRequest(
  pool: pg.Pool,
  setup: TxSetup,
  main: MainStatement,
  decide: (r: MainResult) => 'commit' | 'rollback',
): Promise<MainResult> {
  const client = await pool.connect();
  let release: boolean | Error = false;
  try {
    const finishPrevious = pendingCommit.delete(client) ? 'COMMIT; ' : '';
    await client.query(finishPrevious + setupSql(setup));
    const name = statementName(main.text);
    const res = await client.query(name ? { name, text: main.text, values: main.values } : main);
    const row = res.rows[0] as MainResult;
    const end = decide(row);
    // A read-only transaction has nothing to lose at commit: answer now, commit later.
    if (setup.readOnly) deferCommit(client);
    else await client.query(end === 'commit' ? 'COMMIT' : 'ROLLBACK');
    return row;
  } catch (e) {
    pendingCommit.delete(client);
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      release = rollbackError as Error;
    }
    throw e;
  } finally {
    client.release(release === false ? undefined : release);
  }
}
