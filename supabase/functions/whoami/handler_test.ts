import assert from 'node:assert/strict';
import { decodeClaims, whoamiHandler } from './handler.ts';

// The Supabase CLI's well-known local anon / service_role keys.
const ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
const SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

// Never reached: API keys are answered from their claims alone.
const handler = whoamiHandler({ supabaseUrl: 'http://127.0.0.1:9', anonKey: ANON_KEY });
const call = (authorization?: string) =>
  handler(new Request('http://fn.local/whoami', { headers: authorization ? { Authorization: authorization } : {} }));

Deno.test('decodes base64url claims', () => {
  assert.deepEqual(decodeClaims(ANON_KEY), { iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
  assert.equal(decodeClaims('not-a-jwt'), null);
});

Deno.test('anon and service_role keys answer from their claims', async () => {
  assert.deepEqual(await (await call(`Bearer ${ANON_KEY}`)).json(), {
    role: 'anon',
    user_id: null,
    is_anonymous: false,
  });
  assert.deepEqual(await (await call(`Bearer ${SERVICE_ROLE_KEY}`)).json(), {
    role: 'service_role',
    user_id: null,
    is_anonymous: false,
  });
});

Deno.test('no bearer is refused', async () => {
  const res = await call();
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'invalid_token');
});
