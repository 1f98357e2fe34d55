import { readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import type { RunningStack } from '../stack/stack.ts';

const LISTENERS = 50;
const SENDERS = 10;
const MESSAGES_PER_SENDER = 100;
const PAYLOAD_BYTES = 100_000;

/** The process listening on a local TCP port (Linux /proc): the gateway, whatever launched it. */
async function pidListeningOn(port: number): Promise<number> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      // State 0A is LISTEN.
      if (local && cols[3] === '0A' && Number.parseInt(local.split(':')[1] ?? '', 16) === port && cols[9]) {
        inodes.add(`socket:[${cols[9]}]`);
      }
    }
  }
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      if (inodes.has(target)) return Number(entry);
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

async function memoryKb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/**
 * Resolves once SUBSCRIBED; errors before that are waited out (bounded), as realtime-js rejoins by
 * itself: the previous case's 200 sockets may still count against the concurrent-user limit.
 */
function subscribe(channel: RealtimeChannel, onLater: (status: string) => void): Promise<void> {
  let settled = false;
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('channel did not subscribe within 60 s')), 60_000);
    channel.subscribe((status) => {
      if (settled) return onLater(status);
      if (status === 'SUBSCRIBED') {
        settled = true;
        clearTimeout(deadline);
        resolve();
      }
    });
  });
}

/**
 * The gateway's memory through a broadcast storm: 10 sockets push 100 broadcasts of 100 kB each at
 * once (under the per-socket rate limit) to 50 listening sockets, supabase-js clients in this
 * process, which cannot take 5 GB at that pace: listeners fall behind, are dropped past the send
 * buffer cap and reconnect. Resident memory of the gateway's process before, at its peak and after.
 */
export async function benchRealtimeStorm(stack: RunningStack): Promise<string[]> {
  const pid = await pidListeningOn(Number(new URL(stack.apiUrl).port));
  // Resets the peak (VmHWM) to the current size, so the peak is the storm's, not the start's.
  const peakReset = await writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
  const clients: SupabaseClient[] = [];
  const newClient = () => {
    const c = createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    clients.push(c);
    return c;
  };
  const topic = `storm-${Date.now()}`;
  let delivered = 0;
  let interruptions = 0;
  let sampledPeak = 0;
  try {
    await Promise.all(
      Array.from({ length: LISTENERS }, () =>
        subscribe(
          newClient()
            .channel(topic)
            .on('broadcast', { event: 'storm' }, () => {
              delivered++;
            }),
          (status) => {
            if (status !== 'SUBSCRIBED') interruptions++;
          },
        ),
      ),
    );
    const senders = Array.from({ length: SENDERS }, () => newClient().channel(topic));
    await Promise.all(senders.map((s) => subscribe(s, () => {})));
    const before = await memoryKb(pid);
    sampledPeak = before.rss;
    const sampler = setInterval(() => {
      memoryKb(pid).then(
        (m) => {
          sampledPeak = Math.max(sampledPeak, m.rss);
        },
        () => {},
      );
    }, 50);
    const blob = 'x'.repeat(PAYLOAD_BYTES);
    const started = performance.now();
    const answers = await Promise.all(
      senders.flatMap((s) =>
        Array.from({ length: MESSAGES_PER_SENDER }, (_, n) =>
          s.send({ type: 'broadcast', event: 'storm', payload: { n, blob } }),
        ),
      ),
    );
    // Settle: until nothing arrives for a second (bounded), so "after" is after the storm.
    for (let i = 0, last = -1; i < 60 && last !== delivered; i++) {
      last = delivered;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const seconds = (performance.now() - started) / 1000 - 1;
    clearInterval(sampler);
    const after = await memoryKb(pid);
    const accepted = answers.filter((a) => a === 'ok').length;
    const sent = SENDERS * MESSAGES_PER_SENDER;
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const peak = peakReset ? Math.max(after.peak, sampledPeak) : sampledPeak;
    return [
      `${sent} broadcasts of ${PAYLOAD_BYTES / 1000} kB at once from ${SENDERS} sockets (${accepted} taken by the client) to ${LISTENERS} listening sockets: ${delivered} of ${sent * LISTENERS} deliveries in ${seconds.toFixed(1)} s, ${interruptions} listener interruptions (dropped slow consumers reconnect)`,
      '',
      '| gateway process | RSS MB |',
      '|---|---:|',
      `| before the storm | ${mb(before.rss)} |`,
      `| peak during the storm (${peakReset ? 'VmHWM' : 'sampled every 50 ms'}) | ${mb(peak)} |`,
      `| after the storm | ${mb(after.rss)} |`,
    ];
  } finally {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
  }
}
