import { type Actor, actAs, db } from './support.ts';

/**
 * Whether `actor` may receive a private Realtime topic: a probe message is stored, then read back
 * as the actor with the topic set, as the Realtime server's join check does (RLS on
 * realtime.messages). Rolled back either way.
 */
export async function canReceive(actor: Actor, topic: string): Promise<boolean> {
  const c = await db().connect();
  try {
    await c.query('begin');
    await c.query(
      `insert into realtime.messages (topic, extension, private, event, payload) values ($1, 'broadcast', true, 'probe', '{}')`,
      [topic],
    );
    await actAs(c, actor);
    await c.query(`select set_config('realtime.topic', $1, true)`, [topic]);
    const res = await c.query('select count(*)::int as n from realtime.messages where topic = $1', [topic]);
    return res.rows[0].n > 0;
  } catch (e) {
    if ((e as { code?: string }).code === '42501') return false;
    throw e;
  } finally {
    await c.query('rollback');
    c.release();
  }
}
