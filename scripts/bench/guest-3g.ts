/**
 * The guests' menu on a phone over a slow network: time to the first menu render of `/t/<token>`
 * (the production build, a fresh profile each run, so nothing is cached) on Chromium with
 * DevTools' "Slow 3G" (2 s round trips, ~50 kB/s each way) and a 4× slower CPU. Reported, never
 * asserted: machines are noisy. Each run is a new anonymous guest (the stack allows 30 per hour).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import { chromium } from 'playwright-core';
import { startAppServer } from '../../app/dev-server.ts';
import { freePort } from '../stack/free-port.ts';
import type { RunningStack } from '../stack/stack.ts';
import { percentile } from './measure.ts';
import { startStackProcess } from './stack-process.ts';

const RUNS = 3;
/** Chrome DevTools' "Slow 3G" preset. */
const slow3g = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const table1 = '70000000-0000-4000-8000-000000000001';

export interface Guest3gResult {
  runsMs: number[];
  medianMs: number;
  /** Bytes on the wire before the menu showed (the largest run's): HTML, JS, CSS, auth and API. */
  bytes: number;
}

export async function benchGuest3g(stack: Pick<RunningStack, 'apiUrl' | 'anonKey'>): Promise<Guest3gResult> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'comanda-bench-guest-'));
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
    const { data, error } = await owner.from('dining_tables').select('qr_token').eq('id', table1).single();
    if (error) throw error;
    const token = (data as { qr_token: string }).qr_token;

    const runsMs: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        baseURL: app.url,
        locale: 'es-ES',
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      // The moment the first dish is in the document, on the page's own clock (from navigation start).
      // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
      await page.addInitScript(`
        new MutationObserver((_, observer) => {
          if (document.querySelector('.guest-item:not(.skeleton-row)')) {
            window.__menuAt ??= performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // Bytes on the wire (compressed, headers included) until the menu shows.
      let received = 0;
      let counting = true;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        if (counting) received += event.encodedDataLength;
      });
      await cdp.send('Network.emulateNetworkConditions', slow3g);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`/t/${token}`, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForFunction('window.__menuAt !== undefined', null, { timeout: 120_000, polling: 100 });
      counting = false;
      runsMs.push((await page.evaluate('window.__menuAt')) as number);
      bytes = Math.max(bytes, received);
      await context.close();
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    const result = { runsMs, medianMs: percentile(sorted, 50), bytes };
    printGuest3g(result);
    return result;
  } finally {
    await browser.close();
    await app.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

export function printGuest3g(result: Guest3gResult): void {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log('\n## Guest menu on "Slow 3G" (Chromium, 2 s RTT, 50 kB/s, CPU ×4, cold cache, 360 px)\n');
  console.log('| runs | time to first menu render, s (each) | median s | transferred before the menu |');
  console.log('|---:|---|---:|---:|');
  console.log(
    `| ${result.runsMs.length} | ${result.runsMs.map(s).join(', ')} | ${s(result.medianMs)} | ${(result.bytes / 1000).toFixed(0)} kB |`,
  );
}

// `tsx scripts/bench/guest-3g.ts` runs just this benchmark, on a throw-away stack of its own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stack = await startStackProcess();
  try {
    await benchGuest3g(stack);
  } finally {
    await stack.stop();
  }
}
