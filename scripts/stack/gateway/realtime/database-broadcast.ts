import { fanOut } from './broadcast.ts';
import type { RealtimeContext } from './context.ts';
import type { CommittedTransaction } from './replication.ts';

/** Rows of `realtime.messages` (partitions publish as the parent thanks to publish_via_partition_root). */
function isMessagesTable(schema: string, table: string): boolean {
  return schema === 'realtime' && table === 'messages';
}

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** bytea arrives in Postgres's hex text form `\x…`. */
function parseBytea(text: string | null | undefined): Buffer | null {
  if (!text?.startsWith('\\x')) return null;
  return Buffer.from(text.slice(2), 'hex');
}

/**
 * One committed transaction from the replication stream: `realtime.messages` inserts become
 * broadcasts on `realtime:<topic>` with `meta.id` (contract §2.7); other rows go to postgres_changes.
 * Runs inside the replication's ordered chain, so delivery follows commit order.
 */
export async function deliverTransaction(ctx: RealtimeContext, tx: CommittedTransaction): Promise<void> {
  for (const change of tx.changes) {
    const { schema, table } = change.relation;
    if (isMessagesTable(schema, table)) {
      const row = change.record;
      if (change.type !== 'INSERT' || !row || row.extension !== 'broadcast' || !row.topic || !row.event) continue;
      const topic = `realtime:${row.topic}`;
      const isPrivate = row.private === 't';
      const meta = row.id ? { id: row.id } : undefined;
      const bytes = parseBytea(row.binary_payload);
      fanOut(
        ctx.registry.subscribers(topic, isPrivate),
        topic,
        bytes
          ? { event: row.event, bytes, ...(meta ? { meta } : {}) }
          : { event: row.event, payload: parseJson(row.payload), ...(meta ? { meta } : {}) },
      );
      continue;
    }
    await ctx.postgresChanges.dispatch(change, tx.commitTime);
  }
}
