-- Pairing a print bridge with a one-time code, so the store PC never holds a password or a service
-- key. An owner or manager creates a code on the admin printers page (short, typable, valid 15
-- minutes, stored only as a SHA-256 hash); the bridge signs in anonymously and claims it, which makes
-- that anonymous user the restaurant's print_bridge member. Removing the member (remove_member)
-- unpairs the bridge: its next claim is refused and it stops.

-- tables -----------------------------------------------------------------------------------------

create table public.bridge_pairings (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  -- SHA-256 of the normalised code (upper case, no dash): a leaked table pairs nothing.
  code_hash bytea not null unique check (octet_length(code_hash) = 32),
  -- What the bridge will be called among the members ("Kitchen PC").
  label text not null check (char_length(btrim(label)) between 1 and 60),
  created_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null,
  claimed_by uuid references auth.users (id) on delete set null,
  claimed_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index bridge_pairings_restaurant_idx on public.bridge_pairings (restaurant_id, created_at desc);
create index bridge_pairings_created_by_idx on public.bridge_pairings (created_by);
create index bridge_pairings_claimed_by_idx on public.bridge_pairings (claimed_by);

-- Claims that did not pair, per caller: more than a few in a quarter of an hour and the caller is
-- refused. Anonymous sign-ins are themselves rate-limited by the auth server, so this bounds guesses
-- per client, on top of the code's 50 bits and 15 minutes.
create table private.bridge_pairing_failures (
  user_id uuid not null,
  failed_at timestamptz not null default now()
);
create index bridge_pairing_failures_idx on private.bridge_pairing_failures (user_id, failed_at);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.bridge_pairings from anon, authenticated;
grant select (id, restaurant_id, label, created_by, expires_at, claimed_by, claimed_at, revoked_at, created_at)
  on table public.bridge_pairings to authenticated;
grant all on table public.bridge_pairings to service_role;
revoke all on table private.bridge_pairing_failures from public;

-- RLS --------------------------------------------------------------------------------------------

alter table public.bridge_pairings enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- The code as typed ("abcde-fghjk", spaces, lower case) → its hash.
create function private.bridge_code_hash(p_code text) returns bytea
language sql immutable set search_path = '' as $$
  select extensions.digest(pg_catalog.upper(pg_catalog.regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'sha256')
$$;
revoke all on function private.bridge_code_hash(text) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners and managers can see their restaurant's bridge pairings" on public.bridge_pairings
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- A new pairing code, shown once: {id, code ("ABCDE-FGHJK"), label, expires_at}.
create function public.create_bridge_pairing(p_restaurant_id uuid, p_label text default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_code text;
  v_label text := coalesce(nullif(btrim(p_label), ''), 'Print bridge');
  v_row public.bridge_pairings;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager}');
  if char_length(v_label) > 60 then
    perform private.raise_error('invalid_bridge_label', 'Name the bridge in 1 to 60 characters', '{}');
  end if;
  if (select count(*) from public.bridge_pairings b where b.restaurant_id = p_restaurant_id
      and b.claimed_at is null and b.revoked_at is null and b.expires_at > pg_catalog.now()) >= 5 then
    perform private.raise_error('too_many_pairing_codes',
      'Five pairing codes are waiting already; use one or let them expire', '{}');
  end if;
  v_code := private.new_invite_code();
  insert into public.bridge_pairings (restaurant_id, code_hash, label, created_by, expires_at)
  values (p_restaurant_id, private.bridge_code_hash(v_code), v_label, auth.uid(), pg_catalog.now() + interval '15 minutes')
  returning * into v_row;
  return pg_catalog.jsonb_build_object('id', v_row.id, 'code', substr(v_code, 1, 5) || '-' || substr(v_code, 6, 5),
    'label', v_row.label, 'expires_at', v_row.expires_at);
end $$;

-- Withdraws a code not used yet.
create function public.revoke_bridge_pairing(p_pairing_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_row public.bridge_pairings;
begin
  perform private.require_user();
  select * into v_row from public.bridge_pairings b where b.id = p_pairing_id for update;
  if v_row.id is null or not exists (select 1 from public.memberships m where m.restaurant_id = v_row.restaurant_id
      and m.user_id = auth.uid()) then
    perform private.raise_error('pairing_not_found', 'No such pairing code', '{}');
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  update public.bridge_pairings set revoked_at = coalesce(revoked_at, pg_catalog.now()) where id = p_pairing_id;
end $$;

-- The bridge's side. A refused code does not raise: a raise would roll back the failure the rate
-- limit counts. It answers {"status":"refused","code":…,"hint":…} instead, with the same stable codes
-- (db_error_<code> in the app); {"status":"paired","restaurant_id":…,"restaurant_name":…} on success.
create function public.claim_bridge_pairing(p_code text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_row public.bridge_pairings;
  v_code text;
  v_hint text;
begin
  if not private.is_anonymous() then
    perform private.raise_error('pairing_needs_anonymous',
      'A bridge pairs as a fresh anonymous sign-in, never as a person''s account', '{}', '42501');
  end if;
  if (select count(*) from private.bridge_pairing_failures f
      where f.user_id = v_uid and f.failed_at > pg_catalog.now() - interval '15 minutes') >= 5 then
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', 'pairing_rate_limited',
      'hint', 'Too many wrong codes; wait 15 minutes');
  end if;
  select * into v_row from public.bridge_pairings b where b.code_hash = private.bridge_code_hash(p_code) for update;
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
  update public.bridge_pairings set claimed_by = v_uid, claimed_at = pg_catalog.now() where id = v_row.id;
  insert into public.memberships (restaurant_id, user_id, role, display_name)
  values (v_row.restaurant_id, v_uid, 'print_bridge', v_row.label);
  return pg_catalog.jsonb_build_object('status', 'paired', 'restaurant_id', v_row.restaurant_id,
    'restaurant_name', (select r.name from public.restaurants r where r.id = v_row.restaurant_id), 'label', v_row.label);
end $$;

revoke all on function public.create_bridge_pairing(uuid, text) from public, anon;
revoke all on function public.revoke_bridge_pairing(uuid) from public, anon;
revoke all on function public.claim_bridge_pairing(text) from public, anon;
grant execute on function public.create_bridge_pairing(uuid, text) to authenticated, service_role;
grant execute on function public.revoke_bridge_pairing(uuid) to authenticated, service_role;
grant execute on function public.claim_bridge_pairing(text) to authenticated, service_role;

comment on function public.create_bridge_pairing(uuid, text) is
'Creates a one-time pairing code for a print bridge ("ABCDE-FGHJK", valid 15 minutes, stored hashed) and
returns {id, code, label, expires_at}; the code is shown this once. At most five codes wait at a time.

Callers: owners and managers.
Errors: forbidden (42501), invalid_bridge_label, too_many_pairing_codes.';

comment on function public.revoke_bridge_pairing(uuid) is
'Withdraws a pairing code so it can no longer be claimed; withdrawing twice keeps the first time.

Callers: owners and managers of the code''s restaurant.
Errors: pairing_not_found, forbidden (42501).';

comment on function public.claim_bridge_pairing(text) is
'Pairs the calling anonymous sign-in (the print bridge) with the restaurant of a pairing code: it becomes
that restaurant''s print_bridge member, named after the code''s label. Returns {status: "paired",
restaurant_id, restaurant_name, label}, or {status: "refused", code, hint} with code pairing_code_invalid,
pairing_code_used, pairing_code_expired, already_member or pairing_rate_limited (after five refusals in 15
minutes); refusals are answered, not raised, so they are counted.

Callers: anonymous sign-ins.
Errors: not_authenticated (42501), pairing_needs_anonymous (42501).';
