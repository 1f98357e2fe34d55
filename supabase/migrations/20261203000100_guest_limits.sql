-- Guest ordering limits: a QR code on a table is public, so one phone (or a script holding the
-- token) must not flood the kitchen or the POS inbox. Each restaurant sets its own limits (owners
-- only, like the cashier discount limit); guest_place_order checks them in draft-first and in
-- auto-accept mode alike, and a refused order writes nothing. Error details carry {limit}.
--   guest_orders_per_guest       orders one guest may send per 10 minutes       guest_order_limit
--   guest_lines_per_order        lines per guest order                           too_many_lines {max}
--   guest_open_drafts_per_table  drafts waiting for the staff at one table       table_draft_limit
--   guest_orders_per_hour        all guest orders of the restaurant per hour     restaurant_guest_limit
--   guest_requests_per_guest     waiter calls and bill requests per guest per 10 minutes
--                                (guest_request_service, 20261203000400)         guest_request_limit

-- tables -----------------------------------------------------------------------------------------

alter table public.restaurants
  add column guest_orders_per_guest smallint not null default 5 check (guest_orders_per_guest between 1 and 50),
  add column guest_lines_per_order smallint not null default 30 check (guest_lines_per_order between 1 and 100),
  add column guest_open_drafts_per_table smallint not null default 20
    check (guest_open_drafts_per_table between 1 and 100),
  add column guest_orders_per_hour integer not null default 300 check (guest_orders_per_hour between 1 and 5000),
  add column guest_requests_per_guest smallint not null default 6 check (guest_requests_per_guest between 1 and 50);

-- indexes ----------------------------------------------------------------------------------------

-- The restaurant-wide hourly count reads recent QR orders only.
create index orders_qr_created_idx on public.orders (restaurant_id, created_at) where source = 'qr';

-- grants -----------------------------------------------------------------------------------------

-- Through the existing "Owners and managers can edit their restaurant's settings" policy; the
-- trigger below narrows these columns to owners.
grant update (guest_orders_per_guest, guest_lines_per_order, guest_open_drafts_per_table, guest_orders_per_hour,
  guest_requests_per_guest) on table public.restaurants to authenticated;

-- triggers ---------------------------------------------------------------------------------------

-- A stable code for a limit out of range (the check constraints would answer 23514 with no field),
-- and owners only: how much a public QR code may do is the owner's call. The service role and
-- migrations have no user and are not limited.
create function private.guard_guest_limits() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_bad record;
begin
  select x.field, x.value, x.min, x.max into v_bad
  from (values
    ('guest_orders_per_guest', new.guest_orders_per_guest::integer, 1, 50),
    ('guest_lines_per_order', new.guest_lines_per_order::integer, 1, 100),
    ('guest_open_drafts_per_table', new.guest_open_drafts_per_table::integer, 1, 100),
    ('guest_orders_per_hour', new.guest_orders_per_hour, 1, 5000),
    ('guest_requests_per_guest', new.guest_requests_per_guest::integer, 1, 50)
  ) as x(field, value, min, max)
  where x.value is null or x.value not between x.min and x.max
  limit 1;
  if found then
    perform private.raise_error('invalid_guest_limit',
      pg_catalog.format('%s must be a whole number from %s to %s', v_bad.field, v_bad.min, v_bad.max),
      pg_catalog.jsonb_build_object('field', v_bad.field, 'min', v_bad.min, 'max', v_bad.max));
  end if;
  if tg_op = 'UPDATE' and auth.uid() is not null
     and (old.guest_orders_per_guest, old.guest_lines_per_order, old.guest_open_drafts_per_table,
          old.guest_orders_per_hour, old.guest_requests_per_guest)
       is distinct from (new.guest_orders_per_guest, new.guest_lines_per_order, new.guest_open_drafts_per_table,
          new.guest_orders_per_hour, new.guest_requests_per_guest) then
    perform private.require_role(new.id, '{owner}');
  end if;
  return new;
end $$;
revoke all on function private.guard_guest_limits() from public;

create trigger restaurants_guest_limits before insert or update on public.restaurants
for each row execute function private.guard_guest_limits();

-- helpers ----------------------------------------------------------------------------------------

-- Refuses a guest order that would pass one of the restaurant's limits. Runs under a per-restaurant
-- advisory lock (held to commit), so two phones racing for the last slot cannot both get it.
create function private.check_guest_order_limits(p_table public.dining_tables, p_uid uuid, p_lines integer)
returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_r public.restaurants;
begin
  select * into v_r from public.restaurants r where r.id = p_table.restaurant_id;
  if p_lines > v_r.guest_lines_per_order then
    perform private.raise_error('too_many_lines',
      pg_catalog.format('A guest order has at most %s lines', v_r.guest_lines_per_order),
      pg_catalog.jsonb_build_object('max', v_r.guest_lines_per_order, 'limit', v_r.guest_lines_per_order,
        'lines', p_lines));
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('guest_orders:' || v_r.id::text, 0));
  if (select count(*) from public.orders o where o.guest_user_id = p_uid and o.restaurant_id = v_r.id
      and o.created_at > pg_catalog.now() - interval '10 minutes') >= v_r.guest_orders_per_guest then
    perform private.raise_error('guest_order_limit',
      pg_catalog.format('At most %s orders per guest every 10 minutes', v_r.guest_orders_per_guest),
      pg_catalog.jsonb_build_object('limit', v_r.guest_orders_per_guest));
  end if;
  if (select count(*) from public.orders o where o.restaurant_id = v_r.id and o.table_id = p_table.id
      and o.status = 'draft') >= v_r.guest_open_drafts_per_table then
    perform private.raise_error('table_draft_limit',
      pg_catalog.format('At most %s orders may wait for the staff at one table', v_r.guest_open_drafts_per_table),
      pg_catalog.jsonb_build_object('limit', v_r.guest_open_drafts_per_table));
  end if;
  if (select count(*) from public.orders o where o.restaurant_id = v_r.id and o.source = 'qr'
      and o.created_at > pg_catalog.now() - interval '1 hour') >= v_r.guest_orders_per_hour then
    perform private.raise_error('restaurant_guest_limit',
      pg_catalog.format('The restaurant takes at most %s orders from tables per hour', v_r.guest_orders_per_hour),
      pg_catalog.jsonb_build_object('limit', v_r.guest_orders_per_hour));
  end if;
end $$;
revoke all on function private.check_guest_order_limits(public.dining_tables, uuid, integer) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261121000600, plus the limits. A replay of an order already stored (same id) skips them:
-- create_order returns the stored order or refuses a different payload, as before.
create or replace function public.guest_place_order(p_qr_token text, p_order jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_table public.dining_tables;
  v_mode public.guest_ordering_mode;
  v_id uuid;
begin
  select * into v_table from public.dining_tables t where t.qr_token = p_qr_token and t.active;
  if v_table.id is null then
    perform private.raise_error('table_not_found', 'This QR code is not valid any more; ask the staff', '{}');
  end if;
  select r.guest_ordering into v_mode from public.restaurants r where r.id = v_table.restaurant_id;
  if v_mode = 'off' then
    perform private.raise_error('guest_ordering_disabled', 'This restaurant takes orders at the counter', '{}');
  end if;
  if pg_catalog.jsonb_typeof(p_order) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_order) k where k not in ('id', 'note', 'lines')) then
    perform private.raise_error('unknown_field', 'A guest order has id, note and lines only', '{}');
  end if;
  if not exists (select 1 from public.orders o where o.id = private.try_uuid(p_order -> 'id')) then
    perform private.check_guest_order_limits(v_table, v_uid,
      case when pg_catalog.jsonb_typeof(p_order -> 'lines') = 'array'
        then pg_catalog.jsonb_array_length(p_order -> 'lines') else 0 end);
  end if;
  v_id := private.create_order(v_table.restaurant_id,
    p_order || pg_catalog.jsonb_build_object('type', 'dine_in', 'table_id', v_table.id),
    'qr', v_mode = 'auto_accept', v_uid);
  return public.guest_order(v_id);
end $$;

comment on function public.guest_place_order(text, jsonb) is
'A guest orders from their table''s QR code: a draft for the staff to accept, or placed at once when the
restaurant auto-accepts. Payload { id, note?, lines }; a replay returns the stored order. The restaurant''s
guest limits apply in both modes (details carry {limit}); a refused order writes nothing. Returns the guest''s
view of the order.

Callers: any signed-in user, anonymous guests included, holding the table''s QR token.
Errors: table_not_found, guest_ordering_disabled, invalid_payload, unknown_field, invalid_order_id,
idempotency_conflict, invalid_note, note_too_long, invalid_lines, empty_order, too_many_lines (details {max}),
guest_order_limit, table_draft_limit, restaurant_guest_limit, and the line errors of place_order.';
