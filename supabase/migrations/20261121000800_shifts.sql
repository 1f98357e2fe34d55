-- Shifts and the cash drawer: a shift opens with a float on one device, records cash put in or
-- taken out with a reason, and closes with the counted cash. Expected cash is computed here:
--   expected = opening float + cash payments − cash refunds (already negative) + cash in − cash out
-- and variance = counted − expected; a non-zero variance needs a reason code.

-- enums ------------------------------------------------------------------------------------------

create type public.cash_movement_kind as enum ('cash_in', 'cash_out');
create type public.variance_reason as enum ('count_error', 'change_error', 'unrecorded_sale', 'unrecorded_expense', 'theft', 'other');

-- tables -----------------------------------------------------------------------------------------

create table public.shifts (
  id uuid primary key,
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  -- The POS device (its own stable id) whose drawer this is: one open shift per device.
  device_id text not null check (char_length(device_id) between 1 and 100),
  opened_by uuid,
  opened_at timestamptz not null default now(),
  opening_float bigint not null check (opening_float between 0 and 100000000000),
  closed_by uuid,
  closed_at timestamptz,
  counted_cash bigint check (counted_cash between 0 and 100000000000),
  expected_cash bigint,
  variance bigint,
  variance_reason public.variance_reason,
  variance_note text check (char_length(variance_note) <= 500),
  unique (restaurant_id, id),
  check ((closed_at is null) = (counted_cash is null))
);
create unique index shifts_one_open_per_device_idx on public.shifts (restaurant_id, device_id) where closed_at is null;
create index shifts_restaurant_opened_at_idx on public.shifts (restaurant_id, opened_at desc);

create table public.cash_movements (
  id uuid primary key,
  restaurant_id uuid not null,
  shift_id uuid not null,
  kind public.cash_movement_kind not null,
  amount bigint not null check (amount between 1 and 100000000000),
  reason text not null check (char_length(btrim(reason)) between 1 and 200),
  created_by uuid,
  created_at timestamptz not null default now(),
  foreign key (restaurant_id, shift_id) references public.shifts (restaurant_id, id) on delete cascade
);
create index cash_movements_shift_idx on public.cash_movements (restaurant_id, shift_id);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.shifts, public.cash_movements from anon, authenticated;
grant select on table public.shifts, public.cash_movements to authenticated;
grant all on table public.shifts, public.cash_movements to service_role;

-- RLS --------------------------------------------------------------------------------------------

alter table public.shifts enable row level security;
alter table public.cash_movements enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- The open shift p_shift_id of a restaurant, locked; raises shift_not_found / shift_closed.
create function private.open_shift_for_update(p_restaurant_id uuid, p_shift_id uuid) returns public.shifts
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_shift public.shifts;
begin
  select * into v_shift from public.shifts s where s.restaurant_id = p_restaurant_id and s.id = p_shift_id for update;
  if v_shift.id is null then
    perform private.raise_error('shift_not_found', 'No such shift in this restaurant', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  if v_shift.closed_at is not null then
    perform private.raise_error('shift_closed', 'This shift is closed; open a new one', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  return v_shift;
end $$;
revoke all on function private.open_shift_for_update(uuid, uuid) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners, managers and cashiers can read shifts" on public.shifts
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager,cashier}')));
create policy "Owners, managers and cashiers can read cash movements" on public.cash_movements
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager,cashier}')));

-- RPCs -------------------------------------------------------------------------------------------

-- Opens a shift on a device (idempotent by p_shift_id). Returns the shift.
create function public.open_shift(p_shift_id uuid, p_restaurant_id uuid, p_device_id text, p_opening_float bigint)
returns public.shifts
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_shift public.shifts;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager,cashier}');
  if p_shift_id is null then
    perform private.raise_error('invalid_shift_id', 'The client generates the shift id (a UUID)', '{}');
  end if;
  if p_device_id is null or char_length(btrim(p_device_id)) not between 1 and 100 then
    perform private.raise_error('invalid_device_id', 'Give the device id (1 to 100 characters)', '{}');
  end if;
  if p_opening_float is null or p_opening_float not between 0 and 100000000000 then
    perform private.raise_error('invalid_amount', 'The opening float is a positive amount in minor units',
      pg_catalog.jsonb_build_object('opening_float', p_opening_float));
  end if;
  select * into v_shift from public.shifts s where s.id = p_shift_id;
  if v_shift.id is not null then
    if v_shift.restaurant_id = p_restaurant_id and v_shift.device_id = btrim(p_device_id) and v_shift.opening_float = p_opening_float then
      return v_shift;
    end if;
    perform private.raise_error('idempotency_conflict', 'A shift with this id exists with different content', '{}');
  end if;
  if exists (select 1 from public.shifts s where s.restaurant_id = p_restaurant_id and s.device_id = btrim(p_device_id) and s.closed_at is null) then
    perform private.raise_error('shift_already_open', 'This device already has an open shift; close it first',
      pg_catalog.jsonb_build_object('device_id', p_device_id));
  end if;
  insert into public.shifts (id, restaurant_id, device_id, opened_by, opening_float)
  values (p_shift_id, p_restaurant_id, btrim(p_device_id), auth.uid(), p_opening_float) returning * into v_shift;
  return v_shift;
exception when unique_violation then
  perform private.raise_error('shift_already_open', 'This device already has an open shift; close it first',
    pg_catalog.jsonb_build_object('device_id', p_device_id));
  return null;
end $$;

-- Cash put into or taken out of the drawer (idempotent by p_movement_id). Returns the movement.
create function public.record_cash_movement(
  p_movement_id uuid, p_shift_id uuid, p_kind public.cash_movement_kind, p_amount bigint, p_reason text
) returns public.cash_movements
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_restaurant_id uuid := (select s.restaurant_id from public.shifts s where s.id = p_shift_id);
  v_row public.cash_movements;
begin
  if v_restaurant_id is null then
    perform private.raise_error('shift_not_found', 'No such shift', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  perform private.require_role(v_restaurant_id, '{owner,manager,cashier}');
  if p_movement_id is null or p_kind is null then
    perform private.raise_error('invalid_cash_movement', 'Give the movement id and its kind (cash_in or cash_out)', '{}');
  end if;
  if p_amount is null or p_amount not between 1 and 100000000000 then
    perform private.raise_error('invalid_amount', 'The amount is a positive number of minor units', pg_catalog.jsonb_build_object('amount', p_amount));
  end if;
  if p_reason is null or char_length(btrim(p_reason)) not between 1 and 200 then
    perform private.raise_error('reason_required', 'Say why cash goes in or out (up to 200 characters)', '{}');
  end if;
  select * into v_row from public.cash_movements c where c.id = p_movement_id;
  if v_row.id is not null then
    if v_row.shift_id = p_shift_id and v_row.kind = p_kind and v_row.amount = p_amount then return v_row; end if;
    perform private.raise_error('idempotency_conflict', 'A movement with this id exists with different content', '{}');
  end if;
  perform private.open_shift_for_update(v_restaurant_id, p_shift_id);
  insert into public.cash_movements (id, restaurant_id, shift_id, kind, amount, reason, created_by)
  values (p_movement_id, v_restaurant_id, p_shift_id, p_kind, p_amount, btrim(p_reason), auth.uid()) returning * into v_row;
  return v_row;
end $$;

revoke all on function public.open_shift(uuid, uuid, text, bigint) from public, anon;
revoke all on function public.record_cash_movement(uuid, uuid, public.cash_movement_kind, bigint, text) from public, anon;
grant execute on function public.open_shift(uuid, uuid, text, bigint) to authenticated, service_role;
grant execute on function public.record_cash_movement(uuid, uuid, public.cash_movement_kind, bigint, text) to authenticated, service_role;
