import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { type RunningGateway, startGateway } from '../../scripts/stack/gateway/server.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';
import { codeIn, linkIn, mailsTo, waitForMail } from '../support/inbox.ts';
import { anonClient, newEmail, PASSWORD, signedUp } from './auth-helpers.ts';

// Password recovery through the gateway and the stack's mail catcher: /recover, the emailed link
// (GET /verify), the code (POST /verify), and PUT /user with the new password.
const stack = inject('stack');
const appUrl = 'http://127.0.0.1:5999/reset-password';

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: stack.adminDbUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
});

/** What auth-js sends for resetPasswordForEmail, answered raw (status, body, headers). */
async function recoverRaw(apiUrl: string, email: string, redirectTo = appUrl) {
  const response = await fetch(`${apiUrl}/auth/v1/recover?redirect_to=${encodeURIComponent(redirectTo)}`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
    body: JSON.stringify({ email, code_challenge: null, code_challenge_method: null }),
  });
  return { status: response.status, body: (await response.json()) as { code?: string } };
}

/** Follows nothing: the email link's answer is a redirect whose target carries the outcome. */
async function openLink(link: string): Promise<{ status: number; target: URL; fragment: URLSearchParams }> {
  const response = await fetch(link, { redirect: 'manual' });
  const target = new URL(response.headers.get('location') ?? 'about:blank');
  return { status: response.status, target, fragment: new URLSearchParams(target.hash.slice(1)) };
}

describe('POST /recover', () => {
  it('answers 200 {} whether or not the address has an account, and mails only an account', async () => {
    const { email } = await signedUp();
    const nobody = newEmail();
    const known = await recoverRaw(stack.apiUrl, email);
    const unknown = await recoverRaw(stack.apiUrl, nobody);
    expect(known).toEqual({ status: 200, body: {} });
    expect(unknown).toEqual(known);

    const mail = await waitForMail(stack.inboxUrl, email);
    expect(mail.subject).toBe('Reset your Comanda password');
    expect(mail.html).toContain('href="');
    expect(linkIn(mail)).toContain(`redirect_to=${encodeURIComponent(appUrl)}`);
    expect(codeIn(mail)).toMatch(/^\d{6}$/);
    // Given the time the other mail took to arrive, none went to the unknown address.
    expect(await mailsTo(stack.inboxUrl, nobody)).toEqual([]);
  });

  it('limits each address to one mail a minute, known or not, so the limit reveals nothing', async () => {
    const { email } = await signedUp();
    const nobody = newEmail();
    expect((await recoverRaw(stack.apiUrl, email)).status).toBe(200);
    expect((await recoverRaw(stack.apiUrl, nobody)).status).toBe(200);
    const again = await recoverRaw(stack.apiUrl, email);
    const againNobody = await recoverRaw(stack.apiUrl, nobody);
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('over_email_send_rate_limit');
    expect(againNobody.status).toBe(429);
    expect(againNobody.body.code).toBe('over_email_send_rate_limit');
    await waitForMail(stack.inboxUrl, email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(stack.inboxUrl, email)).toHaveLength(1);
  });

  it("writes in the person's language and falls back to the site URL for a foreign redirect", async () => {
    const { email } = await signedUp(anonClient(), { locale: 'fr' });
    await recoverRaw(stack.apiUrl, email, 'https://evil.example/steal');
    const mail = await waitForMail(stack.inboxUrl, email);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Comanda');
    expect(new URL(linkIn(mail)).searchParams.get('redirect_to')).toBe(stack.siteUrl);
  });

  it('refuses a malformed address with a validation error', async () => {
    const answer = await recoverRaw(stack.apiUrl, 'not-an-address');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
  });

  it('works through supabase-js resetPasswordForEmail', async () => {
    const { email } = await signedUp();
    const { data, error } = await anonClient().auth.resetPasswordForEmail(email, { redirectTo: appUrl });
    expect(error).toBeNull();
    expect(data).toEqual({});
    await waitForMail(stack.inboxUrl, email);
  });
});

describe('the emailed link (GET /verify) and code (POST /verify)', () => {
  it('signs in through the link once, with the session in the fragment; the new password then works', async () => {
    const { email, user } = await signedUp();
    await recoverRaw(stack.apiUrl, email);
    const link = linkIn(await waitForMail(stack.inboxUrl, email));

    const { rows } = await admin.query<{ recovery_token: string }>(
      'select recovery_token from auth.users where id = $1',
      [user.id],
    );
    const linkToken = new URL(link).searchParams.get('token');
    // Stored hashed: the database holds neither the link's token nor anything that works as one.
    expect(rows[0]?.recovery_token).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.recovery_token).not.toBe(linkToken);

    const opened = await openLink(link);
    expect(opened.status).toBe(303);
    expect(`${opened.target.origin}${opened.target.pathname}`).toBe(appUrl);
    expect(opened.fragment.get('type')).toBe('recovery');
    expect(opened.fragment.get('token_type')).toBe('bearer');
    const accessToken = opened.fragment.get('access_token') ?? '';
    const refreshToken = opened.fragment.get('refresh_token') ?? '';

    const client = anonClient();
    const { error: setError } = await client.auth.setSession({
      access_token: accessToken,
      refresh_token: refreshToken,
    });
    expect(setError).toBeNull();
    const { error: updateError } = await client.auth.updateUser({ password: 'a-brand-new-password' });
    expect(updateError).toBeNull();

    const old = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await anonClient().auth.signInWithPassword({ email, password: 'a-brand-new-password' });
    expect(fresh.error).toBeNull();

    const reused = await openLink(link);
    expect(reused.status).toBe(303);
    expect(reused.fragment.get('error')).toBe('access_denied');
    expect(reused.fragment.get('error_code')).toBe('otp_expired');
    expect(reused.fragment.get('access_token')).toBeNull();
  });

  it('verifies the typed code once (verifyOtp with email and token)', async () => {
    const { email, user } = await signedUp();
    await recoverRaw(stack.apiUrl, email);
    const code = codeIn(await waitForMail(stack.inboxUrl, email));
    const client = anonClient();
    const first = await client.auth.verifyOtp({ email, token: code, type: 'recovery' });
    expect(first.error).toBeNull();
    expect(first.data.user?.id).toBe(user.id);
    expect(first.data.session?.access_token).toBeTruthy();
    const second = await anonClient().auth.verifyOtp({ email, token: code, type: 'recovery' });
    expect(second.error?.status).toBe(403);
    expect(second.error?.code).toBe('otp_expired');
  });

  it('verifies the token hash (verifyOtp with token_hash), and not for another address', async () => {
    const { email } = await signedUp();
    await recoverRaw(stack.apiUrl, email);
    const mail = await waitForMail(stack.inboxUrl, email);
    const tokenHash = new URL(linkIn(mail)).searchParams.get('token') ?? '';
    const wrongAddress = await anonClient().auth.verifyOtp({
      email: newEmail(),
      token: codeIn(mail),
      type: 'recovery',
    });
    expect(wrongAddress.error?.code).toBe('otp_expired');
    const { data, error } = await anonClient().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it('refuses an expired link, redirecting with the error', async () => {
    const { email, user } = await signedUp();
    await recoverRaw(stack.apiUrl, email);
    const link = linkIn(await waitForMail(stack.inboxUrl, email));
    await admin.query(`update auth.users set recovery_sent_at = now() - interval '61 minutes' where id = $1`, [
      user.id,
    ]);
    const opened = await openLink(link);
    expect(opened.fragment.get('error_code')).toBe('otp_expired');
    expect(opened.fragment.get('error_description')).toBe('Email link is invalid or has expired');
  });

  it('answers bad parameters as GoTrue does', async () => {
    const noType = await fetch(`${stack.apiUrl}/auth/v1/verify?token=abc`);
    expect(noType.status).toBe(400);
    const both = await fetch(`${stack.apiUrl}/auth/v1/verify`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'recovery', token: '123456', token_hash: 'abc' }),
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { error_code?: string }).error_code).toBe('validation_failed');
  });
});

describe('per-client limits (a gateway of its own, so the shared stack keeps its budget)', () => {
  let gateway: RunningGateway;
  let localDir: string;
  beforeAll(async () => {
    localDir = await mkdtemp(path.join(tmpdir(), 'comanda-recovery-'));
    const port = await freePort();
    const cfg = gatewayConfigFor({ adminUrl: stack.adminDbUrl, apiUrl: `http://127.0.0.1:${port}`, localDir });
    cfg.authRateLimits = { signInSignUps: 2, tokenVerifications: 2, burst: 2 };
    gateway = await startGateway(cfg, port, { only: ['auth'] });
  });
  afterAll(async () => {
    await gateway?.close();
    await rm(localDir, { recursive: true, force: true });
  });

  it('refuses recovery requests past the limit for the client address', async () => {
    expect((await recoverRaw(gateway.url, newEmail())).status).toBe(200);
    expect((await recoverRaw(gateway.url, newEmail())).status).toBe(200);
    const third = await recoverRaw(gateway.url, newEmail());
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('over_request_rate_limit');
  });

  it('refuses verifications past the limit, so a six-digit code cannot be guessed', async () => {
    const viaGateway = async () => {
      const response = await fetch(`${gateway.url}/auth/v1/verify`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'recovery', email: 'someone@example.com', token: '000000' }),
      });
      return { status: response.status, code: ((await response.json()) as { error_code?: string }).error_code };
    };
    expect(await viaGateway()).toEqual({ status: 403, code: 'otp_expired' });
    expect(await viaGateway()).toEqual({ status: 403, code: 'otp_expired' });
    expect(await viaGateway()).toEqual({ status: 429, code: 'over_request_rate_limit' });
  });
});
