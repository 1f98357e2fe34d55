-- Staff display names. `memberships.display_name` existed from the first migration, but no path
-- that adds a member filled it, so the staff screen could only list "Staff member 1a2b3c". People
-- now give their name at sign-up (user metadata `display_name`); a trigger copies it onto each
-- membership they get, so create_restaurant, accept_invite and any later path name the member
-- without their signatures changing. Without a sign-up name, the local part of the email stands in.
-- A name belongs to one membership: a person renames themself per restaurant with
-- set_my_display_name, and nobody renames anyone else (owners see names, they do not assign them).

-- helpers ----------------------------------------------------------------------------------------

-- A typed name without the surrounding whitespace String.prototype.trim removes (tabs, line breaks,
-- non-breaking and other Unicode spaces), so the app and the database agree on what is blank.
create function private.trim_display_name(p_name text) returns text
language sql immutable set search_path = '' as $$
  select pg_catalog.regexp_replace(p_name, '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g')
$$;

-- The name a new member starts with: their sign-up name (cut to the column's 100 characters),
-- else the part of their email before the @, else null (an account with neither, e.g. phone-only).
create function private.default_display_name(p_user_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select coalesce(
    nullif(private.trim_display_name(pg_catalog.left(private.trim_display_name(
      case when pg_catalog.jsonb_typeof(u.raw_user_meta_data -> 'display_name') = 'string'
        then u.raw_user_meta_data ->> 'display_name' end), 100)), ''),
    nullif(pg_catalog.left(pg_catalog.split_part(u.email, '@', 1), 100), '')
  )
  from auth.users u where u.id = p_user_id
$$;

-- Security definer: the paths that add members run as different roles, and only the owner of
-- this function may read auth.users.
create function private.name_new_member() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.display_name := coalesce(nullif(private.trim_display_name(new.display_name), ''),
    private.default_display_name(new.user_id));
  return new;
end $$;

revoke all on function private.trim_display_name(text) from public;
revoke all on function private.default_display_name(uuid) from public;
revoke all on function private.name_new_member() from public;

-- triggers ---------------------------------------------------------------------------------------

create trigger memberships_default_display_name before insert on public.memberships
for each row execute function private.name_new_member();

-- RPCs -------------------------------------------------------------------------------------------

-- Renames the caller in one restaurant they work in. Returns the membership.
create function public.set_my_display_name(p_restaurant_id uuid, p_display_name text)
returns public.memberships
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_name text := private.trim_display_name(p_display_name);
  v_row public.memberships;
begin
  select * into v_row from public.memberships m
  where m.restaurant_id = p_restaurant_id and m.user_id = v_uid for update;
  if v_row.user_id is null then
    perform private.raise_error('forbidden', 'You do not work in this restaurant',
      pg_catalog.jsonb_build_object('restaurant_id', p_restaurant_id), '42501');
  end if;
  if v_name is null or v_name = '' then
    perform private.raise_error('display_name_required', 'Enter a name of 1 to 100 characters', '{}');
  end if;
  if pg_catalog.char_length(v_name) > 100 then
    perform private.raise_error('display_name_too_long', 'The name must have at most 100 characters',
      pg_catalog.jsonb_build_object('length', pg_catalog.char_length(v_name), 'max', 100));
  end if;
  update public.memberships set display_name = v_name
  where restaurant_id = p_restaurant_id and user_id = v_uid returning * into v_row;
  return v_row;
end $$;

revoke all on function public.set_my_display_name(uuid, text) from public, anon;
grant execute on function public.set_my_display_name(uuid, text) to authenticated, service_role;

-- backfill ---------------------------------------------------------------------------------------

-- Members who joined before this migration get the same default a new member would.
update public.memberships m set display_name = private.default_display_name(m.user_id)
where m.display_name is null or private.trim_display_name(m.display_name) = '';
