import type pg from 'pg';
import { type Actor, actAs, db } from './support.ts';

/**
 * Runs `check` in a transaction that is always rolled back; a permission refusal (42501) answers
 * false, anything else it throws is a real failure.
 */
async function probeTopic(check: (c: pg.PoolClient) => Promise<boolean>): Promise<boolean> {
  const c = await db().connect();
  try {
    await c.query('begin');
    return await check(c);
  } catch (e) {
    if ((e as { code?: string }).code === '42501') return false;
    throw e;
  } finally {
    await c.query('rollback');
    c.release();
  }
}

/**
 * Whether `actor` may receive a private Realtime topic: a probe message is stored, then read back
 * as the actor with the topic set, as the Realtime server's join check does (RLS on
 * realtime.messages).
 */
export function canReceive(actor: Actor, topic: string): Promise<boolean> {
  return probeTopic(async (c) => {
    await c.query(
      `insert into realtime.messages (topic, extension, private, event, payload) values ($1, 'broadcast', true, 'probe', '{}')`,
      [topic],
    );
    await actAs(c, actor);
    await c.query(`select set_config('realtime.topic', $1, true)`, [topic]);
    const res = await c.query('select count(*)::int as n from realtime.messages where topic = $1', [topic]);
    return res.rows[0].n > 0;
  });
}

/** Whether `actor` may track presence on a private topic (an insert as the actor, RLS-checked). */
export function canSendPresence(actor: Actor, topic: string): Promise<boolean> {
  return probeTopic(async (c) => {
    await actAs(c, actor);
    await c.query(`select set_config('realtime.topic', $1, true)`, [topic]);
    await c.query(`insert into realtime.messages (topic, extension, private) values ($1, 'presence', true)`, [topic]);
    return true;
  });
}

/** For each named actor, whether they may receive `topic`. */
export async function receiversOf(topic: string, actors: Record<string, Actor>): Promise<Record<string, boolean>> {
  const got: Record<string, boolean> = {};
  for (const [name, actor] of Object.entries(actors)) got[name] = await canReceive(actor, topic);
  return got;
}
