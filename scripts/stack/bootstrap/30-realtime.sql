-- Realtime's tenant objects that apps use: realtime.messages (Broadcast from Database and private
-- channel authorization), realtime.topic(), realtime.send(), realtime.broadcast_changes(), and the
-- publications. Definitions follow supabase/realtime's tenant migrations (2024-05 .. 2026-06).

create schema if not exists realtime authorization supabase_admin;

create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb null,
  event text null,
  private boolean null default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  id uuid not null default gen_random_uuid(),
  binary_payload bytea null,
  constraint messages_pkey primary key (id, inserted_at),
  constraint messages_payload_exclusive check (payload is null or binary_payload is null)
) partition by range (inserted_at);
-- Hosted Realtime creates one partition per day ahead of time and drops old ones. Locally nothing
-- runs that janitor, so a default partition takes every row; the realtime gateway may prune it.
create table if not exists realtime.messages_default partition of realtime.messages default;
create index if not exists messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic)
  where extension = 'broadcast' and private is true;

alter table realtime.messages enable row level security;
alter table realtime.messages owner to supabase_realtime_admin;
alter table realtime.messages_default owner to supabase_realtime_admin;

create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;

-- Runs with the caller's rights, as on hosted: the insert must pass realtime.messages' RLS, so a
-- trigger calling it for an API user needs SECURITY DEFINER (what Supabase's docs prescribe) or an
-- INSERT policy. Failures are downgraded to a WARNING so the caller's transaction still commits.
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
declare
  generated_id uuid;
  final_payload jsonb;
begin
  begin
    generated_id := gen_random_uuid();
    if payload ? 'id' then
      final_payload := payload;
    else
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    end if;
    -- RLS policies on realtime.messages read the topic through realtime.topic().
    perform set_config('realtime.topic', topic, true);
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (generated_id, final_payload, event, topic, private, 'broadcast');
  exception
    when others then
      raise warning 'WarnSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;

create or replace function realtime.broadcast_changes(
  topic_name text,
  event_name text,
  operation text,
  table_name text,
  table_schema text,
  new record,
  old record,
  level text default 'ROW'
)
returns void
language plpgsql
as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation in ('INSERT', 'UPDATE', 'DELETE') then
    row_data := jsonb_build_object(
      'old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema
    );
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
exception
  when others then
    raise exception 'Failed to process the row: %', sqlerrm;
end;
$$;

alter function realtime.topic() owner to supabase_realtime_admin;
alter function realtime.send(jsonb, text, text, boolean) owner to supabase_realtime_admin;
alter function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  owner to supabase_realtime_admin;

grant usage on schema realtime to postgres, anon, authenticated, service_role;
grant all on all tables in schema realtime to postgres, dashboard_user;
grant all on all sequences in schema realtime to postgres, dashboard_user;
grant all on all routines in schema realtime to postgres, dashboard_user;
grant select, insert, update on realtime.messages to postgres, anon, authenticated, service_role;
grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean),
  realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema realtime
  grant all on tables to postgres, dashboard_user;
alter default privileges for role supabase_admin in schema realtime
  grant all on sequences to postgres, dashboard_user;
alter default privileges for role supabase_admin in schema realtime
  grant all on routines to postgres, dashboard_user;

-- Postgres Changes: migrations `alter publication supabase_realtime add table …`.
-- Broadcast from Database: Realtime replicates realtime.messages through a publication of this name.
-- Publishing through the partition root makes rows arrive as realtime.messages, not as a partition.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
  -- Only the owner may ALTER a publication; app migrations run as postgres.
  alter publication supabase_realtime owner to postgres;
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime_messages_publication') then
    create publication supabase_realtime_messages_publication
      for table realtime.messages with (publish_via_partition_root = true);
  end if;
end
$$;
