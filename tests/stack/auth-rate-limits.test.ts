import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { GOTRUE_RATE_LIMITS } from '../../scripts/stack/gateway/auth/rate-limit-settings.ts';
import { type RunningGateway, startGateway } from '../../scripts/stack/gateway/server.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';

// The auth limits on a gateway of their own (the shared stack raises its limits for the suite), with
// hosted's windows and a clock the test moves, so "after the window" needs no waiting.
const stack = inject('stack');
const PASSWORD = 'correct-horse-battery';
const WINDOW_MS = GOTRUE_RATE_LIMITS.windowSeconds * 1000;
const LONG_WINDOW_MS = GOTRUE_RATE_LIMITS.longWindowSeconds * 1000;

let gateway: RunningGateway;
let localDir: string;
let now = Date.now();

beforeAll(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), 'comanda-rate-limits-'));
  const port = await freePort();
  const cfg = gatewayConfigFor({ adminUrl: stack.adminDbUrl, apiUrl: `http://127.0.0.1:${port}`, localDir });
  cfg.authRateLimits = {
    signInSignUps: 2,
    anonymousUsers: 2,
    tokenRefresh: 3,
    tokenVerifications: 2,
    emailSent: 2,
    burst: 2,
    wrongPasswordsBeforePause: 3,
    pauseSeconds: 10,
    maxPauseSeconds: 40,
  };
  cfg.rateLimitClock = () => now;
  gateway = await startGateway(cfg, port, { only: ['auth'] });
});
afterAll(async () => {
  await gateway?.close();
  await rm(localDir, { recursive: true, force: true });
});

/**
 * A client at its own address: the gateway takes the last X-Forwarded-For hop from a proxy on this
 * machine, as the app server adds it on the LAN, so each test spends a bucket of its own.
 */
function clientAt(address: string): SupabaseClient {
  return createClient(gateway.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'X-Forwarded-For': address } },
  });
}
const newAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;
const newEmail = () => `limits-${randomUUID()}@example.com`;

const REFUSED = { status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' };
const refusal = (error: { status?: number; code?: string; message: string } | null) =>
  error && { status: error.status, code: error.code, message: error.message };

async function signUp(client: SupabaseClient, email = newEmail()) {
  const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
  return { email, session: data.session, error: refusal(error) };
}

describe('per-IP buckets (a bucket of `burst`, refilled at the limit per window)', () => {
  it('refuses sign-ups past the bucket with GoTrue body, per address, and refills over the window', async () => {
    const address = newAddress();
    const client = clientAt(address);
    expect((await signUp(client)).error).toBeNull();
    expect((await signUp(client)).error).toBeNull();
    expect((await signUp(client)).error).toEqual(REFUSED);

    // The body without an API version header, as GoTrue renders it.
    const raw = await fetch(`${gateway.url}/auth/v1/signup`, {
      method: 'POST',
      // A hop the client wrote itself comes first and is ignored: the bucket is the proxy's last hop.
      headers: {
        apikey: stack.anonKey,
        'content-type': 'application/json',
        'x-forwarded-for': `198.51.100.7, ${address}`,
      },
      body: JSON.stringify({ email: newEmail(), password: PASSWORD }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('x-sb-error-code')).toBe('over_request_rate_limit');
    expect(await raw.json()).toEqual({
      code: 429,
      error_code: 'over_request_rate_limit',
      msg: 'Request rate limit reached',
    });

    // Another address has its own bucket.
    expect((await signUp(clientAt(newAddress()))).error).toBeNull();

    // Half a window brings back one sign-up (2 per window), a whole one the full bucket.
    now += WINDOW_MS / 2;
    expect((await signUp(client)).error).toBeNull();
    expect((await signUp(client)).error).toEqual(REFUSED);
    now += WINDOW_MS;
    expect((await signUp(client)).error).toBeNull();
    expect((await signUp(client)).error).toBeNull();
    expect((await signUp(client)).error).toEqual(REFUSED);
  });

  it('counts anonymous sign-ins in a bucket of their own, refilled per hour', async () => {
    const client = clientAt(newAddress());
    const anonymous = async () => refusal((await client.auth.signInAnonymously()).error);
    expect(await anonymous()).toBeNull();
    expect(await anonymous()).toBeNull();
    expect(await anonymous()).toEqual(REFUSED);
    // Email sign-ups from the same address are another bucket.
    expect((await signUp(client)).error).toBeNull();
    now += WINDOW_MS;
    expect(await anonymous()).toEqual(REFUSED);
    now += LONG_WINDOW_MS;
    expect(await anonymous()).toBeNull();
  });

  it('takes password sign-ins and refreshes from one token bucket', async () => {
    const address = newAddress();
    const client = clientAt(address);
    const { email } = await signUp(clientAt(newAddress()));
    const signIn = () => client.auth.signInWithPassword({ email, password: PASSWORD });
    expect((await signIn()).error).toBeNull();
    const { data, error } = await signIn();
    expect(error).toBeNull();
    // A client of its own per refresh: auth-js remembers a failed refresh and would not ask again.
    const refresh = () => clientAt(address).auth.refreshSession({ refresh_token: data.session?.refresh_token ?? '' });
    expect(refusal((await refresh()).error)).toEqual(REFUSED);
    now += WINDOW_MS;
    const again = await refresh();
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toMatch(/^[a-z0-9]{12}$/);
  });

  it('refuses verifications past the bucket, before a code is looked at', async () => {
    const client = clientAt(newAddress());
    const verify = async () =>
      refusal((await client.auth.verifyOtp({ email: newEmail(), token: '000000', type: 'recovery' })).error);
    const expired = { status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' };
    expect(await verify()).toEqual(expired);
    expect(await verify()).toEqual(expired);
    expect(await verify()).toEqual(REFUSED);
    now += WINDOW_MS;
    expect(await verify()).toEqual(expired);
  });
});

describe('emails sent (`email_sent` per hour, the whole project)', () => {
  it('refuses recovery mail past the project budget from any address, known account or not', async () => {
    const { email } = await signUp(clientAt(newAddress()));
    const recover = async (address: string, to: string) =>
      refusal((await clientAt(address).auth.resetPasswordForEmail(to)).error);
    // Each from an address and to an email of its own: only the project budget is shared.
    expect(await recover(newAddress(), email)).toBeNull();
    expect(await recover(newAddress(), newEmail())).toBeNull();
    const spent = { status: 429, code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' };
    expect(await recover(newAddress(), newEmail())).toEqual(spent);
    now += LONG_WINDOW_MS;
    expect(await recover(newAddress(), newEmail())).toBeNull();
  });
});

describe('wrong passwords for one account', () => {
  it('pause the account after a few, right password included, from any address, doubling each time', async () => {
    const { email } = await signUp(clientAt(newAddress()));
    const attempt = async (password: string) =>
      refusal((await clientAt(newAddress()).auth.signInWithPassword({ email, password })).error);
    const wrong = { status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' };
    for (let i = 0; i < 3; i++) expect(await attempt('not-the-password')).toEqual(wrong);
    expect(await attempt(PASSWORD)).toEqual(REFUSED);

    now += 10_000; // the first pause is over; one more wrong password pauses twice as long
    expect(await attempt('not-the-password')).toEqual(wrong);
    now += 10_000;
    expect(await attempt(PASSWORD)).toEqual(REFUSED);
    now += 10_000;
    expect(await attempt(PASSWORD)).toBeNull();
    // The right password cleared the count.
    expect(await attempt('not-the-password')).toEqual(wrong);
    expect(await attempt(PASSWORD)).toBeNull();
  });

  it('answer an address without an account exactly the same, so the pause tells nothing', async () => {
    const email = newEmail();
    const attempt = async () =>
      refusal((await clientAt(newAddress()).auth.signInWithPassword({ email, password: 'whatever-it-is' })).error);
    const wrong = { status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' };
    for (let i = 0; i < 3; i++) expect(await attempt()).toEqual(wrong);
    expect(await attempt()).toEqual(REFUSED);
  });
});
