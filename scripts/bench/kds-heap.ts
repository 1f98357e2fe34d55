import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { chromium } from 'playwright-core';
import { startAppServer } from '../../app/dev-server.ts';
import { freePort } from '../stack/free-port.ts';
import type { RunningStack } from '../stack/stack.ts';

/** The seeded demo restaurant and a dish without modifiers (supabase/seed.sql). */
const restaurantId = 'a0000000-0000-4000-8000-000000000001';
const kedjenou = 'd0000000-0000-4000-8000-000000000006';
const CONCURRENCY = 4;

async function signIn(stack: RunningStack, email: string, password: string): Promise<SupabaseClient> {
  const client = createClient(stack.apiUrl, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

/** One ticket's life: placed by the cashier, started and bumped by the cook, handed over. */
async function lifecycle(cashier: SupabaseClient, cook: SupabaseClient): Promise<void> {
  const id = randomUUID();
  const placed = await cashier.rpc('place_order', {
    p_order: { id, restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: kedjenou, qty: 1 }] },
  });
  if (placed.error) throw new Error(`place_order: ${placed.error.message}`);
  let version = (placed.data as { version: number }).version;
  for (const [client, to] of [
    [cook, 'preparing'],
    [cook, 'ready'],
    [cashier, 'completed'],
  ] as const) {
    const moved = await client.rpc('transition_order', { p_order_id: id, p_to: to, p_expected_version: version });
    if (moved.error) throw new Error(`transition_order → ${to}: ${moved.error.message}`);
    version = (moved.data as { version: number }).version;
  }
}

async function run(count: number, step: () => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        await step();
      }
    }),
  );
}

/**
 * The kitchen display over a shift: its JS heap (after a forced GC) once 100 tickets went through
 * it, and again after 2,000 more. Flat memory means the ratio stays near 1 (target: within 10 %).
 */
export async function benchKdsHeap(stack: RunningStack): Promise<void> {
  const app = await startAppServer({
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    port: await freePort(),
    mode: 'prod',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    const cashier = await signIn(stack, 'cashier@comanda.test', 'comanda-cashier');
    const cook = await signIn(stack, 'kitchen@comanda.test', 'comanda-kitchen');
    const context = await browser.newContext({ baseURL: app.url, locale: 'en-US' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto('/sign-in');
    await page.locator('input[type="email"]').fill('kitchen@comanda.test');
    await page.locator('input[type="password"]').fill('comanda-kitchen');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto('/kitchen');
    await page.locator('.kds-rail').waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const heapAfterGc = async () => {
      // Let the last messages land and the rail empty before measuring.
      await page.waitForFunction("document.querySelectorAll('.kds-rail .ticket').length === 0", null, {
        timeout: 60_000,
      });
      await page.waitForTimeout(2_000);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize;
    };
    const started = Date.now();
    await run(100, () => lifecycle(cashier, cook));
    const after100 = await heapAfterGc();
    await run(2_000, () => lifecycle(cashier, cook));
    const after2100 = await heapAfterGc();
    const mb = (bytes: number) => (bytes / 1_000_000).toFixed(2);
    console.log('\n## Kitchen display heap over a shift (Chromium, CDP, after forced GC)\n');
    console.log('| tickets through the screen | JS heap used MB |');
    console.log('|---:|---:|');
    console.log(`| 100 | ${mb(after100)} |`);
    console.log(`| 2,100 | ${mb(after2100)} |`);
    console.log(
      `\nRatio ${(after2100 / after100).toFixed(3)} (target ≤ 1.10); ${((Date.now() - started) / 1000).toFixed(0)} s for 2,100 lifecycles.`,
    );
    if (problems.length > 0) console.log(`Browser problems during the run:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
    await app.close();
  }
}
