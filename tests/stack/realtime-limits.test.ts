import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import type { RealtimeOptions } from '../../scripts/stack/gateway/realtime/context.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { anonClient } from '../support/clients.ts';
import { eventually, firstChannelError, startRealtimeOnly, subscribed } from './realtime-helpers.ts';

// Hosted Realtime's quotas (channels per socket, concurrent users, a bounded send buffer). The
// channel cap is the stack's own default; the others run on a realtime part of their own with a
// small limit, so that reaching it never touches the sockets of other test files.
const stack = inject('stack');
const clients: SupabaseClient[] = [];
const sockets: WebSocket[] = [];
const parts: { url: string; close: () => Promise<void> }[] = [];

function track(c: SupabaseClient): SupabaseClient {
  clients.push(c);
  return c;
}

async function ownRealtime(options: Partial<RealtimeOptions>, log: string[]) {
  const cfg = gatewayConfigFor({
    adminUrl: stack.adminDbUrl,
    apiUrl: 'http://127.0.0.1:0',
    localDir: tmpdir(),
    log: (l) => log.push(l),
  });
  const slotName = `comanda_rt_limits_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const part = await startRealtimeOnly(cfg, { slotName, ...options });
  parts.push(part);
  return part;
}

function socketUrl(apiUrl: string): string {
  return `${apiUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${ANON_KEY}&vsn=1.0.0`;
}

/** Where the client cannot see it (the handshake's HTTP answer), a raw socket does. */
function rawConnect(apiUrl: string): Promise<{ ws: WebSocket } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(apiUrl));
    sockets.push(ws);
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (e) => reject(e));
  });
}

afterAll(async () => {
  for (const c of clients) await c.removeAllChannels();
  for (const ws of sockets) ws.terminate();
  for (const p of parts) await p.close();
});

describe('channels per socket', () => {
  it('refuses the 101st channel with hosted’s ChannelRateLimitReached and takes one again after a leave', async () => {
    const client = track(anonClient(stack));
    const prefix = `limits-${randomUUID().slice(0, 8)}`;
    const channels: RealtimeChannel[] = [];
    for (let i = 0; i < 100; i++) channels.push(client.channel(`${prefix}-${i}`));
    await Promise.all(channels.map((ch) => subscribed(ch)));

    const extra = client.channel(`${prefix}-extra`);
    const error = await firstChannelError(extra);
    expect(error.message).toContain('ChannelRateLimitReached: Too many channels');
    await client.removeChannel(extra);

    // Leaving one frees its place.
    const [first] = channels;
    if (!first) throw new Error('no channels');
    await client.removeChannel(first);
    await subscribed(client.channel(`${prefix}-again`));
    expect(client.getChannels().length).toBe(100);
  });
});

describe('payload size', () => {
  it('answers an acked broadcast over 256 kB with payload_size_exceeded and drops an unacked one', async () => {
    const topic = `size-${randomUUID().slice(0, 8)}`;
    const seen: string[] = [];
    const listener = track(anonClient(stack))
      .channel(topic)
      .on('broadcast', { event: '*' }, (m) => seen.push(m.event));
    await subscribed(listener);
    const acked = track(anonClient(stack)).channel(topic, { config: { broadcast: { ack: true } } });
    await subscribed(acked);
    const unacked = track(anonClient(stack)).channel(topic);
    await subscribed(unacked);

    const tooBig = { blob: 'x'.repeat(257 * 1024) };
    expect(await acked.send({ type: 'broadcast', event: 'too-big-acked', payload: tooBig })).toBe('error');
    await unacked.send({ type: 'broadcast', event: 'too-big', payload: tooBig });
    const fits = { blob: 'x'.repeat(255 * 1024) };
    expect(await acked.send({ type: 'broadcast', event: 'fits', payload: fits })).toBe('ok');
    await unacked.send({ type: 'broadcast', event: 'after', payload: {} });
    await eventually(() => seen.includes('after'), 'the message after the oversized ones');
    expect(seen).toEqual(['fits', 'after']);
  });
});

describe('concurrent users', () => {
  it('refuses sockets and joins past the limit as hosted does, and lets one in again when one leaves', async () => {
    const log: string[] = [];
    const part = await ownRealtime({ maxConcurrentUsers: 3 }, log);
    const endpoint = { apiUrl: part.url, anonKey: ANON_KEY };
    const topic = `users-${randomUUID().slice(0, 8)}`;
    const a = track(anonClient(endpoint));
    const b = track(anonClient(endpoint));
    await subscribed(a.channel(topic));
    await subscribed(b.channel(topic));

    // Connected but not joined: hosted counts a socket once it joins, so this one is let in.
    const late = track(anonClient(endpoint));
    late.realtime.connect();
    await eventually(() => late.realtime.isConnected(), 'the late socket to connect');

    await subscribed(track(anonClient(endpoint)).channel(topic));
    const refused = await rawConnect(part.url);
    expect(refused).toEqual({ status: 429, body: JSON.stringify({ error: 'Too many connected users' }) });

    const lateChannel = late.channel(topic);
    const error = await firstChannelError(lateChannel);
    expect(error.message).toContain('ConnectionRateLimitReached: Too many connected users');
    await late.removeChannel(lateChannel);

    await a.removeAllChannels();
    let admitted: WebSocket | null = null;
    for (let attempt = 0; attempt < 100 && !admitted; attempt++) {
      const answer = await rawConnect(part.url);
      if ('ws' in answer) admitted = answer.ws;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(admitted?.readyState).toBe(WebSocket.OPEN);
  });
});

describe('a socket that stops reading', () => {
  it('is dropped once its send buffer is full, while the other listener keeps receiving', async () => {
    const log: string[] = [];
    // The rate limit is not under test here: a fast machine must not trip it while sending.
    const part = await ownRealtime({ maxBufferedBytes: 256 * 1024, maxEventsPerSecond: 1_000_000 }, log);
    const endpoint = { apiUrl: part.url, anonKey: ANON_KEY };
    const topic = `slow-${randomUUID().slice(0, 8)}`;

    const received: number[] = [];
    const listener = track(anonClient(endpoint))
      .channel(topic)
      .on('broadcast', { event: 'big' }, (m) => received.push(m.payload.n as number));
    await subscribed(listener);

    const opened = await rawConnect(part.url);
    if (!('ws' in opened)) throw new Error(`raw socket refused: ${opened.status}`);
    const slow = opened.ws;
    let slowReceived = 0;
    let slowJoined = false;
    slow.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { event: string; payload: { status?: string } };
      if (frame.event === 'phx_reply' && frame.payload.status === 'ok') slowJoined = true;
      if (frame.event === 'broadcast') slowReceived++;
    });
    const slowClosed = new Promise<number>((resolve) => slow.once('close', (code) => resolve(code)));
    slow.send(JSON.stringify({ topic: `realtime:${topic}`, event: 'phx_join', payload: {}, ref: '1', join_ref: '1' }));
    await eventually(() => slowJoined, 'the raw socket to join');
    slow.pause();

    const sender = track(anonClient(endpoint)).channel(topic, { config: { broadcast: { ack: true } } });
    await subscribed(sender);
    const blob = 'x'.repeat(100_000);
    let sent = 0;
    // Bounded: the kernel's socket buffers fill first, then the gateway's 256 kB; far below 400 × 100 kB.
    while (sent < 400 && !log.some((l) => l.includes('is not reading'))) {
      expect(await sender.send({ type: 'broadcast', event: 'big', payload: { n: sent, blob } })).toBe('ok');
      sent++;
    }
    expect(log.some((l) => l.includes('is not reading'))).toBe(true);
    for (let n = sent; n < sent + 5; n++) {
      expect(await sender.send({ type: 'broadcast', event: 'big', payload: { n, blob } })).toBe('ok');
    }
    const total = sent + 5;
    await eventually(() => received.length === total, 'every broadcast at the reading listener');
    expect(received).toEqual(Array.from({ length: total }, (_, n) => n));

    // Reading again, the dropped socket gets what the kernel held, then the end of the connection.
    slow.resume();
    expect(await slowClosed).toBe(1006);
    expect(slowReceived).toBeLessThan(total);
  });
});
