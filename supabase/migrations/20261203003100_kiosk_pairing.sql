-- Self-order kiosks (issue 15): a store tablet customers order on by themselves. It pairs like the
-- print bridge (20261202000400): an owner or manager creates a one-time code, the tablet signs in
-- anonymously and claims it, and that anonymous user becomes the restaurant's `kiosk` member. A kiosk
-- is a public device, not staff: it reads no table through RLS (private.member_restaurant_ids leaves
-- it out, as it leaves out the bridge) and reaches the menu and its own orders only through the
-- kiosk_* functions. One row of `kiosks` is one tablet for its whole life: created with its code,
-- paired when claimed, revoked for good (revoke_kiosk, or remove_member on its user). Revoking
-- deletes the membership, so every later call of the tablet is refused with kiosk_not_paired.
-- Each kiosk has a device code ("K", "KA"…) taken from the POS devices' codes, so the provisional
-- codes it shows offline ("K-12") never collide with a till's.

-- enums ------------------------------------------------------------------------------------------

-- direct: orders go to the kitchen at once; pay_at_counter: they wait as drafts until the cashier
-- takes the payment (record_payment) or accepts them.
create type public.kiosk_mode as enum ('direct', 'pay_at_counter');

-- tables -----------------------------------------------------------------------------------------

create table public.kiosks (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  label text not null check (char_length(btrim(label)) between 1 and 60),
  mode public.kiosk_mode not null default 'pay_at_counter',
  -- Seconds without a touch before the kiosk asks "still there?" and then clears the cart.
  idle_reset_seconds smallint not null default 120 check (idle_reset_seconds between 30 and 900),
  -- Per order: lines, and items (the sum of the lines' quantities).
  max_lines smallint not null default 20 check (max_lines between 1 and 100),
  max_items smallint not null default 50 check (max_items between 1 and 500),
  -- SHA-256 of the normalised pairing code (private.bridge_code_hash): a leaked table pairs nothing.
  code_hash bytea not null unique check (octet_length(code_hash) = 32),
  expires_at timestamptz not null,
  created_by uuid references auth.users (id) on delete set null,
  claimed_by uuid references auth.users (id) on delete set null,
  claimed_at timestamptz,
  -- The prefix of its provisional codes, a POS device code ('K', 'KA'…), given when it pairs.
  device_code text check (device_code ~ '^[A-Z]{1,3}$'),
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.orders add column kiosk_id uuid references public.kiosks (id) on delete set null;

-- indexes ----------------------------------------------------------------------------------------

create index kiosks_restaurant_idx on public.kiosks (restaurant_id, created_at desc);
create index kiosks_created_by_idx on public.kiosks (created_by);
create index kiosks_claimed_by_idx on public.kiosks (claimed_by);
create index orders_kiosk_idx on public.orders (kiosk_id, created_at);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.kiosks from anon, authenticated;
grant select (id, restaurant_id, label, mode, idle_reset_seconds, max_lines, max_items, expires_at, created_by,
  claimed_by, claimed_at, device_code, revoked_at, created_at, updated_at) on table public.kiosks to authenticated;
grant all on table public.kiosks to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- The kiosk JSON the admin and the tablet read (kiosk_menu, update_kiosk, revoke_kiosk, the topic).
create function private.kiosk_json(p_row public.kiosks) returns jsonb
language sql stable set search_path = '' as $$
  select pg_catalog.jsonb_build_object('id', p_row.id, 'restaurant_id', p_row.restaurant_id, 'label', p_row.label,
    'mode', p_row.mode, 'idle_reset_seconds', p_row.idle_reset_seconds, 'max_lines', p_row.max_lines,
    'max_items', p_row.max_items, 'device_code', p_row.device_code, 'paired', p_row.claimed_at is not null,
    'revoked', p_row.revoked_at is not null, 'claimed_at', p_row.claimed_at, 'revoked_at', p_row.revoked_at,
    'expires_at', p_row.expires_at)
$$;
revoke all on function private.kiosk_json(public.kiosks) from public;

-- A kiosk membership comes only from claim_kiosk_pairing, and stays one: an invite or a role change
-- can neither make a person's account a kiosk nor turn a public tablet into staff.
create function private.guard_kiosk_membership() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and (old.role = 'kiosk') <> (new.role = 'kiosk') then
    perform private.raise_error('forbidden', 'A kiosk keeps its role; revoke it and pair a new one',
      pg_catalog.jsonb_build_object('role', new.role), '42501');
  end if;
  if tg_op = 'INSERT' and new.role = 'kiosk' and not exists (select 1 from public.kiosks k
      where k.restaurant_id = new.restaurant_id and k.claimed_by = new.user_id and k.revoked_at is null) then
    perform private.raise_error('forbidden', 'A kiosk joins with a kiosk pairing code',
      pg_catalog.jsonb_build_object('role', new.role), '42501');
  end if;
  return new;
end $$;
revoke all on function private.guard_kiosk_membership() from public;

create trigger memberships_kiosk_guard before insert or update of role on public.memberships
for each row execute function private.guard_kiosk_membership();

create function private.refuse_kiosk_invite() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.role = 'kiosk' then
    perform private.raise_error('forbidden', 'A kiosk joins with a kiosk pairing code, not an invite',
      pg_catalog.jsonb_build_object('role', new.role), '42501');
  end if;
  return new;
end $$;
revoke all on function private.refuse_kiosk_invite() from public;
grant execute on function private.refuse_kiosk_invite() to authenticated, service_role;

create trigger invites_no_kiosk before insert or update of role on public.invites
for each row execute function private.refuse_kiosk_invite();

-- Removing a kiosk's member (remove_member, revoke_kiosk, its user deleted) revokes the kiosk and
-- tells the tablet, which goes back to its pairing screen.
create function private.revoke_kiosk_of_member() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.kiosks;
begin
  if old.role <> 'kiosk' then return null; end if;
  update public.kiosks set revoked_at = coalesce(revoked_at, pg_catalog.now()), updated_at = pg_catalog.now()
  where restaurant_id = old.restaurant_id and claimed_by = old.user_id and revoked_at is null
  returning * into v_row;
  if v_row.id is not null then
    perform realtime.send(pg_catalog.jsonb_build_object('kiosk_id', v_row.id), 'kiosk_revoked',
      'kiosk:' || v_row.id, true);
  end if;
  return null;
end $$;
revoke all on function private.revoke_kiosk_of_member() from public;

create trigger memberships_revoke_kiosk after delete on public.memberships
for each row execute function private.revoke_kiosk_of_member();

-- A kiosk order belongs to the kiosk that placed it (the caller), never to one named in a payload.
create function private.set_order_kiosk() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.source = 'kiosk' and new.kiosk_id is null then
    new.kiosk_id := (select k.id from public.kiosks k where k.claimed_by = auth.uid() and k.revoked_at is null);
    if new.kiosk_id is null then
      perform private.raise_error('kiosk_not_paired', 'This device is not a paired kiosk', '{}', '42501');
    end if;
  end if;
  return new;
end $$;
revoke all on function private.set_order_kiosk() from public;

create trigger orders_kiosk before insert on public.orders
for each row execute function private.set_order_kiosk();

-- As in 20261121001300, plus order:<id> for kiosk orders (the tablet follows its own orders).
create or replace function private.broadcast_order_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row record := case when tg_op = 'DELETE' then old else new end;
begin
  perform realtime.broadcast_changes('restaurant:' || v_row.restaurant_id || ':orders', tg_op, tg_op,
    tg_table_name, tg_table_schema, new, old);
  if tg_table_name = 'orders' and (pg_catalog.to_jsonb(v_row) ->> 'guest_user_id' is not null
      or pg_catalog.to_jsonb(v_row) ->> 'kiosk_id' is not null) then
    perform realtime.broadcast_changes('order:' || (pg_catalog.to_jsonb(v_row) ->> 'id'), tg_op, tg_op,
      tg_table_name, tg_table_schema, new, old);
  end if;
  return null;
end $$;

-- RLS --------------------------------------------------------------------------------------------

alter table public.kiosks enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- As in 20261121000100, without the kiosk either: restaurants whose staff screens the caller may see.
create or replace function private.member_restaurant_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select m.restaurant_id from public.memberships m
    where m.user_id = (select auth.uid()) and m.role not in ('print_bridge', 'kiosk');
end $$;

-- As in 20261121000200, plus kiosks: a manager may remove one, like the print bridge.
create or replace function private.can_manage_role(p_actor public.member_role, p_target public.member_role)
returns boolean language sql immutable set search_path = '' as $$
  select case p_actor
    when 'owner' then true
    when 'manager' then p_target in ('cashier', 'kitchen', 'waiter', 'print_bridge', 'kiosk')
    else false
  end
$$;

-- The caller's live kiosk (paired, not revoked, still a member), or 42501 kiosk_not_paired.
create function private.require_kiosk() returns public.kiosks
language plpgsql stable security definer set search_path = '' as $$
declare
  v_row public.kiosks;
begin
  perform private.require_user();
  select k.* into v_row from public.kiosks k
  join public.memberships m on m.restaurant_id = k.restaurant_id and m.user_id = k.claimed_by and m.role = 'kiosk'
  where k.claimed_by = auth.uid() and k.revoked_at is null;
  if v_row.id is null then
    perform private.raise_error('kiosk_not_paired', 'This device is not a paired kiosk (or it was revoked)', '{}', '42501');
  end if;
  return v_row;
end $$;
revoke all on function private.require_kiosk() from public;

-- The first free kiosk device code of the restaurant: K, then KA…KZ, KAA…KZZ. Taken in pos_devices,
-- whose unique code per restaurant keeps tills and kiosks apart.
create function private.claim_kiosk_device_code(p_restaurant_id uuid, p_kiosk_id uuid) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_code text;
begin
  -- One claim at a time per restaurant, as in claim_device_code.
  perform 1 from public.restaurants r where r.id = p_restaurant_id for no key update;
  select c into v_code
  from (select 0 as n, 'K' as c union all select n, 'K' || private.device_code(n) from pg_catalog.generate_series(1, 702) n) x
  where not exists (select 1 from public.pos_devices d where d.restaurant_id = p_restaurant_id and d.code = x.c)
  order by x.n limit 1;
  if v_code is null then
    perform private.raise_error('device_codes_exhausted', 'Every kiosk device code (K to KZZ) is taken in this restaurant',
      pg_catalog.jsonb_build_object('restaurant_id', p_restaurant_id));
  end if;
  insert into public.pos_devices (restaurant_id, device_id, code, created_by)
  values (p_restaurant_id, 'kiosk-' || p_kiosk_id, v_code, auth.uid());
  return v_code;
end $$;
revoke all on function private.claim_kiosk_device_code(uuid, uuid) from public;

-- A kiosk of a restaurant the caller manages, locked; another restaurant's is answered like a made-up id.
create function private.kiosk_for_update(p_kiosk_id uuid) returns public.kiosks
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_row public.kiosks;
begin
  perform private.require_user();
  select * into v_row from public.kiosks k where k.id = p_kiosk_id for update;
  if v_row.id is null or not exists (select 1 from public.memberships m where m.restaurant_id = v_row.restaurant_id
      and m.user_id = auth.uid()) then
    perform private.raise_error('kiosk_not_found', 'No such kiosk', pg_catalog.jsonb_build_object('kiosk_id', p_kiosk_id));
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  return v_row;
end $$;
revoke all on function private.kiosk_for_update(uuid) from public;

-- As in 20261203000300, plus the kiosk: restaurant:<id>:menu and :guest (menu changes, live 86),
-- order:<id> for its own orders, kiosk:<id> for its settings and revocation; never :orders or :print.
create or replace function private.can_receive_topic(p_topic text) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  v_parts text[] := pg_catalog.string_to_array(p_topic, ':');
  v_id uuid;
begin
  if auth.uid() is null or p_topic is null or cardinality(v_parts) not between 2 and 3
     or v_parts[2] !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  v_id := v_parts[2]::uuid;
  if v_parts[1] = 'restaurant' and v_parts[3] = 'orders' then
    return exists (select 1 from public.memberships m where m.restaurant_id = v_id and m.user_id = auth.uid()
      and m.role not in ('print_bridge', 'kiosk'));
  elsif v_parts[1] = 'restaurant' and v_parts[3] = 'menu' then
    return exists (select 1 from public.memberships m where m.restaurant_id = v_id and m.user_id = auth.uid()
      and m.role <> 'print_bridge');
  elsif v_parts[1] = 'restaurant' and v_parts[3] = 'print' then
    return exists (select 1 from public.memberships m where m.restaurant_id = v_id and m.user_id = auth.uid()
      and m.role in ('owner', 'manager', 'print_bridge'));
  elsif v_parts[1] = 'restaurant' and v_parts[3] = 'guest' then
    return private.has_live_visit(v_id) or exists (select 1 from public.memberships m
      where m.restaurant_id = v_id and m.user_id = auth.uid() and m.role = 'kiosk');
  elsif v_parts[1] = 'order' and cardinality(v_parts) = 2 then
    return exists (select 1 from public.orders o where o.id = v_id and o.guest_user_id = auth.uid())
      or exists (select 1 from public.orders o join public.kiosks k on k.id = o.kiosk_id
        where o.id = v_id and k.claimed_by = auth.uid() and k.revoked_at is null);
  elsif v_parts[1] = 'guest' and cardinality(v_parts) = 2 then
    return v_id = auth.uid();
  elsif v_parts[1] = 'kiosk' and cardinality(v_parts) = 2 then
    return exists (select 1 from public.kiosks k where k.id = v_id and k.claimed_by = auth.uid() and k.revoked_at is null);
  end if;
  return false;
end $$;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners and managers can see their restaurant's kiosks" on public.kiosks
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- A new kiosk with its pairing code, shown once: {id, code ("ABCDE-FGHJK"), label, expires_at}.
create function public.create_kiosk_pairing(p_restaurant_id uuid, p_label text default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_code text;
  v_label text := coalesce(nullif(btrim(p_label), ''), 'Kiosk');
  v_row public.kiosks;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager}');
  if char_length(v_label) > 60 then
    perform private.raise_error('invalid_kiosk_label', 'Name the kiosk in 1 to 60 characters', '{}');
  end if;
  if (select count(*) from public.kiosks k where k.restaurant_id = p_restaurant_id
      and k.claimed_at is null and k.revoked_at is null and k.expires_at > pg_catalog.now()) >= 5 then
    perform private.raise_error('too_many_pairing_codes',
      'Five pairing codes are waiting already; use one or let them expire', '{}');
  end if;
  v_code := private.new_invite_code();
  insert into public.kiosks (restaurant_id, label, code_hash, created_by, expires_at)
  values (p_restaurant_id, v_label, private.bridge_code_hash(v_code), auth.uid(), pg_catalog.now() + interval '15 minutes')
  returning * into v_row;
  return pg_catalog.jsonb_build_object('id', v_row.id, 'code', substr(v_code, 1, 5) || '-' || substr(v_code, 6, 5),
    'label', v_row.label, 'expires_at', v_row.expires_at);
end $$;

-- The tablet's side, as claim_bridge_pairing: refusals are answered (and counted in the bridge's
-- failure log, the same guesses budget per sign-in), not raised.
create function public.claim_kiosk_pairing(p_code text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_row public.kiosks;
  v_code text;
  v_hint text;
begin
  if not private.is_anonymous() then
    perform private.raise_error('pairing_needs_anonymous',
      'A kiosk pairs as a fresh anonymous sign-in, never as a person''s account', '{}', '42501');
  end if;
  if (select count(*) from private.bridge_pairing_failures f
      where f.user_id = v_uid and f.failed_at > pg_catalog.now() - interval '15 minutes') >= 5 then
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', 'pairing_rate_limited',
      'hint', 'Too many wrong codes; wait 15 minutes');
  end if;
  select * into v_row from public.kiosks k where k.code_hash = private.bridge_code_hash(p_code) for update;
  if v_row.id is null or v_row.revoked_at is not null then
    v_code := 'pairing_code_invalid';
    v_hint := 'This pairing code does not exist or was withdrawn';
  elsif v_row.claimed_at is not null then
    v_code := 'pairing_code_used';
    v_hint := 'This pairing code was already used; create a new one';
  elsif v_row.expires_at <= pg_catalog.now() then
    v_code := 'pairing_code_expired';
    v_hint := 'This pairing code has expired; create a new one';
  elsif exists (select 1 from public.memberships m where m.user_id = v_uid) then
    v_code := 'already_member';
    v_hint := 'This sign-in is paired already';
  end if;
  if v_code is not null then
    insert into private.bridge_pairing_failures (user_id) values (v_uid);
    delete from private.bridge_pairing_failures f where f.failed_at < pg_catalog.now() - interval '1 day';
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', v_code, 'hint', v_hint);
  end if;
  update public.kiosks set claimed_by = v_uid, claimed_at = pg_catalog.now(), updated_at = pg_catalog.now(),
    device_code = private.claim_kiosk_device_code(v_row.restaurant_id, v_row.id)
  where id = v_row.id returning * into v_row;
  insert into public.memberships (restaurant_id, user_id, role, display_name)
  values (v_row.restaurant_id, v_uid, 'kiosk', v_row.label);
  return pg_catalog.jsonb_build_object('status', 'paired', 'restaurant_id', v_row.restaurant_id,
    'restaurant_name', (select r.name from public.restaurants r where r.id = v_row.restaurant_id),
    'kiosk', private.kiosk_json(v_row));
end $$;

-- Changes a kiosk's settings: any of label, mode, idle_reset_seconds, max_lines, max_items.
create function public.update_kiosk(p_kiosk_id uuid, p_settings jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_row public.kiosks := private.kiosk_for_update(p_kiosk_id);
  v_label text;
  v_bad record;
begin
  if v_row.revoked_at is not null then
    perform private.raise_error('kiosk_revoked', 'This kiosk was revoked; pair a new one',
      pg_catalog.jsonb_build_object('kiosk_id', p_kiosk_id));
  end if;
  if pg_catalog.jsonb_typeof(p_settings) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The settings must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_settings) k
      where k not in ('label', 'mode', 'idle_reset_seconds', 'max_lines', 'max_items')) then
    perform private.raise_error('unknown_field', 'A kiosk has label, mode, idle_reset_seconds, max_lines and max_items', '{}');
  end if;
  if p_settings ? 'label' then
    v_label := btrim(case when pg_catalog.jsonb_typeof(p_settings -> 'label') = 'string' then p_settings ->> 'label' end);
    if v_label is null or char_length(v_label) not between 1 and 60 then
      perform private.raise_error('invalid_kiosk_label', 'Name the kiosk in 1 to 60 characters', '{}');
    end if;
  end if;
  if p_settings ? 'mode' and (pg_catalog.jsonb_typeof(p_settings -> 'mode') is distinct from 'string'
      or (p_settings ->> 'mode') not in ('direct', 'pay_at_counter')) then
    perform private.raise_error('invalid_kiosk_setting', 'mode is direct or pay_at_counter',
      pg_catalog.jsonb_build_object('field', 'mode'));
  end if;
  select x.field, x.min, x.max into v_bad
  from (values ('idle_reset_seconds', 30, 900), ('max_lines', 1, 100), ('max_items', 1, 500)) as x(field, min, max)
  where p_settings ? x.field and (pg_catalog.jsonb_typeof(p_settings -> x.field) is distinct from 'number'
    or (p_settings ->> x.field)::numeric <> pg_catalog.trunc((p_settings ->> x.field)::numeric)
    or (p_settings ->> x.field)::numeric not between x.min and x.max)
  limit 1;
  if found then
    perform private.raise_error('invalid_kiosk_setting',
      pg_catalog.format('%s must be a whole number from %s to %s', v_bad.field, v_bad.min, v_bad.max),
      pg_catalog.jsonb_build_object('field', v_bad.field, 'min', v_bad.min, 'max', v_bad.max));
  end if;
  update public.kiosks set
    label = coalesce(v_label, label),
    mode = coalesce((p_settings ->> 'mode')::public.kiosk_mode, mode),
    idle_reset_seconds = coalesce((p_settings ->> 'idle_reset_seconds')::smallint, idle_reset_seconds),
    max_lines = coalesce((p_settings ->> 'max_lines')::smallint, max_lines),
    max_items = coalesce((p_settings ->> 'max_items')::smallint, max_items),
    updated_at = pg_catalog.now()
  where id = v_row.id returning * into v_row;
  if v_label is not null and v_row.claimed_by is not null then
    update public.memberships set display_name = v_label
    where restaurant_id = v_row.restaurant_id and user_id = v_row.claimed_by and role = 'kiosk';
  end if;
  perform realtime.send(private.kiosk_json(v_row), 'kiosk_updated', 'kiosk:' || v_row.id, true);
  return private.kiosk_json(v_row);
end $$;

-- Withdraws a kiosk's unused code, or unpairs the tablet (its membership goes; the delete trigger
-- marks the kiosk revoked and tells the tablet). Revoking twice keeps the first time.
create function public.revoke_kiosk(p_kiosk_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_row public.kiosks := private.kiosk_for_update(p_kiosk_id);
begin
  if v_row.revoked_at is null then
    delete from public.memberships
    where restaurant_id = v_row.restaurant_id and user_id = v_row.claimed_by and role = 'kiosk';
    update public.kiosks set revoked_at = coalesce(revoked_at, pg_catalog.now()), updated_at = pg_catalog.now()
    where id = v_row.id;
  end if;
  select * into v_row from public.kiosks k where k.id = p_kiosk_id;
  return private.kiosk_json(v_row);
end $$;

revoke all on function public.create_kiosk_pairing(uuid, text) from public, anon;
revoke all on function public.claim_kiosk_pairing(text) from public, anon;
revoke all on function public.update_kiosk(uuid, jsonb) from public, anon;
revoke all on function public.revoke_kiosk(uuid) from public, anon;
grant execute on function public.create_kiosk_pairing(uuid, text) to authenticated, service_role;
grant execute on function public.claim_kiosk_pairing(text) to authenticated, service_role;
grant execute on function public.update_kiosk(uuid, jsonb) to authenticated, service_role;
grant execute on function public.revoke_kiosk(uuid) to authenticated, service_role;

comment on function public.create_kiosk_pairing(uuid, text) is
'Creates a self-order kiosk and its one-time pairing code ("ABCDE-FGHJK", valid 15 minutes, stored hashed);
returns {id, code, label, expires_at}, the code shown this once. At most five kiosk codes wait at a time. The
kiosk starts in pay_at_counter mode (update_kiosk changes it).

Callers: owners and managers.
Errors: forbidden (42501), invalid_kiosk_label, too_many_pairing_codes.';

comment on function public.claim_kiosk_pairing(text) is
'Pairs the calling anonymous sign-in (the kiosk tablet) with the kiosk of a pairing code: it becomes that
restaurant''s kiosk member and gets the kiosk''s device code ("K", "KA"…) for its provisional order codes.
Returns {status: "paired", restaurant_id, restaurant_name, kiosk}, or {status: "refused", code, hint} with code
pairing_code_invalid, pairing_code_used, pairing_code_expired, already_member or pairing_rate_limited (after
five refusals in 15 minutes, counted with the print bridge''s); refusals are answered, not raised.

Callers: anonymous sign-ins.
Errors: not_authenticated (42501), pairing_needs_anonymous (42501), device_codes_exhausted.';

comment on function public.update_kiosk(uuid, jsonb) is
'Changes a kiosk''s settings from p_settings {label?, mode? ("direct" | "pay_at_counter"), idle_reset_seconds?
(30..900), max_lines? (1..100), max_items? (1..500)} and tells the tablet (kiosk_updated on kiosk:<id>).
Returns the kiosk.

Callers: owners and managers of the kiosk''s restaurant.
Errors: kiosk_not_found (also another restaurant''s), forbidden (42501), kiosk_revoked, invalid_payload,
unknown_field, invalid_kiosk_label, invalid_kiosk_setting (detail {field, min?, max?}).';

comment on function public.revoke_kiosk(uuid) is
'Revokes a kiosk: an unused pairing code can no longer be claimed, a paired tablet loses its membership (every
kiosk call then answers kiosk_not_paired) and is told (kiosk_revoked on kiosk:<id>). Idempotent. Returns the kiosk.

Callers: owners and managers of the kiosk''s restaurant.
Errors: kiosk_not_found (also another restaurant''s), forbidden (42501).';
