import type pg from 'pg';
import { type FilterClause, parseFilter, rowMatches } from './filters.ts';
import type { Relation, Tuple } from './pgoutput.ts';
import type { RowChange } from './replication.ts';
import type { ChannelSubscription, PgBinding } from './subscription.ts';

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

/** Realtime answers each join entry with an integer id; a stable hash lets equal entries share one. */
function bindingId(entry: Record<string, unknown>): number {
  const text = [entry.event, entry.schema, entry.table ?? '', entry.filter ?? ''].join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 ** 27;
}

/**
 * Validates the join's `postgres_changes` entries. `reply` echoes them in order with ids (the client
 * unsubscribes on any mismatch); `error` is the reason for the system push when one is unusable.
 */
export function parseBindings(raw: unknown): {
  bindings: PgBinding[];
  reply: Record<string, unknown>[];
  error: string | null;
} {
  const bindings: PgBinding[] = [];
  const reply: Record<string, unknown>[] = [];
  if (raw === undefined || raw === null) return { bindings, reply, error: null };
  if (!Array.isArray(raw)) return { bindings, reply, error: 'postgres_changes must be a list' };
  let error: string | null = null;
  for (const item of raw) {
    const entry = (item ?? {}) as Record<string, unknown>;
    const id = bindingId(entry);
    reply.push({ ...entry, id });
    const { event, schema, table, filter } = entry;
    if (typeof event !== 'string' || !EVENTS.has(event.toUpperCase()) || typeof schema !== 'string') {
      error ??= `Unable to subscribe to changes with given parameters: ${JSON.stringify(entry)}`;
      continue;
    }
    if (
      (table !== undefined && table !== null && typeof table !== 'string') ||
      (filter && typeof filter !== 'string')
    ) {
      error ??= `Unable to subscribe to changes with given parameters: ${JSON.stringify(entry)}`;
      continue;
    }
    let clauses: FilterClause[] = [];
    try {
      if (typeof filter === 'string' && filter !== '') clauses = parseFilter(filter);
    } catch (e) {
      error ??= `Unable to subscribe to changes with given parameters: ${(e as Error).message}`;
      continue;
    }
    bindings.push({ id, event: event.toUpperCase(), schema, table: (table as string | null) ?? null, clauses });
  }
  return { bindings, reply, error };
}

interface KeyColumn {
  name: string;
  sqlType: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Delivers row changes of tables in publication `supabase_realtime` to matching bindings, each only
 * if the subscriber's role and claims may SELECT the row under RLS (checked as that user in a
 * rolled-back transaction, once per distinct role+claims).
 */
export class PostgresChanges {
  private readonly subs = new Set<ChannelSubscription>();
  private readonly typeNames = new Map<number, string>();
  private readonly keyColumns = new Map<number, KeyColumn[]>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  register(sub: ChannelSubscription): void {
    if (sub.pgBindings.length > 0) this.subs.add(sub);
  }

  unregister(sub: ChannelSubscription): void {
    this.subs.delete(sub);
  }

  /** Called when relations may have been redefined (new replication session). */
  forgetRelations(): void {
    this.keyColumns.clear();
  }

  async dispatch(change: RowChange, commitTime: Date): Promise<void> {
    if (this.subs.size === 0) return;
    const rel = change.relation;
    await this.loadTypeNames(rel);
    const typeOf = (col: string) => this.typeNames.get(rel.columns.find((c) => c.name === col)?.typeOid ?? 0) ?? 'text';
    const filterRow = (change.type === 'DELETE' ? change.oldRecord : change.record) ?? {};
    const matches = new Map<ChannelSubscription, number[]>();
    for (const sub of this.subs) {
      if (sub.closed) continue;
      const ids: number[] = [];
      for (const b of sub.pgBindings) {
        if (b.schema !== '*' && b.schema !== rel.schema) continue;
        if (b.table !== null && b.table !== '*' && b.table !== rel.table) continue;
        if (b.event !== '*' && b.event !== change.type) continue;
        if (b.clauses.length > 0 && !rowMatches(b.clauses, filterRow, typeOf)) continue;
        if (!ids.includes(b.id)) ids.push(b.id);
      }
      if (ids.length > 0) matches.set(sub, ids);
    }
    if (matches.size === 0) return;

    const visibility = new Map<string, Promise<boolean>>();
    const columns = rel.columns.map((c) => ({ name: c.name, type: this.typeNames.get(c.typeOid) ?? 'text' }));
    const data: Record<string, unknown> = {
      schema: rel.schema,
      table: rel.table,
      commit_timestamp: commitTime.toISOString(),
      type: change.type,
      columns,
      errors: null,
    };
    if (change.record) data.record = change.record;
    if (change.type !== 'INSERT') data.old_record = change.oldRecord ?? this.keyPart(rel, change.record ?? {});
    for (const [sub, ids] of matches) {
      const role = String(sub.claims.role);
      // DELETEs are not RLS-checked (the row is gone); service_role bypasses RLS anyway.
      if (change.type !== 'DELETE' && role !== 'service_role') {
        const key = `${role}\u0000${JSON.stringify(sub.claims)}`;
        let check = visibility.get(key);
        if (!check) {
          check = this.visibleTo(rel, change.record ?? {}, sub);
          visibility.set(key, check);
        }
        if (!(await check)) continue;
      }
      if (sub.closed) continue;
      sub.socket.push({
        joinRef: null,
        ref: null,
        topic: sub.topic,
        event: 'postgres_changes',
        payload: { ids, data },
      });
    }
  }

  private keyPart(rel: Relation, row: Tuple): Tuple {
    const out: Tuple = {};
    for (const c of rel.columns) if (c.isKey && c.name in row) out[c.name] = row[c.name] ?? null;
    return out;
  }

  private async loadTypeNames(rel: Relation): Promise<void> {
    const missing = rel.columns.map((c) => c.typeOid).filter((oid) => !this.typeNames.has(oid));
    if (missing.length === 0) return;
    const { rows } = await this.pool.query<{ oid: number; typname: string }>(
      'select oid::int as oid, typname from pg_type where oid = any($1::oid[])',
      [missing],
    );
    for (const r of rows) this.typeNames.set(r.oid, r.typname);
  }

  private async keyColumnsOf(rel: Relation): Promise<KeyColumn[]> {
    let cols = this.keyColumns.get(rel.oid);
    if (!cols) {
      const { rows } = await this.pool.query<KeyColumn>(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as "sqlType"
           from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = $1::oid and i.indisprimary
          order by a.attnum`,
        [rel.oid],
      );
      cols = rows;
      this.keyColumns.set(rel.oid, cols);
    }
    return cols;
  }

  private async visibleTo(rel: Relation, row: Tuple, sub: ChannelSubscription): Promise<boolean> {
    const keys = await this.keyColumnsOf(rel);
    if (keys.length === 0 || keys.some((k) => row[k.name] === undefined || row[k.name] === null)) return false;
    const where = keys.map((k, i) => `${quoteIdent(k.name)} = $${i + 1}::${k.sqlType}`).join(' and ');
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      await client.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
                set_config('request.jwt.claim.sub', $3, true), set_config('request.jwt.claim.role', $1, true)`,
        [String(sub.claims.role), JSON.stringify(sub.claims), String(sub.claims.sub ?? '')],
      );
      const { rowCount } = await client.query(
        `select 1 from ${quoteIdent(rel.schema)}.${quoteIdent(rel.table)} where ${where}`,
        keys.map((k) => row[k.name]),
      );
      return (rowCount ?? 0) > 0;
    } catch (e) {
      if ((e as { code?: string }).code !== '42501') {
        this.log(`realtime: postgres_changes RLS check on ${rel.schema}.${rel.table} failed: ${(e as Error).message}`);
      }
      broken = (e as { code?: string }).code === undefined;
      return false;
    } finally {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      client.release(broken);
    }
  }
}
