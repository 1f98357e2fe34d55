-- Device codes: an order queued offline is called out by a provisional code, "<device code>-<sequence>"
-- ("B-7"), until the database gives it the day's number. The sequence is the device's own; the code
-- must be the device's own too, or two tills show the same "A-1" for two orders. Devices claim a code
-- from the database once (claim_device_code), handed out in order A…Z, AA…ZZ, AAA…ZZZ (the format
-- orders.provisional_code accepts), and keep it for good.

-- tables -----------------------------------------------------------------------------------------

-- One row per POS device and restaurant; nobody writes here but claim_device_code.
create table public.pos_devices (
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  -- The id the app generates and stores on the device (a UUID today).
  device_id text not null check (device_id ~ '^[A-Za-z0-9_-]{1,100}$'),
  code text not null check (code ~ '^[A-Z]{1,3}$'),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (restaurant_id, device_id),
  unique (restaurant_id, code)
);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.pos_devices from anon, authenticated;
grant select on table public.pos_devices to authenticated;
grant all on table public.pos_devices to service_role;

-- RLS --------------------------------------------------------------------------------------------

alter table public.pos_devices enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- The n-th device code, counting from 1: 1 → A, 26 → Z, 27 → AA, 702 → ZZ, 703 → AAA (bijective
-- base 26, the way spreadsheet columns are named).
create function private.device_code(p_n integer) returns text
language plpgsql immutable set search_path = '' as $$
declare
  v_n integer := p_n;
  v_code text := '';
begin
  while v_n > 0 loop
    v_n := v_n - 1;
    v_code := pg_catalog.chr(65 + v_n % 26) || v_code;
    v_n := v_n / 26;
  end loop;
  return v_code;
end $$;
revoke all on function private.device_code(integer) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can read their restaurant's POS devices" on public.pos_devices
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));

-- RPCs -------------------------------------------------------------------------------------------

create function public.claim_device_code(p_restaurant_id uuid, p_device_id text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_code text;
  v_n integer := 0;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager,cashier,waiter}');
  if p_device_id is null or p_device_id !~ '^[A-Za-z0-9_-]{1,100}$' then
    perform private.raise_error('invalid_device_id',
      'Give the id the app stored on the device (1 to 100 letters, digits, - or _)', '{}');
  end if;
  select d.code into v_code from public.pos_devices d
  where d.restaurant_id = p_restaurant_id and d.device_id = p_device_id;
  if v_code is not null then
    return v_code;
  end if;
  -- One claim at a time per restaurant: the next claim waits here, then (a new statement, a new
  -- snapshot) sees this one's code taken. Other restaurants and readers are not held up.
  perform 1 from public.restaurants r where r.id = p_restaurant_id for no key update;
  select d.code into v_code from public.pos_devices d
  where d.restaurant_id = p_restaurant_id and d.device_id = p_device_id;
  if v_code is not null then
    return v_code;
  end if;
  -- The first free code in order (a gap left by a deleted device is reused).
  loop
    v_n := v_n + 1;
    if v_n > 18278 then -- ZZZ
      perform private.raise_error('device_codes_exhausted', 'Every device code (A to ZZZ) is taken in this restaurant',
        pg_catalog.jsonb_build_object('restaurant_id', p_restaurant_id));
    end if;
    v_code := private.device_code(v_n);
    exit when not exists (select 1 from public.pos_devices d where d.restaurant_id = p_restaurant_id and d.code = v_code);
  end loop;
  insert into public.pos_devices (restaurant_id, device_id, code, created_by)
  values (p_restaurant_id, p_device_id, v_code, auth.uid());
  return v_code;
end $$;

revoke all on function public.claim_device_code(uuid, text) from public, anon;
grant execute on function public.claim_device_code(uuid, text) to authenticated, service_role;

comment on function public.claim_device_code(uuid, text) is
'The POS device''s own code for provisional order codes ("B" in "B-7"): the code the device already holds in
this restaurant, else the first free one in order A…Z, AA…ZZ, AAA…ZZZ, kept for good. Two devices never
share a code, even when they claim at the same moment.

Callers: owners, managers, cashiers and waiters (those who take orders).
Errors: forbidden (42501; not a member of the restaurant, or a role that takes no orders), invalid_device_id,
device_codes_exhausted.';
