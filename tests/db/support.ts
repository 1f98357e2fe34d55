import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect, inject } from 'vitest';

/**
 * Database tests act as each Supabase role the way PostgREST does: one transaction, `role` and
 * `request.jwt.claims` set locally, then the statement. They connect as `postgres` (the owner of
 * the app's objects, a member of the API roles) to the stack's real database.
 */
export const stack = inject('stack');

let shared: pg.Pool | undefined;

/** The file's connection pool as `postgres`; closed after the file's tests. */
export function db(): pg.Pool {
  if (!shared) {
    const pool = new pg.Pool({ connectionString: stack.dbUrl, max: 8 });
    shared = pool;
    afterAll(async () => {
      await pool.end();
      shared = undefined;
    });
  }
  return shared;
}

export type Actor =
  | { kind: 'anon' }
  | { kind: 'service' }
  | { kind: 'owner_db' }
  | { kind: 'user'; id: string; anonymous?: boolean };

export const anon: Actor = { kind: 'anon' };
export const service: Actor = { kind: 'service' };
export const user = (id: string, anonymous = false): Actor => ({ kind: 'user', id, anonymous });

function claimsFor(actor: Actor): { role: string; claims: Record<string, unknown> | null } {
  switch (actor.kind) {
    case 'anon':
      return { role: 'anon', claims: { role: 'anon' } };
    case 'service':
      return { role: 'service_role', claims: { role: 'service_role' } };
    case 'owner_db':
      return { role: 'postgres', claims: null };
    case 'user':
      return {
        role: 'authenticated',
        claims: {
          sub: actor.id,
          role: 'authenticated',
          aud: 'authenticated',
          is_anonymous: actor.anonymous ?? false,
          exp: Math.floor(Date.now() / 1000) + 3600,
        },
      };
  }
}

/** Switches the current transaction of `client` to the actor, as PostgREST does per request. */
export async function actAs(client: pg.ClientBase, actor: Actor): Promise<void> {
  const { role, claims } = claimsFor(actor);
  await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [
    claims ? JSON.stringify(claims) : '',
    role,
  ]);
}

/**
 * Runs `fn` in one transaction as `actor`; commits unless `rollback` (then nothing is kept, which
 * lets a test probe a write without changing the shared fixture).
 */
export async function tx<T>(
  actor: Actor,
  fn: (c: pg.PoolClient) => Promise<T>,
  opts: { rollback?: boolean; pool?: pg.Pool } = {},
): Promise<T> {
  const client = await (opts.pool ?? db()).connect();
  try {
    await client.query('begin');
    await actAs(client, actor);
    const out = await fn(client);
    await client.query(opts.rollback ? 'rollback' : 'commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Calls public.<fn>(named args) as `actor` and returns the single result column. */
export async function rpc<T = unknown>(
  actor: Actor,
  fn: string,
  args: Record<string, unknown>,
  opts: { rollback?: boolean } = {},
): Promise<T> {
  const names = Object.keys(args);
  // `from fn()` expands a composite result into columns; a scalar comes back as one column named fn.
  const sql = `select * from public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`;
  const values = names.map((n) => {
    const v = args[n];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
  });
  return tx(
    actor,
    async (c) => {
      const res = await c.query(sql, values);
      const row = res.rows[0];
      return (res.fields.length === 1 && res.fields[0]?.name === fn ? row?.[fn] : row) as T;
    },
    opts,
  );
}

/** Calls a set-returning public.<fn> and returns its rows. */
export async function rpcRows<T = Record<string, unknown>>(
  actor: Actor,
  fn: string,
  args: Record<string, unknown>,
): Promise<T[]> {
  const names = Object.keys(args);
  const sql = `select * from public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`;
  return tx(
    actor,
    async (c) =>
      (
        await c.query(
          sql,
          names.map((n) => args[n]),
        )
      ).rows as T[],
  );
}

export interface DbError {
  code: string;
  message: string;
  hint?: string;
  detail?: string;
}

/** Awaits a call expected to fail and returns the Postgres error (SQLSTATE, message code, hint). */
export async function failure(p: Promise<unknown>): Promise<DbError> {
  try {
    await p;
  } catch (e) {
    const err = e as DbError;
    return { code: err.code, message: err.message, hint: err.hint, detail: err.detail };
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Asserts the stable error contract: SQLSTATE and machine-readable message code. */
export async function expectCode(p: Promise<unknown>, message: string, sqlstate = 'P0001'): Promise<DbError> {
  const err = await failure(p);
  expect({ code: err.code, message: err.message }).toEqual({ code: sqlstate, message });
  return err;
}

/** Runs SQL as `postgres` (setup and inspection; bypasses RLS like a migration would). */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  return (await db().query<T>(text, values)).rows;
}

export const uuid = (): string => randomUUID();

/**
 * One RLS-matrix cell, in a transaction rolled back. Allowed: no error and (for reads, updates and
 * deletes) at least one row. Refused: a privilege/RLS error or no row.
 */
export async function probe(
  actor: Actor,
  text: string,
  values: unknown[],
  op: 'select' | 'insert' | 'update' | 'delete',
): Promise<boolean> {
  const client = await db().connect();
  try {
    await client.query('begin');
    await actAs(client, actor);
    const res = await client.query(text, values);
    if (op === 'insert') return true;
    return op === 'select' ? (res.rows[0]?.n ?? 0) > 0 : (res.rowCount ?? 0) > 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    // Only refusals count: permission denied / RLS (42501) or a rule of ours (P0001). Anything else is a bug in the probe.
    if (code !== '42501' && code !== 'P0001') throw e;
    return false;
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}
