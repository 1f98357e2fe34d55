-- Staff management: single-use, expiring join codes; role changes; removing members. The rule that
-- a restaurant always keeps an owner is enforced here, in the only functions that change roles.

-- tables -----------------------------------------------------------------------------------------

create table public.invites (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  -- 10 characters from a 31-letter alphabet without look-alikes (0/O, 1/I/L): read aloud or typed.
  code text not null unique check (code ~ '^[A-HJKMNP-Z2-9]{10}$'),
  role public.member_role not null,
  created_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  accepted_by uuid references auth.users (id) on delete set null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index invites_restaurant_id_idx on public.invites (restaurant_id, created_at desc);
create index invites_created_by_idx on public.invites (created_by);
create index invites_accepted_by_idx on public.invites (accepted_by);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.invites from anon, authenticated;
grant select on table public.invites to authenticated;
grant all on table public.invites to service_role;

-- RLS --------------------------------------------------------------------------------------------

alter table public.invites enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- Owners manage everyone; managers manage the floor and kitchen staff and the print bridge.
create function private.can_manage_role(p_actor public.member_role, p_target public.member_role)
returns boolean language sql immutable set search_path = '' as $$
  select case p_actor
    when 'owner' then true
    when 'manager' then p_target in ('cashier', 'kitchen', 'waiter', 'print_bridge')
    else false
  end
$$;

create function private.new_invite_code() returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_bytes bytea := extensions.gen_random_bytes(10);
  v_code text := '';
begin
  for i in 0..9 loop
    v_code := v_code || substr(v_alphabet, 1 + (get_byte(v_bytes, i) % 31), 1);
  end loop;
  return v_code;
end $$;

-- Raises 'last_owner' when the change would leave the restaurant without an owner.
create function private.assert_keeps_an_owner(p_restaurant_id uuid, p_user_id uuid)
returns void language plpgsql volatile set search_path = '' as $$
begin
  -- Lock the owners so two concurrent demotions cannot each see "another owner remains".
  perform 1 from public.memberships m
  where m.restaurant_id = p_restaurant_id and m.role = 'owner' for update;
  if not exists (
    select 1 from public.memberships m
    where m.restaurant_id = p_restaurant_id and m.role = 'owner' and m.user_id <> p_user_id
  ) then
    perform private.raise_error('last_owner', 'A restaurant must keep at least one owner; appoint another first',
      pg_catalog.jsonb_build_object('restaurant_id', p_restaurant_id, 'user_id', p_user_id));
  end if;
end $$;

revoke all on function private.can_manage_role(public.member_role, public.member_role) from public;
revoke all on function private.new_invite_code() from public;
revoke all on function private.assert_keeps_an_owner(uuid, uuid) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners and managers can see their restaurant's invites" on public.invites
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- Creates a join code for p_role, valid p_valid_hours hours. Returns the invite row.
create function public.create_invite(p_restaurant_id uuid, p_role public.member_role, p_valid_hours integer default 72)
returns public.invites
language plpgsql security definer set search_path = '' as $$
declare
  v_actor public.member_role := private.require_role(p_restaurant_id, '{owner,manager}');
  v_row public.invites;
begin
  if p_role is null or not private.can_manage_role(v_actor, p_role) then
    perform private.raise_error('forbidden', 'Your role may not invite this role',
      pg_catalog.jsonb_build_object('role', p_role), '42501');
  end if;
  if p_valid_hours is null or p_valid_hours not between 1 and 720 then
    perform private.raise_error('invalid_validity', 'An invite is valid 1 to 720 hours',
      pg_catalog.jsonb_build_object('valid_hours', p_valid_hours));
  end if;
  insert into public.invites (restaurant_id, code, role, created_by, expires_at)
  values (p_restaurant_id, private.new_invite_code(), p_role, auth.uid(),
          pg_catalog.now() + pg_catalog.make_interval(hours => p_valid_hours))
  returning * into v_row;
  return v_row;
end $$;

create function public.revoke_invite(p_invite_id uuid) returns public.invites
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.invites;
begin
  select * into v_row from public.invites i where i.id = p_invite_id for update;
  if v_row.id is null then
    perform private.raise_error('invite_not_found', 'No such invite', pg_catalog.jsonb_build_object('invite_id', p_invite_id));
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  update public.invites set revoked_at = coalesce(revoked_at, pg_catalog.now()) where id = p_invite_id returning * into v_row;
  return v_row;
end $$;

-- Joins the restaurant of a join code. Returns the new membership.
create function public.accept_invite(p_code text) returns public.memberships
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_invite public.invites;
  v_row public.memberships;
begin
  if private.is_anonymous() then
    perform private.raise_error('anonymous_not_allowed', 'Create an account before joining a restaurant', '{}', '42501');
  end if;
  select * into v_invite from public.invites i where i.code = upper(btrim(coalesce(p_code, ''))) for update;
  if v_invite.id is null or v_invite.revoked_at is not null then
    perform private.raise_error('invite_not_found', 'This join code does not exist or was revoked', '{}');
  end if;
  if v_invite.accepted_at is not null then
    perform private.raise_error('invite_used', 'This join code was already used', '{}');
  end if;
  if v_invite.expires_at <= pg_catalog.now() then
    perform private.raise_error('invite_expired', 'This join code has expired; ask for a new one',
      pg_catalog.jsonb_build_object('expired_at', v_invite.expires_at));
  end if;
  if exists (select 1 from public.memberships m where m.restaurant_id = v_invite.restaurant_id and m.user_id = v_uid) then
    perform private.raise_error('already_member', 'You already work in this restaurant', '{}');
  end if;
  update public.invites set accepted_by = v_uid, accepted_at = pg_catalog.now() where id = v_invite.id;
  insert into public.memberships (restaurant_id, user_id, role)
  values (v_invite.restaurant_id, v_uid, v_invite.role) returning * into v_row;
  return v_row;
end $$;

create function public.change_member_role(p_restaurant_id uuid, p_user_id uuid, p_role public.member_role)
returns public.memberships
language plpgsql security definer set search_path = '' as $$
declare
  v_actor public.member_role := private.require_role(p_restaurant_id, '{owner,manager}');
  v_row public.memberships;
begin
  select * into v_row from public.memberships m
  where m.restaurant_id = p_restaurant_id and m.user_id = p_user_id for update;
  if v_row.user_id is null then
    perform private.raise_error('member_not_found', 'This person does not work in this restaurant',
      pg_catalog.jsonb_build_object('user_id', p_user_id));
  end if;
  if p_role is null or not private.can_manage_role(v_actor, v_row.role) or not private.can_manage_role(v_actor, p_role) then
    perform private.raise_error('forbidden', 'Your role may not give or take this role',
      pg_catalog.jsonb_build_object('from', v_row.role, 'to', p_role), '42501');
  end if;
  if v_row.role = 'owner' and p_role <> 'owner' then
    perform private.assert_keeps_an_owner(p_restaurant_id, p_user_id);
  end if;
  update public.memberships set role = p_role
  where restaurant_id = p_restaurant_id and user_id = p_user_id returning * into v_row;
  return v_row;
end $$;

-- Removes a member; anyone may remove themselves (leave), never the last owner.
create function public.remove_member(p_restaurant_id uuid, p_user_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_target public.memberships;
  v_actor public.member_role;
begin
  select * into v_target from public.memberships m
  where m.restaurant_id = p_restaurant_id and m.user_id = p_user_id for update;
  if p_user_id is distinct from v_uid or v_target.user_id is null then
    v_actor := private.require_role(p_restaurant_id, '{owner,manager}');
  end if;
  if v_target.user_id is null then
    perform private.raise_error('member_not_found', 'This person does not work in this restaurant',
      pg_catalog.jsonb_build_object('user_id', p_user_id));
  end if;
  if p_user_id <> v_uid and not private.can_manage_role(v_actor, v_target.role) then
    perform private.raise_error('forbidden', 'Your role may not remove this member',
      pg_catalog.jsonb_build_object('role', v_target.role), '42501');
  end if;
  if v_target.role = 'owner' then
    perform private.assert_keeps_an_owner(p_restaurant_id, p_user_id);
  end if;
  delete from public.memberships where restaurant_id = p_restaurant_id and user_id = p_user_id;
end $$;

revoke all on function public.create_invite(uuid, public.member_role, integer) from public, anon;
revoke all on function public.revoke_invite(uuid) from public, anon;
revoke all on function public.accept_invite(text) from public, anon;
revoke all on function public.change_member_role(uuid, uuid, public.member_role) from public, anon;
revoke all on function public.remove_member(uuid, uuid) from public, anon;
grant execute on function public.create_invite(uuid, public.member_role, integer) to authenticated, service_role;
grant execute on function public.revoke_invite(uuid) to authenticated, service_role;
grant execute on function public.accept_invite(text) to authenticated, service_role;
grant execute on function public.change_member_role(uuid, uuid, public.member_role) to authenticated, service_role;
grant execute on function public.remove_member(uuid, uuid) to authenticated, service_role;
