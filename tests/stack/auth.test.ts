import { randomUUID } from 'node:crypto';
import { AuthWeakPasswordError } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, claimsOf, clientWithToken, newEmail, PASSWORD, signedUp } from './auth-helpers.ts';

// Whole-stack tests of /auth/v1 through the unmodified supabase-js client: real Postgres rows in
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

describe('sign-up and sign-in', () => {
  it('signs up with email and password and returns a session with GoTrue claims', async () => {
    const { email, session, user } = await signedUp(anonClient(), { display_name: 'Ada' });
    expect(user.email).toBe(email);
    expect(user.aud).toBe('authenticated');
    expect(user.role).toBe('authenticated');
    expect(user.phone).toBe('');
    expect(user.is_anonymous).toBe(false);
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(user.user_metadata).toMatchObject({ display_name: 'Ada', email_verified: true });
    expect(user.identities?.[0]).toMatchObject({ id: user.id, user_id: user.id, provider: 'email' });
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.refresh_token).toMatch(/^[a-z0-9]{12}$/);

    const claims = claimsOf(session.access_token);
    expect(claims).toMatchObject({
      iss: `${stack.apiUrl}/auth/v1`,
      aud: 'authenticated',
      sub: user.id,
      email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);

    const { rows } = await admin.query('select encrypted_password from auth.users where id = $1', [user.id]);
    expect(rows[0].encrypted_password).toMatch(/^\$2[ab]\$/);
  });

  it('signs in with the password, and refuses a wrong one with invalid_credentials', async () => {
    const { email, user } = await signedUp();
    const client = anonClient();
    const ok = await client.auth.signInWithPassword({ email: email.toUpperCase(), password: PASSWORD });
    expect(ok.error).toBeNull();
    expect(ok.data.user?.id).toBe(user.id);
    expect(ok.data.session?.access_token).toBeTruthy();

    const bad = await anonClient().auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(bad.error?.status).toBe(400);
    expect(bad.error?.code).toBe('invalid_credentials');
    expect(bad.error?.message).toBe('Invalid login credentials');

    const unknown = await anonClient().auth.signInWithPassword({ email: newEmail(), password: PASSWORD });
    expect(unknown.error?.code).toBe('invalid_credentials');
  });

  it('refuses a second sign-up with the same email (422 user_already_exists)', async () => {
    const { email } = await signedUp();
    const { error } = await anonClient().auth.signUp({ email, password: PASSWORD });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('user_already_exists');
    expect(error?.message).toBe('User already registered');
  });

  it('refuses a weak password with reasons, and writes nothing', async () => {
    const email = newEmail();
    const { error } = await anonClient().auth.signUp({ email, password: '123' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('weak_password');
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
    const { rowCount } = await admin.query('select 1 from auth.users where email = $1', [email]);
    expect(rowCount).toBe(0);
  });

  it('refuses addresses no mail can reach as hosted GoTrue does (400 email_address_invalid), writing nothing', async () => {
    for (const email of ['a@b', 'someone@localhost', 'someone@printer.local']) {
      const { error } = await anonClient().auth.signUp({ email, password: PASSWORD });
      expect({ status: error?.status, code: error?.code, message: error?.message }).toEqual({
        status: 400,
        code: 'email_address_invalid',
        message: `Email address "${email}" is invalid`,
      });
      const { rowCount } = await admin.query('select 1 from auth.users where email = $1', [email]);
      expect(rowCount).toBe(0);
    }
    // Not an address at all is GoTrue's format check, as before.
    const { error } = await anonClient().auth.signUp({ email: 'a@', password: PASSWORD });
    expect({ status: error?.status, code: error?.code, message: error?.message }).toEqual({
      status: 400,
      code: 'validation_failed',
      message: 'Unable to validate email address: invalid format',
    });
  });

  it('signs in anonymously with is_anonymous in the user and the token', async () => {
    const { data, error } = await anonClient().auth.signInAnonymously({ options: { data: { table: 7 } } });
    expect(error).toBeNull();
    expect(data.user?.is_anonymous).toBe(true);
    expect(data.user?.email).toBe('');
    expect(data.user?.app_metadata).toEqual({});
    expect(data.user?.user_metadata).toEqual({ table: 7 });
    const claims = claimsOf(data.session?.access_token ?? '');
    expect(claims.is_anonymous).toBe(true);
    expect(claims.role).toBe('authenticated');
    expect(claims.amr).toEqual([{ method: 'anonymous', timestamp: expect.any(Number) }]);
  });

  it('fires app triggers on auth.users with the sign-up metadata', async () => {
    const table = `auth_test_profiles_${randomUUID().replaceAll('-', '')}`;
    const owner = new pg.Client({ connectionString: stack.dbUrl });
    await owner.connect();
    try {
      await owner.query(`
        create table public.${table} (id uuid primary key, display_name text);
        create function public.${table}_on_signup() returns trigger language plpgsql security definer
          set search_path = '' as $$
        begin
          insert into public.${table} (id, display_name) values (new.id, new.raw_user_meta_data ->> 'display_name');
          return new;
        end $$;
        create trigger ${table}_on_signup after insert on auth.users
          for each row execute function public.${table}_on_signup();`);
      const { user } = await signedUp(anonClient(), { display_name: 'Grace' });
      const { rows } = await owner.query(`select display_name from public.${table} where id = $1`, [user.id]);
      expect(rows).toEqual([{ display_name: 'Grace' }]);
    } finally {
      await owner.query(`drop trigger if exists ${table}_on_signup on auth.users;
        drop function if exists public.${table}_on_signup(); drop table if exists public.${table};`);
      await owner.end();
    }
  });
});

describe('the signed-in user', () => {
  it('reads the user and merges metadata updates, null deleting a key', async () => {
    const { client, user } = await signedUp(anonClient(), { a: 1, b: 2 });
    const got = await client.auth.getUser();
    expect(got.error).toBeNull();
    expect(got.data.user?.id).toBe(user.id);

    const upd = await client.auth.updateUser({ data: { b: null, c: 3 } });
    expect(upd.error).toBeNull();
    expect(upd.data.user?.user_metadata).toEqual({ a: 1, c: 3, email_verified: true });
    const { rows } = await admin.query('select raw_user_meta_data from auth.users where id = $1', [user.id]);
    expect(rows[0].raw_user_meta_data).toEqual({ a: 1, c: 3, email_verified: true });
  });

  it('changes the password; the new one signs in, the old one no longer does', async () => {
    const { email, session } = await signedUp();
    const client = anonClient();
    await client.auth.setSession(session);
    const { error } = await client.auth.updateUser({ password: 'a-brand-new-secret' });
    expect(error).toBeNull();
    const same = await client.auth.updateUser({ password: 'a-brand-new-secret' });
    expect(same.error?.code).toBe('same_password');

    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe(
      'invalid_credentials',
    );
    const fresh = await anonClient().auth.signInWithPassword({ email, password: 'a-brand-new-secret' });
    expect(fresh.error).toBeNull();
  });

  it('turns an anonymous user into an email user on email change', async () => {
    const client = anonClient();
    const { data } = await client.auth.signInAnonymously();
    const email = newEmail();
    const upd = await client.auth.updateUser({ email, password: PASSWORD });
    expect(upd.error).toBeNull();
    expect(upd.data.user).toMatchObject({ id: data.user?.id, email, is_anonymous: false });
    const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
  });

  it('refuses app_metadata from a user with 403 not_admin', async () => {
    const { session } = await signedUp();
    const res = await fetch(`${stack.apiUrl}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: stack.anonKey,
        Authorization: `Bearer ${session.access_token}`,
        'Content-Type': 'application/json',
        'X-Supabase-Api-Version': '2024-01-01',
      },
      body: JSON.stringify({ app_metadata: { role: 'owner' } }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-sb-error-code')).toBe('not_admin');
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await res.json()).toEqual({ code: 'not_admin', message: 'Updating app_metadata requires admin privileges' });
  });
});

/** Pretends the reuse interval has passed for every revoked token of a session (no sleeping). */
async function ageRevokedTokens(sessionId: string) {
  await admin.query(
    `update auth.refresh_tokens set updated_at = updated_at - interval '1 minute'
     where session_id = $1 and revoked`,
    [sessionId],
  );
}

describe('refresh tokens', () => {
  it('rotates: new tokens, same session, parent re-presented gets the active token', async () => {
    const { client, session } = await signedUp();
    const first = session.refresh_token;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const second = data.session?.refresh_token ?? '';
    expect(second).toMatch(/^[a-z0-9]{12}$/);
    expect(second).not.toBe(first);
    const sessionId = claimsOf(session.access_token).session_id;
    expect(claimsOf(data.session?.access_token ?? '').session_id).toBe(sessionId);

    // A client that lost the refresh response retries with the parent: it gets the active token back.
    const retry = await anonClient().auth.refreshSession({ refresh_token: first });
    expect(retry.error).toBeNull();
    expect(retry.data.session?.refresh_token).toBe(second);
  });

  it('detects reuse after the interval and ends the whole session, newest token included', async () => {
    const { client, session } = await signedUp();
    const sessionId = String(claimsOf(session.access_token).session_id);
    const first = session.refresh_token;
    const r2 = await client.auth.refreshSession();
    const r3 = await client.auth.refreshSession();
    expect(r3.error).toBeNull();
    const second = r2.data.session?.refresh_token ?? '';
    const newest = r3.data.session?.refresh_token ?? '';
    await ageRevokedTokens(sessionId);

    // `first` is no longer the parent of the active token, and its interval is over.
    const reused = await anonClient().auth.refreshSession({ refresh_token: first });
    expect(reused.error?.status).toBe(400);
    expect(reused.error?.code).toBe('refresh_token_already_used');
    expect(reused.error?.message).toBe('Invalid Refresh Token: Already Used');
    const { rows } = await admin.query(
      'select (select count(*)::int from auth.refresh_tokens where session_id = $1) as tokens, ' +
        '(select count(*)::int from auth.sessions where id = $1) as sessions',
      [sessionId],
    );
    expect(rows[0]).toEqual({ tokens: 0, sessions: 0 });

    // No waiting: the newest token, still inside its reuse interval, is refused at once, as is
    // every other token of the family and the session's access token.
    const notFound = {
      status: 400,
      code: 'refresh_token_not_found',
      message: 'Invalid Refresh Token: Refresh Token Not Found',
    };
    for (const token of [newest, second, first]) {
      const { error } = await anonClient().auth.refreshSession({ refresh_token: token });
      expect({ status: error?.status, code: error?.code, message: error?.message }).toEqual(notFound);
    }
    const user = await fetch(`${stack.apiUrl}/auth/v1/user`, {
      headers: { apikey: stack.anonKey, Authorization: `Bearer ${r3.data.session?.access_token}` },
    });
    expect(user.status).toBe(403);
    expect(await user.json()).toEqual({
      code: 403,
      error_code: 'session_not_found',
      msg: 'Session from session_id claim in JWT does not exist',
    });
  });

  it('answers unknown and malformed refresh tokens with GoTrue codes', async () => {
    const unknown = await anonClient().auth.refreshSession({ refresh_token: 'abcdefghijkl' });
    expect(unknown.error?.code).toBe('refresh_token_not_found');
    const malformed = await anonClient().auth.refreshSession({ refresh_token: 'short' });
    expect(malformed.error?.code).toBe('validation_failed');
  });
});

describe('logout', () => {
  it('local ends only this session; global ends all the user has', async () => {
    const { email } = await signedUp();
    const signIn = async () => {
      const client = anonClient();
      const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
      expect(error).toBeNull();
      return { client, session: data.session as NonNullable<typeof data.session> };
    };
    const a = await signIn();
    const b = await signIn();
    const c = await signIn();

    expect((await a.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    const aRefresh = await anonClient().auth.refreshSession({ refresh_token: a.session.refresh_token });
    expect(aRefresh.error?.code).toBe('refresh_token_not_found');
    const aUser = await clientWithToken(a.session.access_token).auth.getUser(a.session.access_token);
    // GoTrue's 403 session_not_found, which auth-js reports as a missing session.
    expect(aUser.error?.name).toBe('AuthSessionMissingError');
    const raw = await fetch(`${stack.apiUrl}/auth/v1/user`, {
      headers: {
        apikey: stack.anonKey,
        Authorization: `Bearer ${a.session.access_token}`,
        'X-Supabase-Api-Version': '2024-01-01',
      },
    });
    expect(raw.status).toBe(403);
    expect(((await raw.json()) as { code: string }).code).toBe('session_not_found');
    expect((await b.client.auth.refreshSession()).error).toBeNull();

    expect((await b.client.auth.signOut()).error).toBeNull();
    const cRefresh = await anonClient().auth.refreshSession({ refresh_token: c.session.refresh_token });
    expect(cRefresh.error?.code).toBe('refresh_token_not_found');
  });

  it('others keeps this session only, and a bad scope is a 400', async () => {
    const { email, client: mine } = await signedUp();
    const other = anonClient();
    const otherSession = (await other.auth.signInWithPassword({ email, password: PASSWORD })).data.session;
    expect((await mine.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await mine.auth.refreshSession()).error).toBeNull();
    const gone = await anonClient().auth.refreshSession({ refresh_token: otherSession?.refresh_token ?? '' });
    expect(gone.error?.code).toBe('refresh_token_not_found');

    const token = (await mine.auth.getSession()).data.session?.access_token;
    const res = await fetch(`${stack.apiUrl}/auth/v1/logout?scope=everything`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, Authorization: `Bearer ${token}`, 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('validation_failed');
    expect((await mine.auth.getUser()).error).toBeNull();
  });
});
