-- Schemas every Supabase project has, the extensions schema, and the default privileges that make
-- new `public` objects reachable by the API roles (RLS then decides what each role sees).

-- Owned by postgres on hosted: its init scripts ran as postgres before it was demoted.
create schema if not exists extensions authorization postgres;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
-- pgjwt is preinstalled on hosted but not shipped with every Postgres build (nor with PG17 images).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pgjwt') then
    create extension if not exists pgjwt with schema extensions;
  end if;
end
$$;

grant usage on schema extensions to postgres, anon, authenticated, service_role;
-- GoTrue hashes with Go's bcrypt; our gateway uses pgcrypto's, so its role needs the schema too.
grant usage on schema extensions to supabase_auth_admin;
grant all on schema extensions to postgres, dashboard_user;
grant all on all tables in schema extensions to postgres with grant option;
grant all on all routines in schema extensions to postgres with grant option;
grant all on all sequences in schema extensions to postgres with grant option;
alter default privileges for role supabase_admin in schema extensions
  grant all on tables to postgres with grant option;
alter default privileges for role supabase_admin in schema extensions
  grant all on routines to postgres with grant option;
alter default privileges for role supabase_admin in schema extensions
  grant all on sequences to postgres with grant option;

-- public: on PG15+ it is owned by pg_database_owner and PUBLIC has no CREATE; postgres gets it back.
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;

alter default privileges for role postgres in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;

-- Exposed by PostgREST next to public on every project; holds pg_graphql's entry point on hosted.
create schema if not exists graphql_public authorization supabase_admin;
grant usage on schema graphql_public to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema graphql_public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema graphql_public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema graphql_public
  grant all on sequences to postgres, anon, authenticated, service_role;
