-- The print bridge's side of the queue (claim with a lease, complete, fail with backoff: the
-- print_bridge role only) and the owner's/manager's (test page, reprint, retry a failed job). Always
-- for the caller's own restaurant.

-- helpers ----------------------------------------------------------------------------------------

-- Locks a job and checks the caller's role; 'print_job_not_found' hides other tenants' jobs.
create function private.print_job_for_update(p_job_id uuid, p_roles public.member_role[]) returns public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_job public.print_jobs;
begin
  perform private.require_user();
  select * into v_job from public.print_jobs j where j.id = p_job_id for update;
  if v_job.id is null or not exists (select 1 from public.memberships m where m.restaurant_id = v_job.restaurant_id
      and m.user_id = auth.uid()) then
    perform private.raise_error('print_job_not_found', 'No such print job', pg_catalog.jsonb_build_object('id', p_job_id));
  end if;
  perform private.require_role(v_job.restaurant_id, p_roles);
  return v_job;
end $$;
revoke all on function private.print_job_for_update(uuid, public.member_role[]) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- Hands up to p_limit due jobs to the calling bridge for p_lease_seconds. Jobs whose lease expired
-- come back (a crashed bridge); jobs out of attempts are marked failed instead.
create function public.claim_print_jobs(p_restaurant_id uuid, p_limit integer default 10, p_lease_seconds integer default 60)
returns setof public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.require_role(p_restaurant_id, '{print_bridge}');
  if p_limit is null or p_limit not between 1 and 100 then
    perform private.raise_error('invalid_limit', 'Claim 1 to 100 jobs at a time', pg_catalog.jsonb_build_object('limit', p_limit));
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 5 and 600 then
    perform private.raise_error('invalid_lease', 'A lease lasts 5 to 600 seconds', pg_catalog.jsonb_build_object('lease_seconds', p_lease_seconds));
  end if;
  update public.print_jobs j set status = 'failed', lease_expires_at = null, updated_at = pg_catalog.now(),
    last_error = coalesce(j.last_error, 'lease expired') || ' (no attempts left)'
  where j.restaurant_id = p_restaurant_id and j.status = 'printing' and j.lease_expires_at <= pg_catalog.now()
    and j.attempts >= j.max_attempts;
  return query
  with due as (
    select j.id from public.print_jobs j
    where j.restaurant_id = p_restaurant_id
      and ((j.status = 'queued' and j.available_at <= pg_catalog.now())
        or (j.status = 'printing' and j.lease_expires_at <= pg_catalog.now()))
    order by j.available_at, j.created_at
    limit p_limit
    for update skip locked
  )
  update public.print_jobs j set status = 'printing', attempts = j.attempts + 1, claimed_by = auth.uid(),
    lease_expires_at = pg_catalog.now() + pg_catalog.make_interval(secs => p_lease_seconds), updated_at = pg_catalog.now()
  from due where j.id = due.id
  returning j.*;
end $$;

-- The bridge printed the job. Completing twice is harmless.
create function public.complete_print_job(p_job_id uuid) returns public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_job public.print_jobs := private.print_job_for_update(p_job_id, '{print_bridge}');
begin
  if v_job.status = 'printed' then return v_job; end if;
  if v_job.status <> 'printing' then
    perform private.raise_error('print_job_not_claimed', 'Claim the job before completing it', pg_catalog.jsonb_build_object('status', v_job.status));
  end if;
  update public.print_jobs set status = 'printed', printed_at = pg_catalog.now(), lease_expires_at = null,
    last_error = null, updated_at = pg_catalog.now()
  where id = p_job_id returning * into v_job;
  return v_job;
end $$;

-- The bridge could not print: back to the queue after 2^attempts seconds (at most 5 minutes), or
-- failed for good once max_attempts is reached.
create function public.fail_print_job(p_job_id uuid, p_error text) returns public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_job public.print_jobs := private.print_job_for_update(p_job_id, '{print_bridge}');
begin
  if v_job.status <> 'printing' then
    perform private.raise_error('print_job_not_claimed', 'Claim the job before failing it', pg_catalog.jsonb_build_object('status', v_job.status));
  end if;
  update public.print_jobs set
    status = case when v_job.attempts >= v_job.max_attempts then 'failed' else 'queued' end::public.print_job_status,
    available_at = pg_catalog.now() + pg_catalog.make_interval(secs => least(power(2, v_job.attempts), 300)),
    lease_expires_at = null,
    last_error = left(coalesce(nullif(btrim(p_error), ''), 'unknown error'), 1000),
    updated_at = pg_catalog.now()
  where id = p_job_id returning * into v_job;
  return v_job;
end $$;

-- Puts a failed job back in the queue with fresh attempts (owner or manager).
create function public.retry_print_job(p_job_id uuid) returns public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_job public.print_jobs := private.print_job_for_update(p_job_id, '{owner,manager}');
begin
  if v_job.status <> 'failed' then
    perform private.raise_error('print_job_not_failed', 'Only a failed job can be retried', pg_catalog.jsonb_build_object('status', v_job.status));
  end if;
  update public.print_jobs set status = 'queued', attempts = 0, available_at = pg_catalog.now(), updated_at = pg_catalog.now()
  where id = p_job_id returning * into v_job;
  return v_job;
end $$;

-- A test page on one printer (owner or manager).
create function public.print_test_page(p_printer_id uuid) returns public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_printer public.printers;
  v_job public.print_jobs;
begin
  perform private.require_user();
  select * into v_printer from public.printers p where p.id = p_printer_id;
  if v_printer.id is null then
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

-- Prints an order's kitchen tickets or receipt again (owner or manager); p_printer_id null means
-- every printer that would print it.
create function public.reprint_order(p_order_id uuid, p_document public.print_document, p_printer_id uuid default null)
returns setof public.print_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
begin
  perform private.require_user();
  select * into v_order from public.orders o where o.id = p_order_id;
  if v_order.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_order.restaurant_id and m.user_id = auth.uid()) then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
  perform private.require_role(v_order.restaurant_id, '{owner,manager}');
  if p_document is null or p_document not in ('kitchen_ticket', 'receipt') then
    perform private.raise_error('invalid_document', 'Reprint a kitchen_ticket or a receipt', '{}');
  end if;
  if v_order.status in ('draft', 'rejected') then
    perform private.raise_error('order_not_placed', 'A draft has nothing to print', '{}');
  end if;
  return query
  insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
  select v_order.restaurant_id, p.id, v_order.id, p_document, 'reprint:' || gen_random_uuid(),
    private.ticket_payload(v_order, p, p_document) || '{"reprint":true}'
  from public.printers p
  where p.restaurant_id = v_order.restaurant_id and p.active and (p_printer_id is null or p.id = p_printer_id)
    and case when p_document = 'receipt' then p.kind = 'receipt'
      else p.kind = 'kitchen' and exists (select 1 from public.order_lines l where l.restaurant_id = v_order.restaurant_id
        and l.order_id = v_order.id and l.station = any (p.stations)) end
  returning *;
end $$;

revoke all on function public.claim_print_jobs(uuid, integer, integer) from public, anon;
revoke all on function public.complete_print_job(uuid) from public, anon;
revoke all on function public.fail_print_job(uuid, text) from public, anon;
revoke all on function public.retry_print_job(uuid) from public, anon;
revoke all on function public.print_test_page(uuid) from public, anon;
revoke all on function public.reprint_order(uuid, public.print_document, uuid) from public, anon;
grant execute on function public.claim_print_jobs(uuid, integer, integer) to authenticated, service_role;
grant execute on function public.complete_print_job(uuid) to authenticated, service_role;
grant execute on function public.fail_print_job(uuid, text) to authenticated, service_role;
grant execute on function public.retry_print_job(uuid) to authenticated, service_role;
grant execute on function public.print_test_page(uuid) to authenticated, service_role;
grant execute on function public.reprint_order(uuid, public.print_document, uuid) to authenticated, service_role;
