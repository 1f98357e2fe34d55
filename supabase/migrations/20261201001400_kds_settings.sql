-- Kitchen display settings: a ticket's age timer turns amber after kds_warn_minutes and red after
-- kds_late_minutes (defaults 5 and 10). Owners and managers edit them like the other settings (a
-- direct update of restaurants, column-granted); the trigger answers a bad pair with a stable code
-- before the check constraints would.

-- tables -----------------------------------------------------------------------------------------

alter table public.restaurants
  add column kds_warn_minutes smallint not null default 5 check (kds_warn_minutes between 1 and 240),
  add column kds_late_minutes smallint not null default 10 check (kds_late_minutes between 1 and 240),
  add constraint restaurants_kds_warn_before_late check (kds_warn_minutes < kds_late_minutes);

-- grants -----------------------------------------------------------------------------------------

grant update (kds_warn_minutes, kds_late_minutes) on table public.restaurants to authenticated;

-- triggers ---------------------------------------------------------------------------------------

-- As in 20261121000100, plus the kitchen display thresholds.
create or replace function private.validate_restaurant() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    perform private.raise_error('invalid_timezone', 'Use an IANA time zone such as Africa/Abidjan',
      pg_catalog.jsonb_build_object('timezone', new.timezone));
  end if;
  if new.kds_warn_minutes is null or new.kds_late_minutes is null
     or new.kds_warn_minutes not between 1 and 240 or new.kds_late_minutes not between 1 and 240
     or new.kds_warn_minutes >= new.kds_late_minutes then
    perform private.raise_error('invalid_kds_thresholds',
      'The warning and late times are 1 to 240 minutes, the warning before the late one',
      pg_catalog.jsonb_build_object('kds_warn_minutes', new.kds_warn_minutes, 'kds_late_minutes', new.kds_late_minutes));
  end if;
  new.updated_at := pg_catalog.now();
  return new;
end $$;
