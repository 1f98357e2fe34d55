-- Another restaurant's id is answered exactly like a made-up one. rotate_table_token, revoke_invite
-- and print_test_page found the row first and then asked private.require_role, whose 'forbidden'
-- carried the row's restaurant id: an outsider learnt the row existed and whose it was. Now a row of
-- a restaurant the caller is not a member of is '<thing>_not_found', as a missing one; a member whose
-- role may not do this still gets 'forbidden' (about their own restaurant).
-- record_cash_movement had the same fault; 20261203001200_drawer_rules.sql redefines it.
-- tests/db/tenant-leaks.test.ts holds every RPC in `public` to this rule.
--
-- `create or replace` keeps each function's owner, grants and comment; signatures and error codes
-- are unchanged.

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261203000300_guest_visits.sql (with its table_rotated broadcast), behind a membership check.
create or replace function public.rotate_table_token(p_table_id uuid) returns public.dining_tables
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.dining_tables;
begin
  perform private.require_user();
  select * into v_row from public.dining_tables t where t.id = p_table_id;
  if v_row.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_row.restaurant_id and m.user_id = auth.uid()) then
    perform private.raise_error('table_not_found', 'No such table', pg_catalog.jsonb_build_object('table_id', p_table_id));
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  update public.dining_tables set qr_token = private.random_token(18), qr_rotated_at = pg_catalog.now()
  where id = p_table_id returning * into v_row;
  perform realtime.send(pg_catalog.jsonb_build_object('table_id', v_row.id), 'table_rotated',
    'restaurant:' || v_row.restaurant_id || ':guest', true);
  return v_row;
end $$;

create or replace function public.revoke_invite(p_invite_id uuid) returns public.invites
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.invites;
begin
  perform private.require_user();
  select * into v_row from public.invites i where i.id = p_invite_id for update;
  if v_row.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_row.restaurant_id and m.user_id = auth.uid()) then
    perform private.raise_error('invite_not_found', 'No such invite', pg_catalog.jsonb_build_object('invite_id', p_invite_id));
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  update public.invites set revoked_at = coalesce(revoked_at, pg_catalog.now()) where id = p_invite_id returning * into v_row;
  return v_row;
end $$;

create or replace function public.print_test_page(p_printer_id uuid) returns public.print_jobs
language plpgsql security definer set search_path = '' as $$
declare
  v_printer public.printers;
  v_job public.print_jobs;
begin
  perform private.require_user();
  select * into v_printer from public.printers p where p.id = p_printer_id;
  if v_printer.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_printer.restaurant_id and m.user_id = auth.uid()) then
    perform private.raise_error('printer_not_found', 'No such printer', pg_catalog.jsonb_build_object('id', p_printer_id));
  end if;
  perform private.require_role(v_printer.restaurant_id, '{owner,manager}');
  insert into public.print_jobs (restaurant_id, printer_id, document, dedupe_key, payload)
  values (v_printer.restaurant_id, v_printer.id, 'test', 'test:' || gen_random_uuid(),
    pg_catalog.jsonb_build_object('document', 'test', 'printer', pg_catalog.jsonb_build_object('id', v_printer.id,
      'name', v_printer.name, 'chars_per_line', v_printer.chars_per_line, 'stations', v_printer.stations),
      'restaurant', (select pg_catalog.jsonb_build_object('name', r.name, 'locale', r.locale, 'timezone', r.timezone)
        from public.restaurants r where r.id = v_printer.restaurant_id),
      'requested_at', pg_catalog.now()))
  returning * into v_job;
  return v_job;
end $$;
