-- Orders taken offline keep what the customer was told. The POS sends, with each placement, the
-- device's `ordered_at` and the menu version its cart was priced from:
--   * the business date (and so the daily number) comes from ordered_at when it is plausible: at most
--     5 minutes ahead of the server (clock skew) and at most 24 hours old. An order taken at 23:50 and
--     synced the next morning belongs to the day it was taken and takes that day's next number (the
--     per-date counter row of that day is simply incremented: still gapless);
--   * menu_price_history remembers every price an item or option had, by menu version, so a line is
--     priced as of the cart's version; when that differs from today's price the order keeps the
--     version's prices and is flagged price_override for review (an order_events row says so).
-- A provisional code ("A-7") the device showed while offline is stored so screens can show "A-7 → #42".
--
-- Payload of place_order, in addition to 20261121000600:
--   "ordered_at"?: ISO timestamp, "menu_version"?: integer ≥ 0, "provisional_code"?: "A-7" (1-3 capital
--   letters, a hyphen, 1-6 digits).

-- tables -----------------------------------------------------------------------------------------

-- When the customer ordered, by the device's clock (placed_at stays the server's time of placement).
alter table public.orders add column ordered_at timestamptz not null default now();
update public.orders set ordered_at = coalesce(placed_at, created_at);
alter table public.orders add column menu_version bigint check (menu_version >= 0);
alter table public.orders add column price_override boolean not null default false;
alter table public.orders add column provisional_code text check (provisional_code ~ '^[A-Z]{1,3}-[0-9]{1,6}$');

-- When this line was ordered: the order's ordered_at, or a later round's (the KDS ages each ticket).
alter table public.order_lines add column ordered_at timestamptz not null default now();
update public.order_lines l set ordered_at = o.ordered_at
from public.orders o where o.restaurant_id = l.restaurant_id and o.id = l.order_id;

-- The price an item (or option delta) had from menu version valid_from until valid_to (exclusive;
-- null while current). Rows outlive deleted items: an old cart may still name them.
create table public.menu_price_history (
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  entity text not null check (entity in ('menu_items', 'modifier_options')),
  entity_id uuid not null,
  price bigint not null,
  valid_from bigint not null,
  valid_to bigint,
  primary key (restaurant_id, entity, entity_id, valid_from),
  check (valid_to is null or valid_to > valid_from)
);

-- What the menu cost before this migration is the best known history: valid since version 0.
insert into public.menu_price_history (restaurant_id, entity, entity_id, price, valid_from)
select i.restaurant_id, 'menu_items', i.id, i.price, 0 from public.menu_items i;
insert into public.menu_price_history (restaurant_id, entity, entity_id, price, valid_from)
select o.restaurant_id, 'modifier_options', o.id, o.price_delta, 0 from public.modifier_options o;

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.menu_price_history from anon, authenticated;
grant select on table public.menu_price_history to authenticated;
grant all on table public.menu_price_history to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- After the version stamp (a BEFORE trigger), so new.version is the version the price starts at.
create function private.record_menu_price() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_price bigint := case when tg_table_name = 'menu_items' then (pg_catalog.to_jsonb(new) ->> 'price')::bigint
    else (pg_catalog.to_jsonb(new) ->> 'price_delta')::bigint end;
  v_old bigint := case when tg_op = 'INSERT' then null when tg_table_name = 'menu_items'
    then (pg_catalog.to_jsonb(old) ->> 'price')::bigint else (pg_catalog.to_jsonb(old) ->> 'price_delta')::bigint end;
begin
  if tg_op = 'UPDATE' and v_old = v_price then
    return null;
  end if;
  update public.menu_price_history set valid_to = new.version
  where restaurant_id = new.restaurant_id and entity = tg_table_name and entity_id = new.id
    and valid_to is null and valid_from < new.version;
  insert into public.menu_price_history (restaurant_id, entity, entity_id, price, valid_from)
  values (new.restaurant_id, tg_table_name, new.id, v_price, new.version)
  on conflict (restaurant_id, entity, entity_id, valid_from) do update set price = excluded.price, valid_to = null;
  return null;
end $$;
revoke all on function private.record_menu_price() from public;

create trigger menu_items_price_history after insert or update of price on public.menu_items
for each row execute function private.record_menu_price();
create trigger modifier_options_price_history after insert or update of price_delta on public.modifier_options
for each row execute function private.record_menu_price();

-- RLS --------------------------------------------------------------------------------------------

alter table public.menu_price_history enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- When the order was taken: the payload's ordered_at if plausible, now() when absent.
create function private.order_clock(p_payload jsonb) returns timestamptz
language plpgsql stable security definer set search_path = '' as $$
declare
  v_at timestamptz;
begin
  if not p_payload ? 'ordered_at' or pg_catalog.jsonb_typeof(p_payload -> 'ordered_at') = 'null' then
    return pg_catalog.now();
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'ordered_at') <> 'string' then
    perform private.raise_error('invalid_ordered_at', 'ordered_at is an ISO 8601 timestamp', '{}');
  end if;
  begin
    v_at := (p_payload ->> 'ordered_at')::timestamptz;
  exception when others then
    perform private.raise_error('invalid_ordered_at', 'ordered_at is an ISO 8601 timestamp',
      pg_catalog.jsonb_build_object('ordered_at', p_payload -> 'ordered_at'));
  end;
  if v_at > pg_catalog.now() + interval '5 minutes' then
    perform private.raise_error('ordered_at_in_future', 'The device''s clock is ahead of the server''s; set its date and time',
      pg_catalog.jsonb_build_object('ordered_at', v_at, 'now', pg_catalog.now()));
  end if;
  if v_at < pg_catalog.now() - interval '24 hours' then
    perform private.raise_error('ordered_at_too_old', 'An order taken more than 24 hours ago cannot be placed any more',
      pg_catalog.jsonb_build_object('ordered_at', v_at, 'now', pg_catalog.now()));
  end if;
  return v_at;
end $$;

-- The menu version the cart was priced from (null when absent); never ahead of the restaurant's.
create function private.payload_menu_version(p_restaurant_id uuid, p_payload jsonb) returns bigint
language plpgsql stable security definer set search_path = '' as $$
declare
  v_version numeric;
  v_current bigint;
begin
  if not p_payload ? 'menu_version' or pg_catalog.jsonb_typeof(p_payload -> 'menu_version') = 'null' then
    return null;
  end if;
  select r.menu_version into v_current from public.restaurants r where r.id = p_restaurant_id;
  if pg_catalog.jsonb_typeof(p_payload -> 'menu_version') = 'number' then
    v_version := (p_payload ->> 'menu_version')::numeric;
  end if;
  if v_version is null or v_version <> pg_catalog.trunc(v_version) or v_version < 0 or v_version > v_current then
    perform private.raise_error('invalid_menu_version', 'The menu version is not one this restaurant''s menu had',
      pg_catalog.jsonb_build_object('menu_version', p_payload -> 'menu_version', 'current', v_current));
  end if;
  return v_version::bigint;
end $$;

-- The price (or option delta) an entity had at a menu version; null when the history has none.
create function private.menu_price_at(p_restaurant_id uuid, p_entity text, p_entity_id uuid, p_version bigint)
returns bigint language sql stable security definer set search_path = '' as $$
  select h.price from public.menu_price_history h
  where h.restaurant_id = p_restaurant_id and h.entity = p_entity and h.entity_id = p_entity_id
    and h.valid_from <= p_version and (h.valid_to is null or h.valid_to > p_version)
  order by h.valid_from desc limit 1
$$;

-- private.price_line (validation and today's prices), then, for a cart priced from an older menu
-- version, the prices of that version. A line whose unit price differs carries price_override.
create function private.price_line_at(p_restaurant_id uuid, p_line jsonb, p_position integer, p_menu_version bigint)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
  v_line jsonb := private.price_line(p_restaurant_id, p_line, p_position);
  v_item_price bigint;
  v_mods jsonb;
  v_delta bigint;
  v_unit bigint;
begin
  if p_menu_version is null then
    return v_line;
  end if;
  select coalesce(private.menu_price_at(p_restaurant_id, 'menu_items', i.id, p_menu_version), i.price)
  into v_item_price from public.menu_items i
  where i.restaurant_id = p_restaurant_id and i.id = (v_line ->> 'item_id')::uuid;
  select coalesce(pg_catalog.jsonb_agg(m.value || pg_catalog.jsonb_build_object('price_delta',
           coalesce(private.menu_price_at(p_restaurant_id, 'modifier_options', (m.value ->> 'option_id')::uuid, p_menu_version),
             (m.value ->> 'price_delta')::bigint)) order by m.ordinality), '[]')
  into v_mods from pg_catalog.jsonb_array_elements(v_line -> 'modifiers') with ordinality m;
  select coalesce(sum((m ->> 'price_delta')::bigint), 0) into v_delta from pg_catalog.jsonb_array_elements(v_mods) m;
  v_unit := greatest(v_item_price + v_delta, 0);
  if v_unit = (v_line ->> 'unit_price')::bigint then
    return v_line;
  end if;
  return v_line || pg_catalog.jsonb_build_object('unit_price', v_unit, 'modifiers', v_mods,
    'line_total', v_unit * (v_line ->> 'qty')::bigint, 'price_override', true,
    'current_unit_price', (v_line ->> 'unit_price')::bigint);
end $$;

-- The provisional code the device showed while offline, or null.
create function private.payload_provisional_code(p_payload jsonb) returns text
language plpgsql immutable set search_path = '' as $$
begin
  if not p_payload ? 'provisional_code' or pg_catalog.jsonb_typeof(p_payload -> 'provisional_code') = 'null' then
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'provisional_code') <> 'string'
     or (p_payload ->> 'provisional_code') !~ '^[A-Z]{1,3}-[0-9]{1,6}$' then
    perform private.raise_error('invalid_provisional_code', 'A provisional code is 1 to 3 capital letters, a hyphen and 1 to 6 digits',
      pg_catalog.jsonb_build_object('provisional_code', p_payload -> 'provisional_code'));
  end if;
  return p_payload ->> 'provisional_code';
end $$;

revoke all on function private.order_clock(jsonb) from public;
revoke all on function private.payload_menu_version(uuid, jsonb) from public;
revoke all on function private.menu_price_at(uuid, text, uuid, bigint) from public;
revoke all on function private.price_line_at(uuid, jsonb, integer, bigint) from public;
revoke all on function private.payload_provisional_code(jsonb) from public;

-- As in 20261121000600, plus the order clock, the menu version's prices and the provisional code.
-- Guest payloads never carry the new keys (guest_place_order refuses them): ordered_at is now().
create or replace function private.create_order(
  p_restaurant_id uuid, p_payload jsonb, p_source public.order_source, p_place boolean, p_guest_user_id uuid
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_id uuid := private.try_uuid(p_payload -> 'id');
  v_hash text;
  v_existing public.orders;
  v_restaurant public.restaurants;
  v_type public.order_type;
  v_table_id uuid;
  v_note text := '';
  v_lines jsonb := '[]';
  v_subtotal bigint;
  v_tax bigint;
  v_date date;
  v_status public.order_status := case when p_place then 'placed' else 'draft' end;
  v_ordered_at timestamptz;
  v_menu_version bigint;
  v_code text;
  v_override boolean;
begin
  if v_id is null then
    perform private.raise_error('invalid_order_id', 'id must be a UUID generated by the client', '{}');
  end if;
  v_hash := pg_catalog.md5(pg_catalog.jsonb_build_array(p_restaurant_id, p_source, p_guest_user_id, p_payload)::text);
  select * into v_existing from public.orders o where o.id = v_id;
  if v_existing.id is not null then
    -- A replay answers what was stored, however late it comes: the clock bounds apply to the first call.
    if v_existing.payload_hash = v_hash then return v_id; end if;
    perform private.raise_error('idempotency_conflict', 'An order with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_id));
  end if;

  if p_payload ? 'type' then
    if pg_catalog.jsonb_typeof(p_payload -> 'type') <> 'string' or (p_payload ->> 'type') not in ('dine_in', 'takeaway') then
      perform private.raise_error('invalid_order_type', 'type is dine_in or takeaway', '{}');
    end if;
    v_type := (p_payload ->> 'type')::public.order_type;
  else
    perform private.raise_error('invalid_order_type', 'type is dine_in or takeaway', '{}');
  end if;
  if p_payload ? 'table_id' and pg_catalog.jsonb_typeof(p_payload -> 'table_id') <> 'null' then
    v_table_id := private.try_uuid(p_payload -> 'table_id');
    if v_table_id is null or not exists (select 1 from public.dining_tables t
        where t.restaurant_id = p_restaurant_id and t.id = v_table_id and t.active) then
      perform private.raise_error('table_not_found', 'This table is not in this restaurant',
        pg_catalog.jsonb_build_object('table_id', p_payload -> 'table_id'));
    end if;
  end if;
  if p_payload ? 'note' and pg_catalog.jsonb_typeof(p_payload -> 'note') <> 'null' then
    if pg_catalog.jsonb_typeof(p_payload -> 'note') <> 'string' then
      perform private.raise_error('invalid_note', 'A note is text', '{}');
    end if;
    v_note := p_payload ->> 'note';
    if char_length(v_note) > 500 then
      perform private.raise_error('note_too_long', 'A note has at most 500 characters', '{}');
    end if;
  end if;
  v_ordered_at := private.order_clock(p_payload);
  v_menu_version := private.payload_menu_version(p_restaurant_id, p_payload);
  v_code := private.payload_provisional_code(p_payload);
  if pg_catalog.jsonb_typeof(p_payload -> 'lines') is distinct from 'array' then
    perform private.raise_error('invalid_lines', 'lines must be a list', '{}');
  end if;
  if pg_catalog.jsonb_array_length(p_payload -> 'lines') = 0 then
    perform private.raise_error('empty_order', 'An order needs at least one line', '{}');
  end if;
  if pg_catalog.jsonb_array_length(p_payload -> 'lines') > 100 then
    perform private.raise_error('too_many_lines', 'An order has at most 100 lines',
      pg_catalog.jsonb_build_object('lines', pg_catalog.jsonb_array_length(p_payload -> 'lines')));
  end if;

  select coalesce(pg_catalog.jsonb_agg(private.price_line_at(p_restaurant_id, e.value, e.ordinality::integer, v_menu_version)
    order by e.ordinality), '[]')
  into v_lines from pg_catalog.jsonb_array_elements(p_payload -> 'lines') with ordinality e;
  v_override := exists (select 1 from pg_catalog.jsonb_array_elements(v_lines) l where l ? 'price_override');

  select * into v_restaurant from public.restaurants r where r.id = p_restaurant_id;
  select sum((l ->> 'line_total')::bigint) into v_subtotal from pg_catalog.jsonb_array_elements(v_lines) l;
  v_tax := private.order_tax(v_subtotal, v_restaurant.tax_mode, v_restaurant.tax_rate_bp);

  begin
    -- The counter is taken last, so its lock (held until commit) covers as little work as possible.
    if p_place then v_date := private.business_date(p_restaurant_id, v_ordered_at); end if;
    insert into public.orders (id, restaurant_id, source, type, table_id, status, business_date, number, note,
      currency, currency_exponent, tax_mode, tax_rate_bp, subtotal, tax, total, payload_hash, created_by,
      guest_user_id, placed_at, ordered_at, menu_version, price_override, provisional_code)
    values (v_id, p_restaurant_id, p_source, v_type, v_table_id, v_status, v_date,
      case when p_place then private.next_order_number(p_restaurant_id, v_date) end, v_note,
      v_restaurant.currency, (select c.exponent from public.currencies c where c.code = v_restaurant.currency),
      v_restaurant.tax_mode, v_restaurant.tax_rate_bp, v_subtotal, v_tax,
      v_subtotal + case when v_restaurant.tax_mode = 'exclusive' then v_tax else 0 end,
      v_hash, auth.uid(), p_guest_user_id, case when p_place then pg_catalog.now() end,
      v_ordered_at, v_menu_version, v_override, v_code);
  exception when unique_violation then
    -- The same id was placed concurrently and committed first; its subtransaction (and counter
    -- increment) is rolled back, so no number is spent.
    select * into v_existing from public.orders o where o.id = v_id;
    if v_existing.payload_hash = v_hash then return v_id; end if;
    perform private.raise_error('idempotency_conflict', 'An order with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_id));
  end;

  insert into public.order_lines (restaurant_id, order_id, position, item_id, category_id, category_name, name,
    station, qty, unit_price, modifiers, note, line_total, kitchen_status, ordered_at)
  select p_restaurant_id, v_id, l.position, l.item_id, l.category_id, l.category_name, l.name, l.station, l.qty,
    l.unit_price, l.modifiers, l.note, l.line_total, case when p_place then 'queued' else 'pending' end::public.line_status,
    v_ordered_at
  from pg_catalog.jsonb_to_recordset(v_lines) as l(position smallint, item_id uuid, category_id uuid,
    category_name text, name text, station text, qty smallint, unit_price bigint, modifiers jsonb, note text, line_total bigint);

  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status)
  values (p_restaurant_id, v_id, auth.uid(), private.actor_role(p_restaurant_id), null, v_status::text);
  if v_override then
    perform private.log_price_override(p_restaurant_id, v_id, v_menu_version, v_lines);
  end if;
  return v_id;
end $$;

-- The audit row of a price override: which version's prices were kept, and today's total for them.
create function private.log_price_override(p_restaurant_id uuid, p_order_id uuid, p_menu_version bigint, p_lines jsonb)
returns void language sql volatile security definer set search_path = '' as $$
  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status, reason)
  select p_restaurant_id, p_order_id, auth.uid(), private.actor_role(p_restaurant_id), null, 'price_override',
    pg_catalog.format('Kept the prices of menu version %s: %s lines at %s instead of %s at today''s prices',
      p_menu_version, count(*), sum((l ->> 'line_total')::bigint),
      sum((l ->> 'current_unit_price')::bigint * (l ->> 'qty')::bigint))
  from pg_catalog.jsonb_array_elements(p_lines) l where l ? 'price_override'
$$;
revoke all on function private.log_price_override(uuid, uuid, bigint, jsonb) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners and managers can read the menu's price history" on public.menu_price_history
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- `create or replace` keeps the owner, grants and comment (the comment is updated below).
create or replace function public.place_order(p_order jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_restaurant_id uuid;
  v_id uuid;
begin
  if pg_catalog.jsonb_typeof(p_order) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_order) k
             where k not in ('id', 'restaurant_id', 'type', 'table_id', 'note', 'lines', 'ordered_at', 'menu_version',
               'provisional_code')) then
    perform private.raise_error('unknown_field',
      'An order has id, restaurant_id, type, table_id, note, lines, ordered_at, menu_version and provisional_code only', '{}');
  end if;
  v_restaurant_id := private.try_uuid(p_order -> 'restaurant_id');
  if v_restaurant_id is null then
    perform private.raise_error('invalid_restaurant_id', 'restaurant_id must be a UUID', '{}');
  end if;
  perform private.require_role(v_restaurant_id, '{owner,manager,cashier,waiter}');
  -- Two statements: order_json is STABLE and must see the rows create_order just wrote.
  v_id := private.create_order(v_restaurant_id, p_order, 'pos', true, null);
  return private.order_json(v_id);
end $$;

comment on function public.place_order(jsonb) is
'Staff place an order from the POS: it is placed at once and gets the next number of its business day. The
payload is checked against the menu and priced here; a replay of the same payload (same id) returns the stored
order. Optional keys: ordered_at (the device''s clock; the business date comes from it, at most 5 minutes ahead
and 24 hours old), menu_version (lines are priced as of that version; prices that differ from today''s are kept
and the order is flagged price_override) and provisional_code (the device''s code shown while offline, "A-7").
Returns the order with its lines.

Callers: owners, managers, cashiers and waiters.
Errors: forbidden (42501); payload: invalid_payload, unknown_field, invalid_restaurant_id, invalid_order_id,
idempotency_conflict, invalid_order_type, table_not_found, invalid_note, note_too_long, invalid_ordered_at,
ordered_at_in_future, ordered_at_too_old, invalid_menu_version, invalid_provisional_code, invalid_lines,
empty_order, too_many_lines; lines: invalid_line, invalid_item_id, invalid_qty, qty_out_of_range, item_not_found,
item_unavailable, invalid_modifiers, duplicate_modifier, modifier_not_allowed, modifier_unavailable,
modifier_min_not_met, modifier_max_exceeded.';
