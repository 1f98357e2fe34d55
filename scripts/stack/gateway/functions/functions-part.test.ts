import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeys } from '../api-keys.ts';
import { signJwt } from '../jwt.ts';
import type { GatewayPart } from '../part.ts';
import { functionsPart } from './routes.ts';

// Fixture functions in a throw-away project: the real Deno host runs them, without npm downloads.
const FIXTURES: Record<string, string> = {
  echo: `Deno.serve(async (req) => Response.json({
    method: req.method,
    url: req.url,
    authorization: req.headers.get('authorization'),
    body: await req.text(),
  }));`,
  env: `Deno.serve(() => Response.json({ env: Deno.env.toObject(), pid: Deno.pid }));`,
  'boot-fails': `throw new Error('broken at import');`,
  'never-serves': `export const nothing = 1;`,
  'handler-throws': `Deno.serve(() => { throw new Error('boom'); });`,
  'options-style': `Deno.serve({ handler: () => new Response('from options', { status: 201 }) });`,
  disabled: `Deno.serve(() => new Response('should not run'));`,
};

// The gateway serves whatever keys its config names: this suite mints a project's worth of its own.
const JWT_SECRET = 'functions-part-test-secret-at-least-32-characters';
const KEYS: ApiKeys = {
  anon: await signJwt({ role: 'anon' }, JWT_SECRET),
  serviceRole: await signJwt({ role: 'service_role' }, JWT_SECRET),
  publishable: 'sb_publishable_functions_part_test',
  secret: 'sb_secret_functions_part_test',
};
const { anon: ANON_KEY, serviceRole: SERVICE_ROLE_KEY, publishable: PUBLISHABLE_KEY } = KEYS;

const CONFIG_TOML = `
project_id = "fixture"
[functions.echo]
verify_jwt = false
[functions.options-style]
verify_jwt = false
[functions.disabled]
enabled = false
[edge_runtime.secrets]
FROM_CONFIG = "config-value"
`;

let root: string;
let part: GatewayPart;
let app: Hono;
const logs: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'comanda-functions-'));
  await chmod(root, 0o755);
  const supabaseDir = path.join(root, 'supabase');
  for (const [slug, code] of Object.entries(FIXTURES)) {
    await mkdir(path.join(supabaseDir, 'functions', slug), { recursive: true });
    await writeFile(path.join(supabaseDir, 'functions', slug, 'index.ts'), code);
  }
  await writeFile(path.join(supabaseDir, 'config.toml'), CONFIG_TOML);
  await writeFile(path.join(supabaseDir, 'functions', '.env'), 'FROM_DOTENV="dotenv value"\n# comment\n');
  part = functionsPart({
    apiUrl: 'http://127.0.0.1:54321',
    siteUrl: 'http://127.0.0.1:5173',
    jwtSecret: JWT_SECRET,
    keys: KEYS,
    db: {
      authenticator: '',
      authAdmin: '',
      admin: '',
      postgres: 'postgresql://postgres:postgres@127.0.0.1:1/postgres',
    },
    supabaseDir,
    localDir: path.join(root, 'local'),
    log: (line) => logs.push(line),
  });
  app = new Hono().route('/functions/v1', part.routes);
  await part.ready?.();
});

afterAll(async () => {
  await part?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const call = (fnPath: string, init: RequestInit = {}) => app.request(`http://gw.local/functions/v1${fnPath}`, init);
const anon = { authorization: `Bearer ${ANON_KEY}` };

describe('functions part', () => {
  it('streams method, path, query and body to the function, without /functions/v1', async () => {
    const res = await call('/echo/orders/7?x=1', { method: 'PUT', body: 'hello body' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      method: 'PUT',
      url: 'http://gw.local/echo/orders/7?x=1',
      authorization: null,
      body: 'hello body',
    });
  });

  it('hands the function the JWT a publishable key stands for', async () => {
    const res = await call('/echo', { headers: { apikey: PUBLISHABLE_KEY } });
    expect(((await res.json()) as { authorization: string }).authorization).toBe(`Bearer ${ANON_KEY}`);
  });

  it('gives functions the Supabase variables and project secrets, not the gateway environment', async () => {
    const { env } = (await (await call('/env', { headers: anon })).json()) as {
      env: Record<string, string> & { SUPABASE_SECRET_KEYS: string };
    };
    expect(env).toMatchObject({
      SUPABASE_URL: 'http://127.0.0.1:54321',
      SUPABASE_ANON_KEY: ANON_KEY,
      SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
      SUPABASE_DB_URL: 'postgresql://postgres:postgres@127.0.0.1:1/postgres',
      SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: PUBLISHABLE_KEY }),
      FROM_CONFIG: 'config-value',
      FROM_DOTENV: 'dotenv value',
    });
    expect(JSON.parse(env.SUPABASE_SECRET_KEYS).default).toMatch(/^sb_secret_/);
    for (const leaked of ['PATH', 'HOME', 'PWD']) expect(env).not.toHaveProperty(leaked);
  });

  it('verifies the JWT of functions not declared in config.toml', async () => {
    const res = await call('/env');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const bad = await call('/env', { headers: { authorization: 'Bearer a.b.c' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ msg: 'Invalid JWT' });
  });

  it('accepts the options form of Deno.serve', async () => {
    const res = await call('/options-style');
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('from options');
  });

  it('answers 404 for unknown, disabled and non-function folders', async () => {
    for (const fnPath of ['/nope', '/disabled', '/_shared', '/']) {
      const res = await call(fnPath, { headers: anon });
      expect([fnPath, res.status, await res.text()]).toEqual([fnPath, 404, 'Function not found']);
    }
  });

  it('reports a module that fails to boot as BOOT_ERROR', async () => {
    for (const slug of ['boot-fails', 'never-serves']) {
      const res = await call(`/${slug}`, { headers: anon });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { code: string }).code).toBe('BOOT_ERROR');
    }
  });

  it('reports a handler that throws as WORKER_ERROR and keeps serving others', async () => {
    const res = await call('/handler-throws', { headers: anon });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('WORKER_ERROR');
    expect((await call('/echo')).status).toBe(200);
  });

  it('starts a new Deno host after the previous one died', async () => {
    const { pid } = (await (await call('/env', { headers: anon })).json()) as { pid: number };
    process.kill(pid, 'SIGKILL');
    // The next request either finds the dead port (500) or the already-restarted host: never a hang.
    let next = await call('/env', { headers: anon });
    if (next.status !== 200) next = await call('/env', { headers: anon });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { pid: number }).pid).not.toBe(pid);
  });
});
