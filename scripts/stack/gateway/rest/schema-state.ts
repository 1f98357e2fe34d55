import pg from 'pg';
import { RestError } from './errors.ts';
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts';

/**
 * Holds the current schema cache and keeps it fresh: `LISTEN pgrst` and reload on
 * `reload schema` (the bootstrap's event triggers NOTIFY it after DDL), like PostgREST.
 */
export class SchemaState {
  private current: SchemaCache | null = null;
  private loading: Promise<SchemaCache> | null = null;
  private listener: pg.Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listenUrl: string,
    private readonly schema: string,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.reload();
    await this.listen();
  }

  /** The cache, waiting for a reload already under way so a request never plans on stale DDL. */
  async get(): Promise<SchemaCache> {
    if (this.loading) {
      const previous = this.current;
      return previous ? this.loading.catch(() => previous) : this.loading;
    }
    if (this.current) return this.current;
    return this.reload();
  }

  reload(): Promise<SchemaCache> {
    if (this.loading) return this.loading;
    this.loading = loadSchemaCache(this.pool, this.schema)
      .then((c) => {
        this.current = c;
        return c;
      })
      .catch((e) => {
        this.log(`rest: schema cache load failed: ${e instanceof Error ? e.message : e}`);
        throw new RestError(503, 'PGRST002', 'Could not query the database for the schema cache. Retrying.');
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /**
   * After a schema-cache miss (unknown table/function/relationship), reload once if the cache is
   * older than a second: covers DDL whose NOTIFY has not arrived yet, without letting a stream of
   * bad requests turn into a stream of catalog queries.
   */
  async reloadIfStale(): Promise<boolean> {
    if (!this.current || Date.now() - this.current.loadedAt < 1000) return false;
    await this.reload();
    return true;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.listenUrl });
    client.on('notification', (msg) => {
      const payload = (msg.payload ?? '').trim();
      // `reload config` re-reads the role's pgrst.* settings, which live in the same cache.
      if (payload === '' || payload === 'reload schema' || payload === 'reload config') {
        this.reload().catch((e) => this.log(`rest: schema reload failed: ${e}`));
      }
    });
    client.on('error', (e) => {
      this.log(`rest: schema listener lost: ${e.message}`);
      this.scheduleRelisten();
    });
    client.on('end', () => this.scheduleRelisten());
    try {
      await client.connect();
      await client.query('LISTEN pgrst');
      this.listener = client;
    } catch (e) {
      this.log(`rest: LISTEN pgrst failed: ${e}`);
      client.end().catch(() => {});
      this.scheduleRelisten();
    }
  }

  private scheduleRelisten(): void {
    if (this.closed || this.retryTimer) return;
    this.listener = null;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Changes made while disconnected were never notified.
      this.reload().catch(() => {});
      this.listen().catch(() => {});
    }, 1000);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const l = this.listener;
    this.listener = null;
    if (l) {
      l.removeAllListeners('end');
      await l.end().catch(() => {});
    }
  }
}
