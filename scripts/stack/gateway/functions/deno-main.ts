/**
 * Runs under Deno, not Node: the stand-in for the CLI's edge-runtime "main service". One Deno
 * process hosts every function; each function module is imported on its first request and its
 * top-level `Deno.serve(handler)` is captured instead of opening a port, so the module runs
 * unchanged both here and on hosted Supabase. The Node gateway has already checked the JWT and
 * stripped `/functions/v1`, so requests arrive as `/<slug>/…`.
 *
 * argv[0]: JSON `{ entrypoints: { [slug]: absolute file path } }`.
 * stdout: the first line is `${LISTENING_MARKER} <port>`; everything after is function output.
 */

// Only the slice of the Deno namespace this file uses: the repository's tsc runs with Node types.
interface ServeInfo {
  remoteAddr: { transport: string; hostname: string; port: number };
  completed: Promise<void>;
}
type ServeHandler = (req: Request, info: ServeInfo) => Response | Promise<Response>;
interface ServeOptions {
  port?: number;
  hostname?: string;
  handler?: ServeHandler;
  onListen?: (addr: { hostname: string; port: number }) => void;
  onError?: (error: unknown) => Response | Promise<Response>;
}
interface HttpServer {
  addr: { transport: string; hostname: string; port: number };
  finished: Promise<void>;
  shutdown: () => Promise<void>;
  ref: () => void;
  unref: () => void;
}
interface DenoApi {
  args: string[];
  serve: (...args: unknown[]) => HttpServer;
  exit: (code?: number) => never;
  stdin: { readable: ReadableStream<Uint8Array> };
  env: { delete: (key: string) => void };
}
declare const Deno: DenoApi;

const LISTENING_MARKER = '__comanda_functions_listening__';
const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

const { entrypoints } = JSON.parse(Deno.args[0] ?? '{}') as { entrypoints: Record<string, string> };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const bootError = () => json(503, { code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' });
const workerError = () =>
  json(500, { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' });

// Deno points PATH at its own node_compat_bin; the CLI withholds these OS variables from functions.
for (const key of ['PATH', 'HOME', 'HOSTNAME', 'PWD']) Deno.env.delete(key);

const realServe = Deno.serve.bind(Deno);
const realExit = Deno.exit.bind(Deno);

// Imports run one at a time so that a captured Deno.serve call belongs to the module being imported.
let importing: string | null = null;
let importQueue: Promise<unknown> = Promise.resolve();
const captured = new Map<string, ServeHandler>();
const handlers = new Map<string, Promise<ServeHandler>>();

function handlerFromServeArgs(args: unknown[]): ServeHandler | undefined {
  const [first, second] = args;
  if (typeof first === 'function') return first as ServeHandler;
  if (typeof second === 'function') return second as ServeHandler;
  if (first && typeof first === 'object') return (first as ServeOptions).handler;
  return undefined;
}

Deno.serve = (...args: unknown[]): HttpServer => {
  const handler = handlerFromServeArgs(args);
  if (!importing || !handler) throw new Error('Deno.serve must be called with a handler while the function boots');
  captured.set(importing, handler);
  // What a function may inspect on the server it believes it opened.
  return {
    addr: { transport: 'tcp', hostname: '0.0.0.0', port: 8000 },
    finished: new Promise<void>(() => {}),
    shutdown: async () => {},
    ref: () => {},
    unref: () => {},
  };
};

// One function must not take the whole host down; edge-runtime forbids it too.
Deno.exit = ((code?: number) => {
  throw new Error(`Deno.exit(${code ?? ''}) is not allowed in an Edge Function`);
}) as DenoApi['exit'];

// Edge Functions schedule background work with EdgeRuntime.waitUntil; keep those promises from
// surfacing as unhandled rejections that would kill the host.
(globalThis as Record<string, unknown>).EdgeRuntime = {
  waitUntil: (p: Promise<unknown>) => {
    p.catch((e) => console.error('EdgeRuntime.waitUntil task failed:', e));
  },
};

function boot(slug: string, entrypoint: string): Promise<ServeHandler> {
  const run = importQueue.then(async () => {
    importing = slug;
    try {
      await import(new URL(`file://${entrypoint}`).href);
    } finally {
      importing = null;
    }
    const handler = captured.get(slug);
    if (!handler) throw new Error(`${slug}: the module never called Deno.serve(handler)`);
    return handler;
  });
  importQueue = run.catch(() => {});
  return run;
}

async function route(req: Request, info: ServeInfo): Promise<Response> {
  const slug = new URL(req.url).pathname.split('/')[1] ?? '';
  const entrypoint = SLUG.test(slug) ? entrypoints[slug] : undefined;
  if (!entrypoint)
    return new Response('Function not found', { status: 404, headers: { 'content-type': 'text/plain' } });

  let pending = handlers.get(slug);
  if (!pending) {
    pending = boot(slug, entrypoint);
    handlers.set(slug, pending);
  }
  let handler: ServeHandler;
  try {
    handler = await pending;
  } catch (e) {
    // Not cached: a missing npm download may succeed next time, and an edited file restarts the host.
    handlers.delete(slug);
    console.error(`function ${slug} failed to boot:`, e);
    return bootError();
  }
  try {
    const res = await handler(req, info);
    if (!(res instanceof Response)) throw new TypeError(`${slug} returned ${typeof res}, not a Response`);
    return res;
  } catch (e) {
    console.error(`function ${slug} failed:`, e);
    return workerError();
  }
}

realServe({
  port: 0,
  hostname: '127.0.0.1',
  handler: route,
  onListen: ({ port }: { port: number }) => console.log(`${LISTENING_MARKER} ${port}`),
  onError: (e: unknown) => {
    console.error('functions host:', e);
    return workerError();
  },
});

// The gateway holds our stdin open; when it goes away (even by SIGKILL) the pipe closes and we
// follow instead of lingering as an orphan.
(async () => {
  const reader = Deno.stdin.readable.getReader();
  while (!(await reader.read()).done) {
    // Nothing is ever sent; only the end of the stream matters.
  }
  realExit(0);
})();
