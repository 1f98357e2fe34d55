import pg from 'pg';
import { guardPool } from '../db-errors.ts';
import type { Caller } from './caller.ts';

export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

// int8 columns (file_size_limit, sizes) are far below 2^53 here; hosted returns them as JSON numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Storage's metadata access, made the way hosted Storage makes it: connect as `authenticator`, and in
 * each transaction become the caller's role with the JWT claims set, so RLS policies on
 * storage.buckets / storage.objects decide. service_role has BYPASSRLS, which is how the
 * "superuser" lookups (bucket limits, public downloads) are made.
 */
export class StorageDb {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, log: (line: string) => void) {
    this.pool = new pg.Pool({ connectionString, max: 10, types });
    guardPool(this.pool, log, 'storage');
  }

  async withCaller<T>(caller: Caller, fn: (q: Query) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `select set_config('role', $1, true),
                set_config('request.jwt.claim.role', $1, true),
                set_config('request.jwt.claim.sub', $2, true),
                set_config('request.jwt.claims', $3, true),
                set_config('request.headers', $4, true),
                set_config('request.method', $5, true),
                set_config('request.path', $6, true),
                set_config('storage.allow_delete_query', 'true', true)`,
        [
          caller.role,
          caller.sub ?? '',
          JSON.stringify(caller.claims),
          JSON.stringify(caller.headers),
          caller.method,
          caller.path,
        ],
      );
      const result = await fn(((text: string, values?: unknown[]) => client.query(text, values)) as Query);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** Runs `fn` as the caller and always rolls back: hosted's "can this caller insert here?" probe. */
  async probe(caller: Caller, fn: (q: Query) => Promise<unknown>): Promise<void> {
    const rollback = new Error('probe rollback');
    try {
      await this.withCaller(caller, async (q) => {
        await fn(q);
        throw rollback;
      });
    } catch (e) {
      if (e !== rollback) throw e;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Serialises writers of one object inside this process (the gateway is the only writer of the
 * bytes), so an upsert's clean-up of older versions never races another upload of the same key.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: Array<() => void> = [];
    for (const key of sorted) {
      const previous = this.tails.get(key) ?? Promise.resolve();
      let release: () => void = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      this.tails.set(key, tail);
      await previous;
      releases.push(() => {
        release();
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    }
    try {
      return await fn();
    } finally {
      for (const r of releases.reverse()) r();
    }
  }
}
