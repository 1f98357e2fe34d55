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
  /** An EXPLAIN: its rows are the plan's lines (text) or one JSON document, returned as the body. */
  plan?: boolean;
  /** `EXPLAIN (FORMAT JSON)` run after the main statement, same parameters: its row estimate. */
  explainCount?: string;
}

export interface MainResult {
  total: string | null;
  n: number;
  body: string;
  inserted?: number | null;
  /** The planner's row estimate of the count query (count=planned/estimated). */
  planned?: number | null;
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

/** `[{"Plan": {"Plan Rows": n}}]` → n. */
function planRows(plan: unknown): number | null {
  const rows = (plan as Array<{ Plan?: { 'Plan Rows'?: unknown } }> | undefined)?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' ? rows : null;
}

const RAW_TYPES = { getTypeParser: () => (v: string) => v };

/** PostgREST joins the EXPLAIN rows as lines, each ending in a newline. */
function planResult(rows: string[][]): MainResult {
  return { total: null, n: rows.length, body: rows.map((r) => `${r[0] ?? ''}\n`).join('') };
}

/**
 * COMMIT, or — like PostgREST's optionalRollback — deferred constraints checked first, then
 * ROLLBACK, so a rolled-back request still reports the violation it would have committed.
 */
function endTransaction(client: pg.PoolClient, how: 'commit' | 'rollback'): Promise<unknown> {
  if (how === 'commit') return client.query('COMMIT');
  const check = client.query('SET CONSTRAINTS ALL IMMEDIATE');
  const rollback = client.query('ROLLBACK');
  return Promise.all([check, rollback]);
}

/** How the transaction ends: known up front, or decided from the main statement's result. */
export type TxEnd = 'commit' | 'rollback' | ((r: MainResult) => 'commit' | 'rollback');

/** node-postgres internals used to put a request's messages into one socket write. */
type CorkableClient = { connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/**
 * One request = one transaction on one pooled connection. The pool runs node-postgres in pipeline
 * mode, so setup, main statement and (when the outcome is known up front) COMMIT/ROLLBACK go out
 * in one write and come back in one read: a single network round trip per request. A failed
 * step aborts the transaction and the pipelined COMMIT then rolls it back, so nothing is written.
 */
export async function runRequest(pool: pg.Pool, setup: TxSetup, main: MainStatement, end: TxEnd): Promise<MainResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const name = statementName(main.text);
    const stream = (client as unknown as CorkableClient).connection?.stream;
    stream?.cork?.();
    const pSetup = client.query(setupSql(setup));
    const pMain: Promise<pg.QueryResult> = main.plan
      ? client.query({ text: main.text, values: main.values, rowMode: 'array', types: RAW_TYPES })
      : client.query(name ? { name, text: main.text, values: main.values } : { text: main.text, values: main.values });
    const pExplain = main.explainCount ? client.query({ text: main.explainCount, rowMode: 'array' }) : null;
    // Read-only transactions that commit lose nothing at commit, so their end is known up front.
    const known = typeof end === 'string' ? end : setup.readOnly ? 'commit' : null;
    const pEnd = known ? endTransaction(client, known) : null;
    stream?.uncork?.();
    const [rs, rm, rx, re] = await Promise.allSettled([pSetup, pMain, pExplain, pEnd]);
    // The first failure is the cause; later steps only report the aborted transaction.
    const failure =
      rs.status === 'rejected'
        ? rs.reason
        : rm.status === 'rejected'
          ? rm.reason
          : rx.status === 'rejected'
            ? rx.reason
            : null;
    if (failure) {
      if (!pEnd) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw failure;
    }
    if (re.status === 'rejected') throw re.reason;
    const res = (rm as PromiseFulfilledResult<pg.QueryResult>).value;
    const row = main.plan ? planResult(res.rows as string[][]) : (res.rows[0] as MainResult);
    const explained = rx.status === 'fulfilled' ? (rx.value as pg.QueryResult | null) : null;
    if (explained) row.planned = planRows(explained.rows[0]?.[0]);
    if (!pEnd) {
      const decided = typeof end === 'function' ? end(row) : end;
      try {
        await endTransaction(client, decided);
      } catch (e) {
        await client.query('ROLLBACK').catch((err: Error) => (broken = err));
        throw e;
      }
    }
    return row;
  } catch (e) {
    // A connection that errored outside a statement (socket, protocol) must not be reused.
    if (!(e instanceof Error && 'severity' in e)) broken ??= e as Error;
    throw e;
  } finally {
    client.release(broken);
  }
}
