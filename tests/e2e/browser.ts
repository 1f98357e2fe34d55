/**
 * The end-to-end harness: the production PWA (service worker included) built against the test run's
 * stack, and Debian's Chromium driven by playwright-core — never a browser downloaded by npm.
 * Every console error and uncaught exception in any page is collected; `takeProblems()` hands them
 * to the test, which fails on any (see `expectNoBrowserProblems` in the tests).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { compiledMessagesAreStale } from '../../app/paraglide.config.ts';
import { lanCertificate } from '../../scripts/lan/certificate.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { binDir, repoRoot } from '../../scripts/stack/paths.ts';
import type { TestStack } from '../support/global-setup.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet, offline-friendly Chromium: no background updates, sync or QUIC probes muddying the network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Locator waits fail well before vitest's own timeout, so the failure names the missing element. */
const actionTimeoutMs = 15_000;

/** A production build takes tens of seconds on a busy machine; a hung one must not hang the run. */
const buildDeadlineMs = 240_000;

export interface BrowserUser {
  context: BrowserContext;
  page: Page;
}

export interface E2eHarness {
  appUrl: string;
  /** A new person on a new device: an empty profile (storage, caches, service worker) with one page. */
  newUser(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<BrowserUser>;
  /** Console errors and uncaught exceptions seen since the last call, in order. */
  takeProblems(): string[];
  close(): Promise<void>;
}

export interface E2eOptions {
  /**
   * Serve as `npm start -- --lan` does, on this address (a loopback alias such as 127.0.0.2 stands
   * for the restaurant's Wi-Fi): HTTPS with the local CA, the Supabase paths through the app server.
   * The browser trusts the local CA as a tablet does once it is installed: merely accepting a
   * certificate warning (ignoreHTTPSErrors) leaves Chromium refusing the service worker.
   */
  lanHost?: string;
}

export async function startE2eHarness(
  stack: Pick<TestStack, 'apiUrl' | 'anonKey'>,
  options: E2eOptions = {},
): Promise<E2eHarness> {
  const { lanHost } = options;
  const outDir = await mkdtemp(path.join(tmpdir(), 'comanda-e2e-dist-'));
  let server: ChildProcess | undefined;
  let appUrl: string;
  let browser: Browser;
  try {
    await compileMessages();
    const served = await serveProductionBuild(stack, outDir, lanHost);
    server = served.child;
    appUrl = served.url;
    // serve-app.ts finds the same certificate in the same folder (lanCertificate reuses it).
    const trust = lanHost ? [trustCertificates(await lanCertificate(path.join(outDir, 'local'), [lanHost]))] : [];
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs, ...trust],
    });
  } catch (error) {
    await stopChild(server);
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const problems: string[] = [];
  const openBrowser = browser;

  return {
    appUrl,
    async newUser(options) {
      const context = await openBrowser.newContext({
        baseURL: appUrl,
        // The browser's language (navigator.language, Accept-Language): a guest's phone in Spanish.
        locale: options?.locale ?? 'en-US',
        viewport: options?.viewport ?? { width: 1280, height: 800 },
      });
      context.setDefaultTimeout(actionTimeoutMs);
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs every request a deliberately offline context refuses; the app cannot avoid
        // the first one (it is how it learns the API is unreachable), so only these are not problems.
        if (message.text().includes('net::ERR_INTERNET_DISCONNECTED')) return;
        const { url, lineNumber } = message.location();
        problems.push(`console error (${url}:${lineNumber}): ${message.text()}`);
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        problems.push(`uncaught exception: ${error.stack ?? error.message}`);
      });
      const page = await context.newPage();
      return { context, page };
    },
    takeProblems: () => problems.splice(0),
    async close() {
      await openBrowser.close().catch(() => undefined);
      await stopChild(server);
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Adds what each person's screen showed (its accessibility tree, as the test sees it) to a failed
 * step's error, so a failure says what was there instead of only what was missing.
 */
export async function withScreenContents(
  error: unknown,
  users: Record<string, BrowserUser | undefined>,
): Promise<unknown> {
  if (!(error instanceof Error)) return error;
  const screens: string[] = [];
  for (const [who, user] of Object.entries(users)) {
    if (!user || user.page.isClosed()) continue;
    const snapshot = await user.page
      .locator('body')
      .ariaSnapshot({ timeout: 2_000 })
      .catch((e: unknown) => `(no snapshot: ${e instanceof Error ? e.message : String(e)})`);
    screens.push(`--- ${who}'s screen (${user.page.url()}) ---\n${snapshot.slice(0, 6_000)}`);
  }
  if (screens.length > 0) error.message += `\n\n${screens.join('\n\n')}`;
  return error;
}

/** Waits until the page's service worker is active, so a reload can be served with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state === 'activated') return;
    await new Promise<void>((resolve) => {
      registration.active?.addEventListener('statechange', function onChange(this: ServiceWorker) {
        if (this.state === 'activated') resolve();
      });
    });
  });
}

/**
 * Chromium's flag for trusting given keys as if their certificate chained to a trusted root — the
 * test's stand-in for installing the CA on a tablet, with no system trust store touched.
 */
function trustCertificates({ cert, caCert }: { cert: string; caCert: string }): string {
  const spki = (pem: string) =>
    createHash('sha256')
      .update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
  return `--ignore-certificate-errors-spki-list=${spki(cert)},${spki(caCert)}`;
}

/**
 * The Vite build reads compiled messages from app/src/paraglide (git-ignored), as `npm run build` does.
 * Only when stale: e2e files run side by side, and a compile rewrites the folder another file's build
 * may be reading at that moment ("Could not resolve './messages/_index.js'").
 */
async function compileMessages(): Promise<void> {
  if (!compiledMessagesAreStale()) return;
  const child = spawn(path.join(binDir, 'tsx'), ['app/tools/compile-messages.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`compiling messages failed (${code}):\n${stderr}`);
}

async function serveProductionBuild(
  stack: Pick<TestStack, 'apiUrl' | 'anonKey'>,
  outDir: string,
  lanHost: string | undefined,
): Promise<{ child: ChildProcess; url: string }> {
  // Without vitest's variables the Vite config includes the PWA plugin, as in a real build.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
  );
  const port = await freePort();
  const child = spawn(path.join(binDir, 'tsx'), ['tests/e2e/serve-app.ts'], {
    cwd: repoRoot,
    env: {
      ...env,
      E2E_API_URL: stack.apiUrl,
      E2E_ANON_KEY: stack.anonKey,
      E2E_PORT: String(port),
      E2E_OUT_DIR: outDir,
      ...(lanHost ? { E2E_LAN_HOST: lanHost } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data;
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app server exited (${code}) before serving:\n${output}`)));
    setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the app server was not serving after ${buildDeadlineMs / 1000} s:\n${output}`));
    }, buildDeadlineMs).unref();
  });
  return { child, url };
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The file's harness: started before its first test, closed after its last, and every test fails
 * on a console error or uncaught exception it left behind (a test that expects one takes it with
 * `takeProblems()` first). Call once at the top of a test file; the getter gives the harness.
 */
export function useE2eHarness(options: E2eOptions = {}): () => E2eHarness {
  let harness: E2eHarness | undefined;
  beforeAll(async () => {
    harness = await startE2eHarness(inject('stack'), options);
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(() => {
    expect(harness?.takeProblems() ?? [], 'console errors or uncaught exceptions in the browser').toEqual([]);
  });
  return () => {
    if (!harness) throw new Error('the browser harness did not start');
    return harness;
  };
}
