/**
 * The self-order kiosk: time from "touch to order" on the attract screen to the first dish of the
 * menu on screen (the production build, a landscape tablet, DevTools' "Fast 3G" and a 4× slower
 * CPU). Cold: a fresh browser profile that only knows its pairing (nothing cached: no service
 * worker, no HTTP cache, no stored menu), touched as soon as the button shows. Warm: the same
 * profile opened a second time (service worker, cached chunks, the persisted menu). Reported, never
 * asserted: machines are noisy. Each run pairs a new kiosk (one anonymous sign-in each).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startAppServer } from '../../app/dev-server.ts';
import { freePort } from '../stack/free-port.ts';
import type { RunningStack } from '../stack/stack.ts';
import { percentile } from './measure.ts';
import { startStackProcess } from './stack-process.ts';

const RUNS = 3;
/** Chrome DevTools' "Fast 3G" preset (a shop's busy Wi-Fi or a 4G dongle is about this). */
const fast3g = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const restaurantId = 'a0000000-0000-4000-8000-000000000001';
/** lib/kiosk/device.ts's key for what a paired kiosk remembers. */
const pairingKey = 'comanda-kiosk-pairing';

export interface KioskBenchResult {
  coldMs: number[];
  warmMs: number[];
}

interface Paired {
  storage: { name: string; value: string }[];
}

/** Pairs a kiosk as the tablet would (anonymous sign-in, claim), keeping what it stores. */
async function pairKiosk(stack: Pick<RunningStack, 'apiUrl' | 'anonKey'>, owner: SupabaseClient, run: number) {
  const created = await owner.rpc('create_kiosk_pairing', { p_restaurant_id: restaurantId, p_label: `Bench ${run}` });
  if (created.error) throw created.error;
  const code = (created.data as { code: string }).code;
  // Same storage key as app/src/lib/supabase.ts, so the page finds this session as its own.
  const storageKey = `sb-${new URL(stack.apiUrl).hostname.split('.')[0]}-auth-token`;
  const stored = new Map<string, string>();
  const device = createClient(stack.apiUrl, stack.anonKey, {
    auth: {
      storageKey,
      persistSession: true,
      autoRefreshToken: false,
      storage: {
        getItem: (key) => stored.get(key) ?? null,
        setItem: (key, value) => void stored.set(key, value),
        removeItem: (key) => void stored.delete(key),
      },
    },
  });
  const signedIn = await device.auth.signInAnonymously();
  if (signedIn.error) throw signedIn.error;
  const claimed = await device.rpc('claim_kiosk_pairing', { p_code: code });
  if (claimed.error) throw claimed.error;
  const answer = claimed.data as {
    status: string;
    restaurant_name: string;
    kiosk: { id: string; restaurant_id: string; device_code: string };
  };
  if (answer.status !== 'paired') throw new Error(`kiosk pairing refused: ${JSON.stringify(answer)}`);
  const pairing = {
    kioskId: answer.kiosk.id,
    restaurantId: answer.kiosk.restaurant_id,
    restaurantName: answer.restaurant_name,
    deviceCode: answer.kiosk.device_code,
  };
  const session = stored.get(storageKey);
  if (!session) throw new Error('the anonymous session was not stored');
  return {
    storage: [
      { name: storageKey, value: session },
      { name: pairingKey, value: JSON.stringify(pairing) },
    ],
  } satisfies Paired;
}

/** Opens /kiosk, touches "touch to order" as soon as it shows, and returns touch → first dish (ms). */
async function touchToMenu(context: BrowserContext, settle: boolean): Promise<number> {
  const page: Page = await context.newPage();
  // On the page's own clock. A string, not a function: tsx would wrap a function's inner names in a
  // helper the page lacks.
  await page.addInitScript(`
    document.addEventListener('pointerdown', (event) => {
      if (event.target instanceof Element && event.target.closest('.kiosk-touch')) window.__touchAt ??= performance.now();
    }, true);
    new MutationObserver(() => {
      if (window.__touchAt !== undefined && document.querySelector('.kiosk-item')) window.__menuAt ??= performance.now();
    }).observe(document, { childList: true, subtree: true });
  `);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', fast3g);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('/kiosk', { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('.kiosk-touch').click({ timeout: 120_000 });
  await page.waitForFunction('window.__menuAt !== undefined', null, { timeout: 120_000, polling: 50 });
  const ms = (await page.evaluate('window.__menuAt - window.__touchAt')) as number;
  if (settle) {
    // What a warm start finds: the service worker in charge and its precache filled.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('Network.emulateNetworkConditions', {
      ...fast3g,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    // …and the menu written to the persisted query cache (its writes are throttled).
    await page.waitForTimeout(1_500);
  }
  await page.close();
  return ms;
}

export async function benchKiosk(stack: Pick<RunningStack, 'apiUrl' | 'anonKey'>): Promise<KioskBenchResult> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'comanda-bench-kiosk-'));
  const app = await startAppServer({
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    port: await freePort(),
    mode: 'prod',
    outDir,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    const owner = createClient(stack.apiUrl, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const signedIn = await owner.auth.signInWithPassword({ email: 'owner@comanda.test', password: 'comanda-owner' });
    if (signedIn.error) throw signedIn.error;

    const result: KioskBenchResult = { coldMs: [], warmMs: [] };
    for (let run = 0; run < RUNS; run++) {
      const paired = await pairKiosk(stack, owner, run + 1);
      const context = await browser.newContext({
        baseURL: app.url,
        locale: 'fr-FR',
        viewport: { width: 1280, height: 800 },
        hasTouch: true,
        storageState: { cookies: [], origins: [{ origin: new URL(app.url).origin, localStorage: paired.storage }] },
      });
      try {
        result.coldMs.push(await touchToMenu(context, true));
        result.warmMs.push(await touchToMenu(context, false));
      } finally {
        await context.close();
      }
    }
    printKiosk(result);
    return result;
  } finally {
    await browser.close();
    await app.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

export function printKiosk(result: KioskBenchResult): void {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const median = (runs: number[]) =>
    percentile(
      [...runs].sort((a, b) => a - b),
      50,
    );
  console.log('\n## Kiosk: "touch to order" → menu on screen (Chromium, "Fast 3G", CPU ×4, 1280×800 tablet)\n');
  console.log('| cache | runs | time, s (each) | median s |');
  console.log('|---|---:|---|---:|');
  console.log(
    `| cold (fresh profile, paired only) | ${result.coldMs.length} | ${result.coldMs.map(s).join(', ')} | ${s(median(result.coldMs))} |`,
  );
  console.log(
    `| warm (same profile, second time) | ${result.warmMs.length} | ${result.warmMs.map(s).join(', ')} | ${s(median(result.warmMs))} |`,
  );
}

// `tsx scripts/bench/kiosk.ts` runs just this benchmark, on a throw-away stack of its own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stack = await startStackProcess();
  try {
    await benchKiosk(stack);
  } finally {
    await stack.stop();
  }
}
