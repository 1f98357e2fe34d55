-- Roles of a hosted Supabase project (attributes as in the CLI's globals.sql and supabase/postgres
-- migrations). Run as the cluster superuser `supabase_admin`. Passwords are only set when a role is
-- created, so re-running never rotates a password someone changed on purpose.

do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) or current_user = 'postgres' then
    raise exception 'bootstrap must run as a superuser other than "postgres" (supabase_admin); current user is %',
      current_user;
  end if;
end
$$;

do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('supabase_admin', 'superuser inherit createrole createdb login replication bypassrls', false),
      ('postgres', 'nosuperuser inherit createrole createdb login replication bypassrls', true),
      ('anon', 'nosuperuser noinherit nocreaterole nocreatedb nologin noreplication nobypassrls', false),
      ('authenticated', 'nosuperuser noinherit nocreaterole nocreatedb nologin noreplication nobypassrls', false),
      ('service_role', 'nosuperuser noinherit nocreaterole nocreatedb nologin noreplication bypassrls', false),
      ('authenticator', 'nosuperuser noinherit nocreaterole nocreatedb login noreplication nobypassrls', true),
      ('dashboard_user', 'nosuperuser inherit createrole createdb nologin replication nobypassrls', false),
      ('pgbouncer', 'nosuperuser inherit nocreaterole nocreatedb login noreplication nobypassrls', true),
      ('supabase_auth_admin', 'nosuperuser noinherit createrole nocreatedb login noreplication nobypassrls', true),
      ('supabase_storage_admin', 'nosuperuser noinherit createrole nocreatedb login noreplication nobypassrls', true),
      ('supabase_functions_admin', 'nosuperuser noinherit createrole nocreatedb login noreplication nobypassrls', true),
      ('supabase_realtime_admin', 'nosuperuser noinherit nocreaterole nocreatedb nologin noreplication nobypassrls', false),
      ('supabase_replication_admin', 'nosuperuser inherit nocreaterole nocreatedb login replication nobypassrls', true),
      ('supabase_read_only_user', 'nosuperuser inherit nocreaterole nocreatedb login noreplication bypassrls', true)
    ) as t(name, attrs, with_password)
  loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      execute format('create role %I', r.name);
      if r.with_password then
        execute format('alter role %I with password %L', r.name, 'postgres');
      end if;
    end if;
    execute format('alter role %I with %s', r.name, r.attrs);
  end loop;
end
$$;

-- Per-role settings (hosted values).
alter role supabase_admin set search_path to "$user", public, auth, extensions;
alter role postgres set search_path to "$user", public, extensions;
alter role anon set statement_timeout to '3s';
alter role authenticated set statement_timeout to '8s';
alter role authenticator set statement_timeout to '8s';
alter role authenticator set lock_timeout to '8s';
alter role supabase_auth_admin set search_path to auth;
alter role supabase_auth_admin set idle_in_transaction_session_timeout to '60000';
alter role supabase_storage_admin set search_path to storage;
alter role supabase_functions_admin set search_path to supabase_functions;

-- Hosted preloads pg-safeupdate for the API role (DELETE/UPDATE without WHERE fail). Only set it
-- when this server ships the library: a missing preload library makes every authenticator login fail.
do $$
declare
  libdir text := (select setting from pg_config where name = 'PKGLIBDIR');
begin
  if (pg_stat_file(libdir || '/safeupdate.so', true)).size is not null then
    alter role authenticator set session_preload_libraries to 'safeupdate';
  end if;
end
$$;

-- Memberships. The API roles are granted WITH ADMIN to postgres so that, as on hosted, migrations
-- run as postgres can grant them to roles of their own (PG16+ no longer lets CREATEROLE do that).
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
-- Owner roles of auth/storage/realtime objects: lets postgres add triggers on auth.users and
-- policies on storage.objects / realtime.messages (policies need table ownership).
grant supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin, supabase_functions_admin to postgres;
grant pg_monitor, pg_read_all_data, pg_signal_backend to postgres;
grant authenticator to supabase_storage_admin;
grant pg_read_all_data to supabase_read_only_user;

-- Hosted hands the database to postgres (supabase/postgres migrate.sh), which makes it the owner of
-- `public` through pg_database_owner: migrations may create schemas (the CLI's `supabase_migrations`)
-- and `comment on schema public` as pulled schema dumps do.
do $$
begin
  execute format('alter database %I owner to postgres', current_database());
  execute format('grant all on database %I to postgres, dashboard_user', current_database());
end
$$;
