import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, placeOrder, type Restaurant } from '../../tests/db/fixtures.ts';
import { rpc, sql, stack } from '../../tests/db/support.ts';
import { anonClient } from '../../tests/support/clients.ts';
import { pair, sessionClient } from './session.ts';

/**
 * Pairing on the test stack: the CLI run as a store PC runs it (`pair <code>` with the URL and the
 * anon key only), then resumed from its state folder, then removed in the admin.
 */
let r: Restaurant;
let dir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  r = await makeRestaurant({ autoPrintReceipts: false });
  dir = await mkdtemp(path.join(tmpdir(), 'bridge-pairing-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const newCode = async () =>
  (await rpc<{ code: string }>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id, p_label: 'Till PC' }))
    .code;

interface Run {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line whose msg matches, or rejects after ms. */
  waitFor: (msg: string | RegExp, ms?: number) => Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
}

function run(args: string[], home: string): Run {
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      path.join(import.meta.dirname, 'main.ts'),
      ...args,
      ...['--home', home, '--prints-dir', path.join(dir, 'prints'), '--health-port', '0', '--poll-ms', '200'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SUPABASE_URL: '', SUPABASE_ANON_KEY: '' } },
  );
  children.add(child);
  const lines: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ msg: line });
    }
    for (const l of listeners) l();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const waitFor = (msg: string | RegExp, ms = 15_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const match = () => lines.find((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))));
      const check = () => {
        const found = match();
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no "${msg}" log line in ${ms} ms: ${JSON.stringify(lines)}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return { child, lines, waitFor, exit };
}

const stop = async (run: Run) => {
  run.child.kill('SIGTERM');
  return run.exit;
};

async function printedOrder(): Promise<string> {
  const order = await placeOrder(r, {
    id: crypto.randomUUID(),
    restaurant_id: r.id,
    type: 'takeaway',
    lines: [{ item_id: r.fries, qty: 1 }],
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [job] = await sql<{ id: string; status: string }>(
      'select id, status from public.print_jobs where order_id = $1',
      [order.id],
    );
    if (job?.status === 'printed') return job.id;
    if (Date.now() > deadline) throw new Error(`order ${order.id}: job ${JSON.stringify(job)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe('pairing the bridge with a code', () => {
  it('pairs with the URL and anon key only, keeps its session 0600, resumes with a refreshed token, stops when removed', {
    timeout: 60_000,
  }, async () => {
    const home = path.join(dir, 'home');
    const paired = run(['pair', await newCode(), '--url', stack.apiUrl, '--anon-key', stack.anonKey], home);
    expect(await paired.waitFor('paired')).toMatchObject({ restaurantId: r.id });
    await paired.waitFor('started');
    const jobId = await printedOrder();
    expect((await readdir(path.join(dir, 'prints', 'printer'))).some((f) => f.includes(jobId))).toBe(true);
    expect(await stop(paired)).toBe(0);

    for (const file of ['session.json', 'pairing.json']) {
      expect((await stat(path.join(home, file))).mode & 0o777).toBe(0o600);
    }
    const session = JSON.parse(await readFile(path.join(home, 'session.json'), 'utf8'));
    const [member] = await sql<{ user_id: string; display_name: string }>(
      `select user_id, display_name from public.memberships where restaurant_id = $1 and role = 'print_bridge' and user_id = $2`,
      [r.id, session.user.id],
    );
    expect(member?.display_name).toBe('Till PC');
    expect(JSON.stringify(JSON.parse(await readFile(path.join(home, 'pairing.json'), 'utf8')))).not.toMatch(
      /password|service/i,
    );

    // As if the bridge had been off past its access token's hour: it must refresh on start.
    await writeFile(path.join(home, 'session.json'), JSON.stringify({ ...session, expires_at: 1 }), { mode: 0o600 });
    const resumed = run([], home);
    await resumed.waitFor('started');
    const refreshed = JSON.parse(await readFile(path.join(home, 'session.json'), 'utf8'));
    expect(refreshed.refresh_token).not.toBe(session.refresh_token);
    expect(refreshed.expires_at).toBeGreaterThan(Date.now() / 1000);
    await printedOrder();

    // Removed in the admin: the next claim is refused and the bridge stops, unpaired.
    await rpc(r.as('manager'), 'remove_member', { p_restaurant_id: r.id, p_user_id: member?.user_id });
    expect(await resumed.exit).toBe(78);
    expect(resumed.lines.map((l) => l.msg)).toContain('unpaired: this bridge was removed in the admin; stopping');
    expect(await readdir(home)).not.toContain('session.json');
    // And it does not come back on its own.
    const again = run([], home);
    expect(await again.exit).toBe(78);
    expect(again.lines.map((l) => l.msg)).toContain('not paired');
  });

  it('a wrong or used code is refused with a clear reason and leaves no session', async () => {
    const home = path.join(dir, 'home-wrong');
    const wrong = run(['pair', 'AAAAA-AAAAA', '--url', stack.apiUrl, '--anon-key', stack.anonKey], home);
    expect(await wrong.exit).toBe(1);
    expect(wrong.lines.find((l) => l.msg === 'pairing refused')).toMatchObject({
      code: 'pairing_code_invalid',
      reason: expect.stringMatching(/does not exist/),
    });
    expect(await readdir(home).catch(() => [])).not.toContain('session.json');

    const code = await newCode();
    const first = sessionClient(stack.apiUrl, stack.anonKey, path.join(dir, 'home-first'));
    expect(await pair(first, code)).toMatchObject({ ok: true, restaurantId: r.id });
    const second = anonClient(stack);
    expect(await pair(second, code)).toEqual({
      ok: false,
      code: 'pairing_code_used',
      message: expect.stringMatching(/already used/),
    });
    const missing = run(['pair'], path.join(dir, 'home-usage'));
    expect(await missing.exit).toBe(2);
  });
});
