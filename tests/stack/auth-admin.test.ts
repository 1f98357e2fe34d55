import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, clientWithToken, newEmail, PASSWORD, serviceClient, signedUp } from './auth-helpers.ts';

// Whole-stack tests of /auth/v1 admin API and input hardening through the unmodified supabase-js client: real Postgres rows in
// auth.*, the gateway started by tests/support/global-setup.ts.
const stack = inject('stack');

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: stack.adminDbUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
});

describe('admin users API', () => {
  it('creates, lists, reads, updates and deletes users with the service role', async () => {
    const api = serviceClient().auth.admin;
    const email = newEmail();
    const created = await api.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { name: 'Chef' },
      app_metadata: { restaurant_id: 'r1' },
    });
    expect(created.error).toBeNull();
    const id = created.data.user?.id ?? '';
    expect(created.data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'], restaurant_id: 'r1' });
    expect(created.data.user?.email_confirmed_at).toBeTruthy();
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();

    const dup = await api.createUser({ email, password: PASSWORD });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe('email_exists');

    await api.createUser({ email: newEmail(), password: PASSWORD });
    const page = await api.listUsers({ page: 1, perPage: 1 });
    if (page.error) throw page.error;
    expect(page.data.users).toHaveLength(1);
    expect(page.data.aud).toBe('authenticated');
    expect(page.data.total).toBeGreaterThanOrEqual(2);
    expect(page.data.nextPage).toBe(2);

    const got = await api.getUserById(id);
    expect(got.data.user?.email).toBe(email);

    const upd = await api.updateUserById(id, {
      app_metadata: { restaurant_id: null, role: 'owner' },
      user_metadata: { shift: 'late' },
    });
    expect(upd.error).toBeNull();
    expect(upd.data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'], role: 'owner' });
    expect(upd.data.user?.user_metadata).toMatchObject({ name: 'Chef', shift: 'late' });

    const del = await api.deleteUser(id);
    expect(del.error).toBeNull();
    const after = await api.getUserById(id);
    expect(after.error?.status).toBe(404);
    expect(after.error?.code).toBe('user_not_found');
  });

  it('sends exactly GoTrue Link and X-Total-Count headers', async () => {
    const res = await fetch(`${stack.apiUrl}/auth/v1/admin/users?page=1&per_page=1`, {
      headers: { apikey: stack.serviceRoleKey, Authorization: `Bearer ${stack.serviceRoleKey}` },
    });
    expect(res.status).toBe(200);
    const total = Number(res.headers.get('x-total-count'));
    expect(total).toBeGreaterThan(1);
    expect(res.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=1>; rel="next", </admin/users?page=${total}&per_page=1>; rel="last"`,
    );
  });

  it('refuses the anon key and a user token with 403 not_admin', async () => {
    const asAnon = await anonClient().auth.admin.listUsers();
    expect(asAnon.error?.status).toBe(403);
    expect(asAnon.error?.code).toBe('not_admin');

    const { session } = await signedUp();
    const asUser = await clientWithToken(session.access_token).auth.admin.createUser({ email: newEmail() });
    expect(asUser.error?.code).toBe('not_admin');
  });
});

describe('bad input', () => {
  const url = (p: string) => `${stack.apiUrl}/auth/v1${p}`;
  const jsonHeaders = {
    apikey: stack.anonKey,
    'Content-Type': 'application/json',
    'X-Supabase-Api-Version': '2024-01-01',
  };
  it('answers malformed, mistyped, oversized and non-JSON bodies with 4xx and writes nothing', async () => {
    // Other test files share the stack, so "nothing written" is checked for the emails used here.
    const emails = [newEmail(), newEmail(), newEmail(), newEmail()];
    const cases: Array<[RequestInit, number, string]> = [
      [{ body: '{"email":', headers: jsonHeaders }, 400, 'bad_json'],
      [{ body: '[1,2]', headers: jsonHeaders }, 400, 'bad_json'],
      [{ body: JSON.stringify({ email: 42, password: PASSWORD }), headers: jsonHeaders }, 400, 'bad_json'],
      [
        {
          body: `email=${emails[0]}&password=${PASSWORD}`,
          headers: { ...jsonHeaders, 'Content-Type': 'application/x-www-form-urlencoded' },
        },
        400,
        'bad_json',
      ],
      [
        {
          body: JSON.stringify({ email: emails[1], password: PASSWORD, data: { pad: 'x'.repeat(1_100_000) } }),
          headers: jsonHeaders,
        },
        413,
        'request_entity_too_large',
      ],
      [
        { body: JSON.stringify({ email: 'not-an-email', password: PASSWORD }), headers: jsonHeaders },
        400,
        'validation_failed',
      ],
      [{ body: JSON.stringify({ email: emails[2] }), headers: jsonHeaders }, 400, 'validation_failed'],
      [{ body: JSON.stringify({ email: emails[3], password: 12345678 }), headers: jsonHeaders }, 400, 'bad_json'],
    ];
    for (const [init, status, code] of cases) {
      const res = await fetch(url('/signup'), { method: 'POST', ...init });
      expect(res.status, String(init.body).slice(0, 40)).toBe(status);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    const { rowCount } = await admin.query('select 1 from auth.users where email = any($1)', [emails]);
    expect(rowCount).toBe(0);
  });

  it('answers a non-UUID admin id with 404, and garbage keys and bearers with 401/403', async () => {
    const service = { apikey: stack.serviceRoleKey, Authorization: `Bearer ${stack.serviceRoleKey}` };
    const notUuid = await fetch(url('/admin/users/not-a-uuid'), { headers: service });
    expect(notUuid.status).toBe(404);

    const noKey = await fetch(url('/user'));
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { message: string }).message).toBe('No API key found in request');
    const badKey = await fetch(url('/user'), { headers: { apikey: 'garbage' } });
    expect(badKey.status).toBe(401);
    expect(((await badKey.json()) as { message: string }).message).toBe('Invalid API key');

    const badBearer = await fetch(url('/user'), { headers: { ...jsonHeaders, Authorization: 'Bearer garbage' } });
    expect(badBearer.status).toBe(403);
    expect(await badBearer.json()).toMatchObject({ code: 'bad_jwt' });
    const anonBearer = await anonClient().auth.getUser(stack.anonKey);
    expect(anonBearer.error?.status).toBe(403);
  });

  it('uses the legacy error shape without the API version header', async () => {
    const res = await fetch(url('/token?grant_type=password'), {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: newEmail(), password: 'whatever-it-is' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBeNull();
    expect(await res.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
    const health = await fetch(url('/health'));
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
  });
});
