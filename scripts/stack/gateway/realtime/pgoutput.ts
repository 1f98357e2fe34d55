/**
 * A small decoder for PostgreSQL's `pgoutput` logical decoding messages (protocol version 1) and the
 * streaming replication envelope around them. Only what Realtime needs: relations, begin/commit and
 * row changes; everything else is skipped. Values stay in Postgres's text format.
 */

export interface RelationColumn {
  name: string;
  typeOid: number;
  /** Part of the replica identity (usually the primary key). */
  isKey: boolean;
}

export interface Relation {
  oid: number;
  schema: string;
  table: string;
  /** d = default (primary key), f = full, i = index, n = nothing. */
  replicaIdentity: string;
  columns: RelationColumn[];
}

/** Column name → text value (null for SQL NULL); unchanged TOASTed values are absent. */
export type Tuple = Record<string, string | null>;

export type PgOutputMessage =
  | { tag: 'begin'; finalLsn: bigint; commitTime: Date; xid: number }
  | { tag: 'commit'; commitLsn: bigint; endLsn: bigint; commitTime: Date }
  | { tag: 'relation'; relation: Relation }
  | { tag: 'insert'; relationOid: number; newTuple: Tuple }
  | { tag: 'update'; relationOid: number; oldTuple: Tuple | null; oldIsKeyOnly: boolean; newTuple: Tuple }
  | { tag: 'delete'; relationOid: number; oldTuple: Tuple; oldIsKeyOnly: boolean }
  | { tag: 'other'; code: string };

export type ReplicationFrame =
  | { kind: 'xlog'; start: bigint; end: bigint; data: Buffer }
  | { kind: 'keepalive'; end: bigint; replyRequested: boolean };

/** Microseconds between the Unix epoch and Postgres's epoch (2000-01-01). */
const PG_EPOCH_MICROS = 946_684_800_000_000n;

function pgTime(micros: bigint): Date {
  return new Date(Number((micros + PG_EPOCH_MICROS) / 1000n));
}

/** Envelope of one CopyData chunk from the walsender ('w' XLogData or 'k' keepalive). */
export function decodeReplicationFrame(chunk: Buffer): ReplicationFrame | null {
  const tag = chunk[0];
  if (tag === 0x77 && chunk.length >= 25) {
    return { kind: 'xlog', start: chunk.readBigUInt64BE(1), end: chunk.readBigUInt64BE(9), data: chunk.subarray(25) };
  }
  if (tag === 0x6b && chunk.length >= 18) {
    return { kind: 'keepalive', end: chunk.readBigUInt64BE(1), replyRequested: chunk[17] === 1 };
  }
  return null;
}

/** Standby status update: tells the server everything up to `lsn` is safely handled. */
export function encodeStandbyStatus(lsn: bigint, replyRequested = false): Buffer {
  const buf = Buffer.alloc(34);
  buf.write('r', 0, 'ascii');
  buf.writeBigUInt64BE(lsn, 1);
  buf.writeBigUInt64BE(lsn, 9);
  buf.writeBigUInt64BE(lsn, 17);
  const nowMicros = BigInt(Date.now()) * 1000n - PG_EPOCH_MICROS;
  buf.writeBigInt64BE(nowMicros, 25);
  buf.writeUInt8(replyRequested ? 1 : 0, 33);
  return buf;
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export function parseLsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

class Reader {
  private offset = 0;
  constructor(private readonly buf: Buffer) {}
  byte(): number {
    return this.buf.readUInt8(this.offset++);
  }
  int16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  uint32(): number {
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  uint64(): bigint {
    const v = this.buf.readBigUInt64BE(this.offset);
    this.offset += 8;
    return v;
  }
  int64(): bigint {
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }
  cstring(): string {
    const end = this.buf.indexOf(0, this.offset);
    if (end < 0) throw new RangeError('unterminated string in pgoutput message');
    const s = this.buf.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return s;
  }
  bytes(n: number): Buffer {
    if (this.offset + n > this.buf.length) throw new RangeError('truncated pgoutput message');
    const b = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return b;
  }
}

/** Decodes one pgoutput message; `relations` supplies column names for tuples. */
export function decodePgOutput(data: Buffer, relations: ReadonlyMap<number, Relation>): PgOutputMessage {
  const r = new Reader(data);
  const code = String.fromCharCode(r.byte());
  switch (code) {
    case 'B': {
      const finalLsn = r.uint64();
      const commitTime = pgTime(r.int64());
      return { tag: 'begin', finalLsn, commitTime, xid: r.uint32() };
    }
    case 'C': {
      r.byte(); // flags, unused
      const commitLsn = r.uint64();
      const endLsn = r.uint64();
      return { tag: 'commit', commitLsn, endLsn, commitTime: pgTime(r.int64()) };
    }
    case 'R': {
      const oid = r.uint32();
      const schema = r.cstring();
      const table = r.cstring();
      const replicaIdentity = String.fromCharCode(r.byte());
      const count = r.int16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < count; i++) {
        const flags = r.byte();
        const name = r.cstring();
        const typeOid = r.uint32();
        r.int32(); // type modifier
        columns.push({ name, typeOid, isKey: (flags & 1) === 1 });
      }
      return { tag: 'relation', relation: { oid, schema, table, replicaIdentity, columns } };
    }
    case 'I': {
      const relationOid = r.uint32();
      r.byte(); // 'N'
      return { tag: 'insert', relationOid, newTuple: readTuple(r, relations.get(relationOid)) };
    }
    case 'U': {
      const relationOid = r.uint32();
      const rel = relations.get(relationOid);
      let marker = String.fromCharCode(r.byte());
      let oldTuple: Tuple | null = null;
      const oldIsKeyOnly = marker === 'K';
      if (marker === 'K' || marker === 'O') {
        oldTuple = readTuple(r, rel);
        marker = String.fromCharCode(r.byte());
      }
      return { tag: 'update', relationOid, oldTuple, oldIsKeyOnly, newTuple: readTuple(r, rel) };
    }
    case 'D': {
      const relationOid = r.uint32();
      const marker = String.fromCharCode(r.byte());
      const oldTuple = readTuple(r, relations.get(relationOid));
      return { tag: 'delete', relationOid, oldTuple, oldIsKeyOnly: marker === 'K' };
    }
    default:
      return { tag: 'other', code };
  }
}

function readTuple(r: Reader, relation: Relation | undefined): Tuple {
  if (!relation) throw new Error('pgoutput: row change for a relation that was never described');
  const count = r.int16();
  const tuple: Tuple = {};
  for (let i = 0; i < count; i++) {
    const name = relation.columns[i]?.name ?? `column_${i + 1}`;
    const kind = String.fromCharCode(r.byte());
    if (kind === 'n') tuple[name] = null;
    else if (kind === 't' || kind === 'b') tuple[name] = r.bytes(r.int32()).toString('utf8');
    // 'u': unchanged TOAST value, not sent: leave the column out.
  }
  return tuple;
}
