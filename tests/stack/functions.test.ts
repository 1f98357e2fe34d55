import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { signJwt } from '../../scripts/stack/gateway/jwt.ts';
import { keyClient } from '../support/clients.ts';

const stack = inject('stack');

const client = (key: string): SupabaseClient => keyClient(stack.apiUrl, key);

/** The body of a non-2xx answer, which functions-js hands over as the error's Response. */
async function failure(error: unknown): Promise<{ status: number; body: string }> {
  expect(error).toBeInstanceOf(FunctionsHttpError);
  const res = (error as FunctionsHttpError).context as Response;
  return { status: res.status, body: await res.text() };
}

describe('Edge Functions: table-qr (verify_jwt = false)', () => {
  it('returns the QR code of a guest URL as SVG', async () => {
    const guestUrl = 'http://127.0.0.1:5173/t/table-7';
    const { data, error } = await client(stack.anonKey).functions.invoke(
      `table-qr?url=${encodeURIComponent(guestUrl)}`,
      { method: 'GET' },
    );
    expect(error).toBeNull();
    expect(data).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it('runs without any Authorization header', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/table-qr?url=${encodeURIComponent('https://x.example/t/1')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('refuses a URL that is not http(s) with a 400 and a stable code', async () => {
    const { data, error } = await client(stack.publishableKey).functions.invoke(
      `table-qr?url=${encodeURIComponent('javascript:alert(1)')}`,
      { method: 'GET' },
    );
    expect(data).toBeNull();
    const { status, body } = await failure(error);
    expect(status).toBe(400);
    expect(JSON.parse(body)).toEqual({ error: { code: 'invalid_url', message: 'url must use http or https' } });
  });
});

describe('Edge Functions: whoami (verify_jwt = true)', () => {
  it('sees the anon role for the anon key', async () => {
    const { data, error } = await client(stack.anonKey).functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toEqual({ role: 'anon', user_id: null, is_anonymous: false });
  });

  it('translates a publishable key (sent without Authorization) to the anon role', async () => {
    const { data, error } = await client(stack.publishableKey).functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ role: 'anon', user_id: null });
  });

  it('translates a secret key to the service_role', async () => {
    const { data, error } = await client(stack.secretKey).functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ role: 'service_role', user_id: null });
  });

  it('answers for a signed-in user, checked with Auth from inside the function', async () => {
    const supabase = client(stack.anonKey);
    const { data: signUp, error: signUpError } = await supabase.auth.signUp({
      email: `whoami-${crypto.randomUUID()}@example.com`,
      password: 'correct-horse-battery',
    });
    expect(signUpError).toBeNull();
    const { data, error } = await supabase.functions.invoke('whoami', { body: { ping: true } });
    expect(error).toBeNull();
    expect(data).toEqual({ role: 'authenticated', user_id: signUp.user?.id, is_anonymous: false });
  });

  it('refuses a request without Authorization', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/whoami`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ msg: 'Error: Missing authorization header' });
  });

  it('refuses a JWT signed with another secret', async () => {
    const forged = await signJwt(
      { role: 'service_role', exp: Math.floor(Date.now() / 1000) + 3600 },
      'not-the-project-secret-but-long-enough-to-sign',
    );
    const { error } = await client(stack.anonKey).functions.invoke('whoami', {
      headers: { Authorization: `Bearer ${forged}` },
    });
    expect(await failure(error)).toEqual({ status: 401, body: JSON.stringify({ msg: 'Invalid JWT' }) });
  });

  it('lets a CORS preflight through without a JWT', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/whoami`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, x-client-info, apikey, content-type',
      },
    });
    expect(res.ok).toBe(true);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Edge Functions: routing', () => {
  it('answers 404 "Function not found" for an unknown function', async () => {
    const { error } = await client(stack.anonKey).functions.invoke('no-such-function');
    expect(await failure(error)).toEqual({ status: 404, body: 'Function not found' });
  });
});
