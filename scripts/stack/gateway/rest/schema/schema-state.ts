import pg from 'pg';
import { RestError } from '../errors.ts';
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts';

/**
 * Holds the current schema cache of every exposed schema and keeps it fresh: `LISTEN pgrst` and
 * reload on `reload schema` (the bootstrap's event triggers NOTIFY it after DDL), like PostgREST.
 */
export class SchemaState {
  private currentAll: Map<string, SchemaCache> | null = null;
  private loading: Promise<Map<string, SchemaCache>> | null = null;
  private listener: pg.Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listenUrl: string,
    private readonly schemas: string[],
    private readonly log: (line: string) => void,
  ) {}

  /** The default schema's cache when it is loaded (its load time drives reloadIfStale). */
  private get current(): SchemaCache | null {
    return this.currentAll?.get(this.schemas[0] as string) ?? null;
  }

  async start(): Promise<void> {
    await this.reload();
    await this.listen();
  }

  /**
   * The cache of `schema` (default: the first exposed one), waiting for a reload already under
   * way so a request never plans on stale DDL.
   */
  async get(schema?: string): Promise<SchemaCache> {
    const pick = (all: Map<string, SchemaCache>) =>
      all.get(schema ?? (this.schemas[0] as string)) ?? (all.get(this.schemas[0] as string) as SchemaCache);
    if (this.loading) {
      const previous = this.currentAll;
      return pick(await (previous ? this.loading.catch(() => previous) : this.loading));
    }
    if (this.currentAll) return pick(this.currentAll);
    return pick(await this.reload());
  }

  reload(): Promise<Map<string, SchemaCache>> {
    if (this.loading) return this.loading;
    this.loading = Promise.all(this.schemas.map((s) => loadSchemaCache(this.pool, s)))
      .then((caches) => {
        const all = new Map(caches.map((c) => [c.schema, c]));
        this.currentAll = all;
        return all;
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
