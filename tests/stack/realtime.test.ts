import { randomUUID } from 'node:crypto';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signJwt } from '../../scripts/stack/gateway/jwt.ts';
import { anonClient } from '../support/clients.ts';
import { eventually, firstChannelError, signedUpClient, subscribed } from './realtime-helpers.ts';

const stack = inject('stack');
const clients: SupabaseClient[] = [];
let db: pg.Client;

function track<T extends SupabaseClient>(c: T): T {
  clients.push(c);
  return c;
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  // A membership table decides who may use `rt-room:<id>` private channels, as an app's policies would.
  await db.query(`
    create schema if not exists rt_test;
    grant usage on schema rt_test to authenticated, anon;
    create table if not exists rt_test.members (room text not null, user_id uuid not null, primary key (room, user_id));
    grant select on rt_test.members to authenticated;
    create table if not exists rt_test.tickets (id bigint generated always as identity primary key, room text not null, note text);
    create or replace function rt_test.tickets_broadcast() returns trigger
      language plpgsql security definer set search_path = '' as $$
    begin
      perform realtime.broadcast_changes('rt-room:' || new.room, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
      return null;
    end $$;
    create or replace trigger tickets_broadcast after insert or update on rt_test.tickets
      for each row execute function rt_test.tickets_broadcast();
    create table if not exists rt_test.notes (id bigint generated always as identity primary key, owner uuid not null, body text);
    alter table rt_test.notes enable row level security;
    grant select on rt_test.notes to authenticated;
    drop policy if exists notes_owner_reads on rt_test.notes;
    create policy notes_owner_reads on rt_test.notes for select to authenticated using (owner = auth.uid());
    do $$ begin
      if not exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'rt_test' and tablename = 'notes') then
        alter publication supabase_realtime add table rt_test.notes;
      end if;
    end $$;
    drop policy if exists rt_test_members_read on realtime.messages;
    create policy rt_test_members_read on realtime.messages for select to authenticated using (
      realtime.topic() like 'rt-room:%' and exists (
        select 1 from rt_test.members m where 'rt-room:' || m.room = realtime.topic() and m.user_id = auth.uid()));
    drop policy if exists rt_test_members_write on realtime.messages;
    create policy rt_test_members_write on realtime.messages for insert to authenticated with check (
      realtime.topic() like 'rt-room:%' and exists (
        select 1 from rt_test.members m where 'rt-room:' || m.room = realtime.topic() and m.user_id = auth.uid()));
  `);
});

afterAll(async () => {
  for (const c of clients) await c.removeAllChannels();
  await db.end();
});

function room(): string {
  return randomUUID().slice(0, 8);
}

describe('broadcast between clients', () => {
  it('delivers to the other client, not back to the sender unless self, and acks when asked', async () => {
    const topic = `rt-public-${room()}`;
    const a = track(anonClient(stack));
    const b = track(anonClient(stack));
    const seenByB: unknown[] = [];
    const seenByA: unknown[] = [];
    const chB = b.channel(topic).on('broadcast', { event: 'ping' }, (m) => seenByB.push(m.payload));
    await subscribed(chB);
    const chA = a
      .channel(topic, { config: { broadcast: { self: true, ack: true } } })
      .on('broadcast', { event: '*' }, (m) => seenByA.push(m.payload));
    await subscribed(chA);

    expect(await chA.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    await eventually(() => seenByB.length === 1 && seenByA.length === 1, 'ping on both sides');
    expect(seenByB).toEqual([{ n: 1 }]);
    expect(seenByA).toEqual([{ n: 1 }]);

    // B has neither self nor ack: its own message does not come back, and send resolves at once.
    expect(await chB.send({ type: 'broadcast', event: 'ping', payload: { n: 2 } })).toBe('ok');
    await eventually(() => seenByA.length === 2, 'B → A');
    expect(seenByB).toEqual([{ n: 1 }]);
  });

  it('accepts httpSend (202) and delivers it to subscribers', async () => {
    const topic = `rt-http-${room()}`;
    const sub = track(anonClient(stack));
    const got: unknown[] = [];
    const ch = sub.channel(topic).on('broadcast', { event: 'from-http' }, (m) => got.push(m.payload));
    await subscribed(ch);
    const sender = track(anonClient(stack)).channel(topic);
    const res = await sender.httpSend('from-http', { hello: 'world' });
    expect(res).toEqual({ success: true });
    await eventually(() => got.length === 1, 'http broadcast');
    expect(got).toEqual([{ hello: 'world' }]);
  });
});

describe('presence', () => {
  it('shows a tracked client to others and drops it when its socket goes away', async () => {
    const topic = `rt-presence-${room()}`;
    const watcher = track(anonClient(stack));
    const joins: string[] = [];
    const leaves: string[] = [];
    const chW = watcher
      .channel(topic, { config: { presence: { key: 'watcher' } } })
      .on('presence', { event: 'join' }, ({ key }) => joins.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    await subscribed(chW);

    const cook = anonClient(stack);
    const chC = cook.channel(topic, { config: { presence: { key: 'cook-1' } } });
    await subscribed(chC);
    expect(await chC.track({ station: 'grill' })).toBe('ok');
    await eventually(() => joins.includes('cook-1'), 'presence join');
    expect(chW.presenceState()['cook-1']?.[0]).toMatchObject({ station: 'grill' });

    cook.realtime.disconnect();
    await eventually(() => leaves.includes('cook-1'), 'presence leave on socket death');
    expect(chW.presenceState()['cook-1']).toBeUndefined();
  });
});

describe('private channels', () => {
  it('refuses a stranger and admits a member, then delivers broadcast_changes only to members', async () => {
    const roomId = room();
    const topic = `rt-room:${roomId}`;
    const member = await signedUpClient(stack);
    const stranger = await signedUpClient(stack);
    track(member.client);
    track(stranger.client);
    await db.query('insert into rt_test.members (room, user_id) values ($1, $2)', [roomId, member.userId]);

    const strangerCh = stranger.client.channel(topic, { config: { private: true } });
    const refusal = await firstChannelError(strangerCh);
    expect(refusal.message).toContain(
      `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`,
    );
    await stranger.client.removeChannel(strangerCh);

    const got: Array<{ payload: Record<string, unknown>; event: string }> = [];
    const publicGot: unknown[] = [];
    const ch = member.client
      .channel(topic, { config: { private: true } })
      .on('broadcast', { event: 'INSERT' }, (m) => got.push(m as never));
    await subscribed(ch);
    // Same name, public namespace: Broadcast from Database with private=true must not reach it.
    const publicCh = track(anonClient(stack))
      .channel(topic)
      .on('broadcast', { event: '*' }, (m) => publicGot.push(m));
    await subscribed(publicCh);

    await db.query('insert into rt_test.tickets (room, note) values ($1, $2)', [roomId, 'two tacos']);
    await eventually(() => got.length === 1, 'broadcast_changes to the member');
    expect(got[0]?.payload).toMatchObject({
      operation: 'INSERT',
      table: 'tickets',
      schema: 'rt_test',
      record: { room: roomId, note: 'two tacos' },
      old_record: null,
    });
    expect(got[0]?.payload.id).toEqual((got[0] as unknown as { meta: { id: string } }).meta.id);

    // The member may also write on the channel (INSERT policy); a marker proves ordering for the public side.
    await db.query(`select realtime.send('{"marker":true}', 'marker', $1, false)`, [topic]);
    await eventually(() => publicGot.length === 1, 'public marker');
    expect(publicGot).toEqual([expect.objectContaining({ event: 'marker' })]);
  });
});

describe('Broadcast from Database', () => {
  it('delivers nothing from a rolled-back transaction', async () => {
    const topic = `rt-rollback-${room()}`;
    const c = track(anonClient(stack));
    const events: string[] = [];
    const ch = c.channel(topic).on('broadcast', { event: '*' }, (m) => events.push(m.event));
    await subscribed(ch);
    await db.query('begin');
    await db.query(`select realtime.send('{}', 'rolled-back', $1, false)`, [topic]);
    await db.query('rollback');
    await db.query(`select realtime.send('{}', 'committed', $1, false)`, [topic]);
    // Delivery follows commit order, so once the later commit arrived the earlier one would have too.
    await eventually(() => events.includes('committed'), 'the committed message');
    expect(events).toEqual(['committed']);
  });

  it('delivers 1,000 messages on one topic complete and in order', async () => {
    const topic = `rt-burst-${room()}`;
    const c = track(anonClient(stack));
    const seq: number[] = [];
    const ch = c.channel(topic).on('broadcast', { event: 'n' }, (m) => seq.push(m.payload.n as number));
    await subscribed(ch);
    // Half as separate commits, half as one transaction: both paths must keep the order.
    for (let n = 1; n <= 500; n++) {
      await db.query(`select realtime.send(jsonb_build_object('n', $1::int), 'n', $2, false)`, [n, topic]);
    }
    await db.query(
      `select realtime.send(jsonb_build_object('n', g), 'n', $1, false) from generate_series(501, 1000) as g`,
      [topic],
    );
    await eventually(() => seq.length >= 1000, '1,000 messages', 60_000);
    expect(seq).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });
});

describe('postgres_changes', () => {
  it('delivers a row only to subscribers whose RLS lets them select it, honouring filters', async () => {
    const alice = await signedUpClient(stack);
    const bob = await signedUpClient(stack);
    track(alice.client);
    track(bob.client);
    const aliceRows: Array<Record<string, unknown>> = [];
    const aliceFiltered: Array<Record<string, unknown>> = [];
    const bobRows: Array<Record<string, unknown>> = [];
    const chA = alice.client
      .channel(`rt-notes-a-${room()}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'rt_test', table: 'notes' }, (p) => aliceRows.push(p.new))
      .on('postgres_changes', { event: '*', schema: 'rt_test', table: 'notes', filter: 'body=eq.hello' }, (p) =>
        aliceFiltered.push(p.new),
      );
    await subscribed(chA);
    const chB = bob.client
      .channel(`rt-notes-b-${room()}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'rt_test', table: 'notes' }, (p) => bobRows.push(p.new));
    await subscribed(chB);

    await db.query('insert into rt_test.notes (owner, body) values ($1, $2)', [bob.userId, 'for bob']);
    await db.query('insert into rt_test.notes (owner, body) values ($1, $2)', [alice.userId, 'not hello']);
    await db.query('insert into rt_test.notes (owner, body) values ($1, $2)', [alice.userId, 'hello']);
    await eventually(() => aliceRows.length === 2 && aliceFiltered.length === 1, "alice's rows");
    await eventually(() => bobRows.length === 1, "bob's row");
    expect(aliceRows.map((r) => r.body)).toEqual(['not hello', 'hello']);
    expect(aliceFiltered).toEqual([expect.objectContaining({ body: 'hello', owner: alice.userId })]);
    expect(typeof aliceRows[0]?.id).toBe('number');
    expect(bobRows.map((r) => r.body)).toEqual(['for bob']);
  });
});

describe('bad input', () => {
  it('answers an oversized broadcast with an error and keeps the channel working', async () => {
    const topic = `rt-big-${room()}`;
    const c = track(anonClient(stack));
    const ch = c.channel(topic, { config: { broadcast: { ack: true } } });
    await subscribed(ch);
    expect(await ch.send({ type: 'broadcast', event: 'big', payload: { blob: 'x'.repeat(300 * 1024) } })).toBe('error');
    expect(await ch.send({ type: 'broadcast', event: 'small', payload: { ok: true } })).toBe('ok');
  });
});

describe('tokens', () => {
  it('closes a private channel when a new token no longer grants read access', async () => {
    const roomId = room();
    const topic = `rt-room:${roomId}`;
    const member = await signedUpClient(stack);
    track(member.client);
    await db.query('insert into rt_test.members (room, user_id) values ($1, $2)', [roomId, member.userId]);
    const system: Array<{ status: string; message: string }> = [];
    const ch = member.client
      .channel(topic, { config: { private: true } })
      .on('system', {}, (p: { status: string; message: string }) => system.push(p));
    await subscribed(ch);
    await db.query('delete from rt_test.members where room = $1', [roomId]);
    const now = Math.floor(Date.now() / 1000);
    const fresh = await signJwt(
      { sub: member.userId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
      stack.jwtSecret,
    );
    await member.client.realtime.setAuth(fresh);
    await eventually(() => system.some((p) => p.status === 'error'), 'the revocation notice');
    expect(system).toContainEqual(
      expect.objectContaining({
        status: 'error',
        message: `You no longer have permission to read from this Channel topic: ${topic}`,
      }),
    );
  });

  it('shuts out an expired token with InvalidJWTToken', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signJwt(
      { sub: randomUUID(), role: 'authenticated', aud: 'authenticated', iat: now - 7200, exp: now - 3600 },
      stack.jwtSecret,
    );
    const c = track(anonClient(stack));
    await c.realtime.setAuth(expired);
    const ch: RealtimeChannel = c.channel(`rt-expired-${room()}`);
    const err = await firstChannelError(ch);
    expect(err.message).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago/);
    await c.removeChannel(ch);
  });
});
