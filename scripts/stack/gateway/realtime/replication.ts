import pg from 'pg';
import {
  decodePgOutput,
  decodeReplicationFrame,
  encodeStandbyStatus,
  formatLsn,
  parseLsn,
  type Relation,
  type Tuple,
} from './pgoutput.ts';

export interface RowChange {
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  relation: Relation;
  record: Tuple | null;
  oldRecord: Tuple | null;
}

export interface CommittedTransaction {
  endLsn: bigint;
  commitTime: Date;
  changes: RowChange[];
}

export interface ReplicationOptions {
  /** Superuser (or REPLICATION role) URL. */
  url: string;
  slotName: string;
  publications: string[];
  /** Called once per committed transaction, in commit order; the next waits for it. */
  onTransaction: (tx: CommittedTransaction) => Promise<void>;
  log: (line: string) => void;
  /** Why the stream is down (null once it streams again), for the gateway's health. */
  onHealth?: (reason: string | null) => void;
}

const STATUS_INTERVAL_MS = 10_000;
// Short: while it reconnects, kitchen screens get no Broadcast from Database (nothing is lost, only late).
const MAX_BACKOFF_MS = 2_000;

/**
 * Broadcast from Database's feed (contract §2.7): a persistent logical replication slot read with
 * pgoutput, so subscribers only ever see committed rows, in commit order. The slot's position is
 * acknowledged only after a transaction has been handed to the sockets, so a lost connection or a
 * Postgres restart resumes where delivery stopped instead of losing or skipping messages.
 */
export class LogicalReplication {
  private client: pg.Client | null = null;
  private stopped = false;
  private relations = new Map<number, Relation>();
  private pending: { endLsn: bigint; commitTime: Date; changes: RowChange[] } | null = null;
  /** Transactions are processed strictly one after another; acks ride on the same chain. */
  private chain: Promise<void> = Promise.resolve();
  private deliveredLsn = 0n;
  private acknowledgedLsn = 0n;
  private statusTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private backoffMs = 100;
  private firstStart: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly opts: ReplicationOptions) {}

  /**
   * Creates the slot if needed and skips it forward to now: messages written while no gateway ran
   * had no subscribers to reach. Resolves once streaming has started.
   */
  async start(): Promise<void> {
    const admin = new pg.Client({ connectionString: this.opts.url });
    // A server lost between two statements must fail this start, not crash the process.
    admin.on('error', () => {});
    await admin.connect();
    try {
      const { rows } = await admin.query<{ active: boolean }>(
        'select active from pg_replication_slots where slot_name = $1',
        [this.opts.slotName],
      );
      if (rows[0]?.active) throw new Error(`replication slot ${this.opts.slotName} is in use by another gateway`);
      if (rows.length === 0) {
        await admin.query(`select pg_create_logical_replication_slot($1, 'pgoutput')`, [this.opts.slotName]);
      } else {
        await admin.query('select pg_replication_slot_advance($1, pg_current_wal_lsn())', [this.opts.slotName]);
      }
    } finally {
      await admin.end();
    }
    await new Promise<void>((resolve, reject) => {
      this.firstStart = { resolve, reject };
      this.connect();
    });
  }

  async stop(dropSlot: boolean): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.statusTimer) clearInterval(this.statusTimer);
    await this.chain.catch(() => {});
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
    if (dropSlot) await this.dropSlot();
  }

  private async dropSlot(): Promise<void> {
    const admin = new pg.Client({ connectionString: this.opts.url });
    admin.on('error', () => {});
    try {
      await admin.connect();
      // The walsender may need a moment to notice our disconnect and release the slot.
      for (let attempt = 0; attempt < 20; attempt++) {
        const { rows } = await admin.query<{ active: boolean }>(
          'select active from pg_replication_slots where slot_name = $1',
          [this.opts.slotName],
        );
        if (rows.length === 0) return;
        if (!rows[0]?.active) {
          await admin.query('select pg_drop_replication_slot($1)', [this.opts.slotName]);
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    } catch (e) {
      this.opts.log(`realtime: could not drop replication slot ${this.opts.slotName}: ${(e as Error).message}`);
    } finally {
      await admin.end().catch(() => {});
    }
  }

  private connect(): void {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.opts.url, replication: 'database' } as pg.ClientConfig);
    this.client = client;
    this.relations = new Map();
    this.pending = null;
    let failed = false;
    const onFailure = (e: Error) => {
      if (failed || this.stopped) return;
      failed = true;
      this.client = null;
      client.end().catch(() => {});
      if (this.firstStart) {
        this.firstStart.reject(e);
        this.firstStart = null;
        return;
      }
      this.opts.log(`realtime: replication connection lost (${e.message}); retrying in ${this.backoffMs} ms`);
      this.opts.onHealth?.(`replication connection lost (${e.message}); reconnecting`);
      this.reconnectTimer = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    };
    client.on('error', onFailure);
    client.on('end', () => onFailure(new Error('connection ended')));
    const connection = (
      client as unknown as { connection: NodeJS.EventEmitter & { sendCopyFromChunk(b: Buffer): void } }
    ).connection;
    connection.on('copyData', (msg: { chunk: Buffer }) => {
      try {
        this.onCopyData(client, msg.chunk);
      } catch (e) {
        onFailure(e as Error);
      }
    });
    connection.once('replicationStart', () => {
      this.backoffMs = 100;
      this.opts.onHealth?.(null);
      this.firstStart?.resolve();
      this.firstStart = null;
    });
    const publications = this.opts.publications.join(',').replaceAll("'", "''");
    client
      .connect()
      .then(() =>
        client.query(
          `START_REPLICATION SLOT "${this.opts.slotName}" LOGICAL 0/0 (proto_version '1', publication_names '${publications}')`,
        ),
      )
      .then(() => onFailure(new Error('replication stream ended')))
      .catch((e: Error) => onFailure(e));
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.statusTimer = setInterval(() => this.sendStatus(client, false), STATUS_INTERVAL_MS);
    this.statusTimer.unref();
  }

  private onCopyData(client: pg.Client, chunk: Buffer): void {
    const frame = decodeReplicationFrame(chunk);
    if (!frame) return;
    if (frame.kind === 'keepalive') {
      // Idle and nothing in flight: everything before `end` was either delivered or not ours.
      if (this.pending === null) this.enqueue(client, async () => this.advanceTo(frame.end));
      if (frame.replyRequested) this.enqueue(client, async () => {});
      return;
    }
    const message = decodePgOutput(frame.data, this.relations);
    switch (message.tag) {
      case 'relation':
        this.relations.set(message.relation.oid, message.relation);
        return;
      case 'begin':
        this.pending = { endLsn: 0n, commitTime: message.commitTime, changes: [] };
        return;
      case 'insert':
      case 'update':
      case 'delete': {
        const relation = this.relations.get(message.relationOid);
        if (!this.pending || !relation) return;
        this.pending.changes.push({
          type: message.tag === 'insert' ? 'INSERT' : message.tag === 'update' ? 'UPDATE' : 'DELETE',
          relation,
          record: message.tag === 'delete' ? null : message.newTuple,
          oldRecord: message.tag === 'insert' ? null : message.oldTuple,
        });
        return;
      }
      case 'commit': {
        const tx = this.pending;
        this.pending = null;
        if (!tx) return;
        tx.endLsn = message.endLsn;
        // After a reconnect the slot replays what was delivered but not yet acknowledged: skip it.
        if (tx.endLsn <= this.deliveredLsn) return;
        this.enqueue(client, async () => {
          if (tx.changes.length > 0) await this.opts.onTransaction(tx);
          this.deliveredLsn = tx.endLsn;
          this.advanceTo(tx.endLsn);
        });
        return;
      }
      default:
        return;
    }
  }

  private advanceTo(lsn: bigint): void {
    if (lsn > this.acknowledgedLsn) this.acknowledgedLsn = lsn;
    if (lsn > this.deliveredLsn) this.deliveredLsn = lsn;
  }

  private enqueue(client: pg.Client, work: () => Promise<void>): void {
    this.chain = this.chain
      .then(work)
      .catch((e: Error) => this.opts.log(`realtime: delivering a transaction failed: ${e.stack ?? e}`))
      .then(() => this.sendStatus(client, false));
  }

  private sendStatus(client: pg.Client, replyRequested: boolean): void {
    if (client !== this.client || this.acknowledgedLsn === 0n) return;
    const connection = (client as unknown as { connection: { sendCopyFromChunk(b: Buffer): void } }).connection;
    try {
      connection.sendCopyFromChunk(encodeStandbyStatus(this.acknowledgedLsn, replyRequested));
    } catch {
      // The connection is going away; the reconnect path takes over.
    }
  }
}

export { formatLsn, parseLsn };
