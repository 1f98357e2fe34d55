import pg from 'pg';
import { guardPool } from '../db-errors.ts';

const TIMESTAMPTZ_OID = 1184;

/**
 * The auth part's pool, connected as supabase_auth_admin (owner of the auth schema, as GoTrue is).
 * Sessions run in UTC and timestamptz stays text, so user JSON keeps Postgres' microseconds the way
 * GoTrue's Go time formatting does (`2024-05-01T10:00:00.123456Z`).
 */
export function createAuthPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMPTZ_OID
          ? (v: string) => v
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server (Postgres restarted, or stopped first on shutdown) must not crash the gateway.
  guardPool(pool, () => {}, 'auth');
  return pool;
}

/** A Postgres timestamptz rendered by a UTC session (`2024-05-01 10:00:00.12+00`) → RFC 3339. */
export function isoTimestamp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return value.replace(' ', 'T').replace(/\+00(:00)?$/, 'Z');
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Thrown inside `inTransaction` to commit the writes made so far and still fail the request: GoTrue
 * keeps the family revocation of a reused refresh token although it answers with an error.
 */
export class CommitThenThrow extends Error {
  readonly error: unknown;
  constructor(error: unknown) {
    super('commit then throw');
    this.error = error;
  }
}

/** Runs `work` in one transaction: every endpoint's writes commit together or not at all. */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (e) {
    if (e instanceof CommitThenThrow) {
      await client.query('commit');
      throw e.error;
    }
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
