import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type FunctionsCatalog, mergedImportMap } from './catalog.ts';

const LISTENING_MARKER = '__comanda_functions_listening__';
const REVIVAL_FIRST_MS = 250;
const REVIVAL_MAX_MS = 10_000;
const REVIVAL_STABLE_MS = 30_000;
const MAIN_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'deno-main.ts');

// Deno needs these to reach the npm registry through this machine's proxy / CA; nothing else of
// the gateway's environment is handed to functions.
const NETWORK_ENV = [
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'NODE_EXTRA_CA_CERTS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NPM_CONFIG_REGISTRY',
  'npm_config_registry',
];

/** The variables Deno needs from our environment to download npm packages, and nothing else. */
export function denoNetworkEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of NETWORK_ENV) if (process.env[k]) env[k] = process.env[k] as string;
  return env;
}

export interface DenoHostOptions {
  supabaseDir: string;
  /** DENO_DIR: npm packages downloaded once persist here. */
  denoDir: string;
  /** SUPABASE_* variables and secrets the functions see. */
  functionEnv: (catalog: FunctionsCatalog) => Record<string, string>;
  log: (line: string) => void;
  /** Registers Deno with the stack's parent-death watchdog (its stdin pipe is the first line of defence). */
  watchChild?: (pid: number, signal: NodeJS.Signals) => () => void;
  /** Why the host is down (null once it listens again), for the gateway's health. */
  onHealth?: (reason: string | null) => void;
}

/** Deno could not be started at all (missing binary, bad flags): every function is unavailable. */
export class HostStartError extends Error {
  override name = 'HostStartError';
}

interface RunningHost {
  child: ChildProcess;
  port: number;
}

/** Resolved from the `deno` npm package; its postinstall puts the real binary next to package.json. */
export function denoBinary(): string {
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('deno/package.json'));
  const exe = path.join(pkgDir, process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (!existsSync(exe)) throw new Error(`Deno binary missing at ${exe}: run npm install (deno's postinstall)`);
  return exe;
}

/**
 * The single Deno process that hosts every function (scripts/stack/gateway/functions/deno-main.ts).
 * Started on demand, restarted when it dies or when the caller says the sources changed, and
 * killed with the gateway — also when the gateway dies abruptly, through its stdin pipe.
 */
export class DenoHost {
  private running: Promise<RunningHost> | null = null;
  /** `running` once it has resolved, so a dead host can be dropped synchronously. */
  private live: RunningHost | null = null;
  private readonly children = new Set<ChildProcess>();
  private stopped = false;
  /** The catalog of the last start: what a host that died on its own is restarted with. */
  private lastCatalog: FunctionsCatalog | null = null;
  private revivalDelayMs = REVIVAL_FIRST_MS;
  private revivalTimer: NodeJS.Timeout | null = null;
  private readonly killOnExit = () => {
    for (const c of this.children) c.kill('SIGKILL');
  };

  constructor(private readonly opts: DenoHostOptions) {
    process.on('exit', this.killOnExit);
  }

  /** The internal port of a live host for this catalog, starting one if needed. */
  port(catalog: FunctionsCatalog): Promise<number> {
    if (!this.running) {
      const starting = this.start(catalog).then((host) => {
        if (this.running === starting) this.live = host;
        return host;
      });
      this.running = starting;
      // A failed start is reported to this caller only; the next request tries again.
      starting.catch(() => {
        if (this.running === starting) this.running = null;
      });
    }
    return this.running.then((r) => r.port);
  }

  /** The host on `port` stopped answering: forget it (and make sure it is gone) so a new one starts. */
  discard(port: number): void {
    const live = this.live;
    if (live?.port !== port) return;
    this.live = null;
    this.running = null;
    live.child.kill('SIGKILL');
  }

  /** Drops the current process so the next request boots the functions from fresh sources. */
  restart(): void {
    const current = this.running;
    this.running = null;
    this.live = null;
    current?.then((r) => r.child.kill('SIGTERM')).catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.revivalTimer) clearTimeout(this.revivalTimer);
    this.running = null;
    this.live = null;
    await Promise.all(
      [...this.children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    process.off('exit', this.killOnExit);
  }

  /**
   * A host that died on its own (OOM, a crash, a kill) is started again without waiting for the next
   * request, with backoff; a restart that fails leaves it to the next request, with health saying why.
   */
  private revive(): void {
    if (this.stopped || this.revivalTimer || !this.lastCatalog) return;
    const catalog = this.lastCatalog;
    const delay = this.revivalDelayMs;
    this.revivalDelayMs = Math.min(delay * 2, REVIVAL_MAX_MS);
    this.opts.log(`functions: restarting the Deno host in ${delay} ms`);
    this.revivalTimer = setTimeout(() => {
      this.revivalTimer = null;
      if (this.stopped || this.running) return;
      this.port(catalog).catch((e: Error) => {
        this.opts.log(`functions: restarting the Deno host failed: ${e.message}`);
        this.opts.onHealth?.(`functions host failed to start: ${e.message}`);
      });
    }, delay);
    this.revivalTimer.unref();
  }

  private async start(catalog: FunctionsCatalog): Promise<RunningHost> {
    this.lastCatalog = catalog;
    try {
      return await this.spawnHost(catalog);
    } catch (e) {
      throw e instanceof HostStartError ? e : new HostStartError(e instanceof Error ? e.message : String(e));
    }
  }

  private async spawnHost(catalog: FunctionsCatalog): Promise<RunningHost> {
    const { denoDir, supabaseDir, log } = this.opts;
    const functionsDir = path.join(supabaseDir, 'functions');
    await mkdir(denoDir, { recursive: true });
    const importMapFile = await writeImportMap(denoDir, JSON.stringify(await mergedImportMap(catalog), null, 2));

    if (this.stopped) throw new HostStartError('the gateway is shutting down');
    const entrypoints = Object.fromEntries([...catalog.functions.values()].map((f) => [f.slug, f.entrypoint]));
    const args = [
      'run',
      // No deno.json / package.json discovery from the repository: functions resolve like on hosted.
      '--no-config',
      '--no-prompt',
      '--allow-net',
      '--allow-env',
      `--allow-read=${functionsDir},${denoDir}`,
      `--import-map=${importMapFile}`,
      MAIN_SCRIPT,
      JSON.stringify({ entrypoints }),
    ];
    const env: Record<string, string> = denoNetworkEnv();
    Object.assign(env, this.opts.functionEnv(catalog), {
      DENO_DIR: denoDir,
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
    });

    const child = spawn(denoBinary(), args, { cwd: functionsDir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.children.add(child);
    child.stdin?.on('error', () => {});
    const unwatch = child.pid ? (this.opts.watchChild?.(child.pid, 'SIGKILL') ?? (() => {})) : () => {};
    const startedAt = Date.now();

    return new Promise<RunningHost>((resolve, reject) => {
      let listening = false;
      const stderrTail: string[] = [];
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (!listening && line.startsWith(LISTENING_MARKER)) {
          listening = true;
          // Once up, the host never keeps the gateway's process alive by itself (e.g. when
          // startGateway fails before anyone can close it); the stdin pipe then takes Deno along.
          child.unref();
          for (const stream of [child.stdin, child.stdout, child.stderr]) {
            (stream as unknown as { unref?: () => void } | null)?.unref?.();
          }
          this.opts.onHealth?.(null);
          resolve({ child, port: Number(line.slice(LISTENING_MARKER.length).trim()) });
          return;
        }
        log(`functions: ${line}`);
      });
      createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
        if (!listening) stderrTail.push(line);
        log(`functions: ${line}`);
      });
      child.on('error', (err) => {
        this.children.delete(child);
        reject(new HostStartError(`Deno could not be started: ${err.message}`));
      });
      child.on('exit', (code, signal) => {
        this.children.delete(child);
        unwatch();
        if (!listening) {
          reject(
            new HostStartError(`Deno exited (${signal ?? code}) before listening: ${stderrTail.slice(-5).join(' | ')}`),
          );
          return;
        }
        log(`functions: Deno host exited (${signal ?? code})`);
        // Forget a crashed host so the next request starts a new one; a host the gateway did not
        // stop itself is brought back now.
        if (this.live?.child === child) {
          this.live = null;
          this.running = null;
          if (Date.now() - startedAt > REVIVAL_STABLE_MS) this.revivalDelayMs = REVIVAL_FIRST_MS;
          this.opts.onHealth?.(`functions host exited (${signal ?? code}); restarting`);
          this.revive();
        }
      });
    });
  }
}

/**
 * Named by content and renamed into place: stacks sharing one DENO_DIR (tests next to `npm start`)
 * never read each other's map, nor a half-written one.
 */
async function writeImportMap(denoDir: string, content: string): Promise<string> {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const file = path.join(denoDir, `functions-import-map-${hash}.json`);
  if (existsSync(file)) return file;
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
  return file;
}
