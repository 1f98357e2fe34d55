-- Leaving kiosk mode (issue 15): a customer at the tablet must not reach the browser or the kiosk's
-- settings, so the surface asks for the restaurant's kiosk exit PIN, checked here. The PIN is set by
-- an owner or manager, stored only as a bcrypt hash (extensions.crypt) in the private schema, where
-- no API role can read even the hash. Four digits are easy to guess, so wrong PINs are counted per
-- kiosk: five in a quarter of an hour and the kiosk refuses every PIN until the window passes.

-- tables -----------------------------------------------------------------------------------------

create table private.kiosk_exit_pins (
  restaurant_id uuid primary key references public.restaurants (id) on delete cascade,
  pin_hash text not null,
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index kiosk_exit_pins_updated_by_idx on private.kiosk_exit_pins (updated_by);

create table private.kiosk_exit_failures (
  kiosk_id uuid not null references public.kiosks (id) on delete cascade,
  failed_at timestamptz not null default now()
);
create index kiosk_exit_failures_idx on private.kiosk_exit_failures (kiosk_id, failed_at);

-- grants -----------------------------------------------------------------------------------------

revoke all on table private.kiosk_exit_pins, private.kiosk_exit_failures from public;

-- RPCs -------------------------------------------------------------------------------------------

create function public.set_kiosk_exit_pin(p_restaurant_id uuid, p_pin text) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.require_role(p_restaurant_id, '{owner,manager}');
  if p_pin is null or p_pin !~ '^[0-9]{4,8}$' then
    perform private.raise_error('invalid_kiosk_pin', 'The kiosk exit PIN is 4 to 8 digits', '{}');
  end if;
  insert into private.kiosk_exit_pins (restaurant_id, pin_hash, updated_by)
  values (p_restaurant_id, extensions.crypt(p_pin, extensions.gen_salt('bf', 8)), auth.uid())
  on conflict (restaurant_id) do update
    set pin_hash = excluded.pin_hash, updated_by = excluded.updated_by, updated_at = pg_catalog.now();
end $$;

-- Refusals are answered, not raised: a raise would roll back the failure the limit counts.
create function public.kiosk_exit(p_pin text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_kiosk public.kiosks := private.require_kiosk();
  v_hash text;
begin
  if (select count(*) from private.kiosk_exit_failures f
      where f.kiosk_id = v_kiosk.id and f.failed_at > pg_catalog.now() - interval '15 minutes') >= 5 then
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', 'kiosk_exit_rate_limited',
      'hint', 'Too many wrong PINs; wait 15 minutes');
  end if;
  select p.pin_hash into v_hash from private.kiosk_exit_pins p where p.restaurant_id = v_kiosk.restaurant_id;
  if v_hash is null then
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', 'kiosk_pin_not_set',
      'hint', 'An owner or manager sets the kiosk exit PIN in the admin first');
  end if;
  if p_pin is null or extensions.crypt(p_pin, v_hash) <> v_hash then
    insert into private.kiosk_exit_failures (kiosk_id) values (v_kiosk.id);
    delete from private.kiosk_exit_failures f where f.failed_at < pg_catalog.now() - interval '1 day';
    return pg_catalog.jsonb_build_object('status', 'refused', 'code', 'kiosk_pin_wrong', 'hint', 'Wrong PIN');
  end if;
  return pg_catalog.jsonb_build_object('status', 'ok', 'kiosk_id', v_kiosk.id);
end $$;

revoke all on function public.set_kiosk_exit_pin(uuid, text) from public, anon;
revoke all on function public.kiosk_exit(text) from public, anon;
grant execute on function public.set_kiosk_exit_pin(uuid, text) to authenticated, service_role;
grant execute on function public.kiosk_exit(text) to authenticated, service_role;

comment on function public.set_kiosk_exit_pin(uuid, text) is
'Sets the restaurant''s kiosk exit PIN (4 to 8 digits, stored as a bcrypt hash), which a kiosk asks for before
leaving kiosk mode. Setting it again replaces it.

Callers: owners and managers.
Errors: forbidden (42501), invalid_kiosk_pin.';

comment on function public.kiosk_exit(text) is
'Checks the restaurant''s kiosk exit PIN for the calling kiosk: {status: "ok", kiosk_id}, or {status:
"refused", code, hint} with code kiosk_pin_wrong, kiosk_pin_not_set or kiosk_exit_rate_limited (five wrong
PINs in 15 minutes refuse every PIN for the rest of the window); refusals are answered, not raised, so they are
counted. The kiosk stays paired.

Callers: paired kiosks.
Errors: not_authenticated (42501), kiosk_not_paired (42501).';
