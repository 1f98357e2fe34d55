import pg from 'pg';

/**
 * Broadcast from Database as the app uses it: `realtime.send` commits a row into realtime.messages
 * and the gateway's replication slot turns the commit into a broadcast. The sender keeps committing
 * numbered messages through a Postgres kill; a send that fails may or may not have committed, so
 * the truth of what was committed is read back from realtime.messages afterwards.
 */
export class BroadcastSender {
  private readonly pool: pg.Pool;
  private stopped = false;
  private running: Promise<void> | null = null;
  next = 1;

  constructor(
    adminDbUrl: string,
    private readonly topic: string,
  ) {
    this.pool = new pg.Pool({ connectionString: adminDbUrl, max: 1 });
    // The kill breaks the pooled connection: the next send reconnects.
    this.pool.on('error', () => {});
    this.pool.on('connect', (c) => c.on('error', () => {}));
  }

  send(n: number): Promise<unknown> {
    return this.pool.query(`select realtime.send(jsonb_build_object('n', $1::int), 'n', $2, false)`, [n, this.topic]);
  }

  start(): void {
    this.running = (async () => {
      while (!this.stopped) {
        const n = this.next++;
        await this.send(n).catch(() => new Promise((r) => setTimeout(r, 50)));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Every message number committed on the topic, sorted. */
  async committed(): Promise<number[]> {
    const { rows } = await this.pool.query<{ n: number }>(
      `select (payload ->> 'n')::int as n from realtime.messages where topic = $1 order by 1`,
      [this.topic],
    );
    return rows.map((r) => r.n);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** Numbers received more than once, and committed numbers never received. */
export function deliveryDefects(received: number[], committed: number[]): { doubled: number[]; lost: number[] } {
  const counts = new Map<number, number>();
  for (const n of received) counts.set(n, (counts.get(n) ?? 0) + 1);
  return {
    doubled: [...counts].filter(([, c]) => c > 1).map(([n]) => n),
    lost: committed.filter((n) => !counts.has(n)),
  };
}
