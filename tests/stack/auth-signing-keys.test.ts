import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { jwtKeysFrom, signJwt } from '../../scripts/stack/gateway/jwt.ts';
import { checkRealtimeToken } from '../../scripts/stack/gateway/realtime/tokens.ts';
import { type RunningGateway, startGateway } from '../../scripts/stack/gateway/server.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';

// Gateways of their own over the suite's database, each with a supabase/ folder whose config.toml
// sets `[auth] signing_keys_path` as the Supabase CLI reads it: one ES256 project, one RS256 project.
const stack = inject('stack');

type Alg = 'ES256' | 'RS256';

function privateJwk(alg: Alg, kid: string) {
  const { privateKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  // The shape `supabase gen signing-key` writes.
  return { ...privateKey.export({ format: 'jwk' }), kid, alg, use: 'sig', key_ops: ['sign', 'verify'], ext: true };
}

interface Project {
  gateway: RunningGateway;
  dir: string;
  jwk: ReturnType<typeof privateJwk>;
  /** Requests the clients of this project sent, as `METHOD path`. */
  requests: string[];
  client: () => SupabaseClient;
}

async function startProject(alg: Alg): Promise<Project> {
  const dir = await mkdtemp(path.join(tmpdir(), `comanda-signing-${alg}-`));
  const jwk = privateJwk(alg, randomUUID());
  await writeFile(path.join(dir, 'signing_keys.json'), JSON.stringify([jwk]));
  await writeFile(path.join(dir, 'config.toml'), '[auth]\nsigning_keys_path = "./signing_keys.json"\n');
  // One function behind verify_jwt (the default), answering with the bearer's role.
  await mkdir(path.join(dir, 'functions', 'whoami'), { recursive: true });
  await writeFile(
    path.join(dir, 'functions', 'whoami', 'index.ts'),
    `Deno.serve((req) => Response.json({ role: JSON.parse(atob((req.headers.get('authorization') ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).role }));`,
  );
  const port = await freePort();
  const cfg = gatewayConfigFor({
    adminUrl: stack.adminDbUrl,
    apiUrl: `http://127.0.0.1:${port}`,
    localDir: dir,
    supabaseDir: dir,
  });
  cfg.authRateLimits = { signInSignUps: 1000, burst: 1000 };
  const gateway = await startGateway(cfg, port, { only: ['auth', 'rest', 'storage', 'functions'] });
  const requests: string[] = [];
  const client = () =>
    createClient(gateway.url, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: {
        fetch: (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
          return fetch(input, init);
        },
      },
    });
  return { gateway, dir, jwk, requests, client };
}

const projects: Partial<Record<Alg, Project>> = {};
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());

beforeAll(async () => {
  projects.ES256 = await startProject('ES256');
  projects.RS256 = await startProject('RS256');
});
afterAll(async () => {
  for (const p of Object.values(projects)) {
    await p.gateway.close();
    await rm(p.dir, { recursive: true, force: true });
  }
});

/** A confirmed account made with the legacy HS256 service_role key, signed in with its password. */
async function signedIn(project: Project) {
  const email = `signing-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const admin = createClient(project.gateway.url, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  expect(created.error).toBeNull();
  const client = project.client();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { client, userId: created.data.user?.id as string, token: data.session?.access_token as string };
}

describe.each(['ES256', 'RS256'] as const)('auth: %s signing keys', (alg) => {
  const project = () => projects[alg] as Project;

  it('publishes the public key at /auth/v1/.well-known/jwks.json, open like the CLI route', async () => {
    const res = await fetch(`${project().gateway.url}/auth/v1/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, key_ops: _ops, ext: _ext, ...pub } = project().jwk;
    expect(await res.json()).toEqual({ keys: [{ ...pub, key_ops: ['verify'] }] });
  });

  it('signs access tokens with the key and getClaims verifies them locally', async () => {
    const { client, userId, token } = await signedIn(project());
    expect(headerOf(token)).toEqual({ alg, kid: project().jwk.kid, typ: 'JWT' });

    project().requests.length = 0;
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.header).toEqual({ alg, kid: project().jwk.kid, typ: 'JWT' });
    expect(data?.claims).toMatchObject({ sub: userId, role: 'authenticated', aud: 'authenticated' });
    // Locally: the JWKS was fetched, the user endpoint never asked.
    expect(project().requests).toEqual(['GET /auth/v1/.well-known/jwks.json']);

    expect((await client.auth.getUser()).data.user?.id).toBe(userId);
  });

  it('REST, Storage, Functions and Realtime accept the asymmetric token and the legacy HS256 keys alike', async () => {
    const { client, token } = await signedIn(project());
    const rest = await client.from('restaurants').select('id').limit(1);
    expect(rest.error).toBeNull();
    expect(rest.status).toBe(200);
    // The legacy anon key is accepted (the role switch happens): anon simply has no grant there.
    const anonRest = await project().client().from('restaurants').select('id').limit(1);
    expect(anonRest.error).toMatchObject({ code: '42501', message: 'permission denied for table restaurants' });

    const buckets = await client.storage.listBuckets();
    expect(buckets.error).toBeNull();
    expect(Array.isArray(buckets.data)).toBe(true);

    expect(await client.functions.invoke('whoami')).toMatchObject({ data: { role: 'authenticated' }, error: null });
    expect(await project().client().functions.invoke('whoami')).toMatchObject({ data: { role: 'anon' }, error: null });

    const keys = jwtKeysFrom(stack.jwtSecret, [project().jwk], 'signing_keys.json');
    expect(await checkRealtimeToken(token, keys)).toMatchObject({ ok: true, claims: { role: 'authenticated' } });
    expect(await checkRealtimeToken(stack.anonKey, keys)).toMatchObject({ ok: true, claims: { role: 'anon' } });
  });

  it('refuses a token signed by another key under the same kid, with each service’s own error', async () => {
    const stranger = jwtKeysFrom(stack.jwtSecret, [privateJwk(alg, project().jwk.kid)], 'stranger.json');
    const now = Math.floor(Date.now() / 1000);
    const forged = await signJwt({ sub: randomUUID(), role: 'service_role', iat: now, exp: now + 60 }, stranger);
    const headers = { apikey: stack.anonKey, authorization: `Bearer ${forged}` };

    const rest = await fetch(`${project().gateway.url}/rest/v1/restaurants?select=id`, { headers });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({ code: 'PGRST301' });

    const user = await fetch(`${project().gateway.url}/auth/v1/user`, { headers });
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ error_code: 'bad_jwt' });

    const fn = await fetch(`${project().gateway.url}/functions/v1/whoami`, { headers });
    expect(fn.status).toBe(401);
    expect(await fn.json()).toEqual({ msg: 'Invalid JWT' });

    const storage = await fetch(`${project().gateway.url}/storage/v1/bucket`, { headers });
    expect(storage.status).toBe(400);
    expect(await storage.json()).toEqual({
      statusCode: '403',
      code: 'AccessDenied',
      error: 'Unauthorized',
      message: 'signature verification failed',
    });
  });
});
