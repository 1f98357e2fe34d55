-- Printer status as the print bridge last saw it: ESC/POS real-time status (DLE EOT) read before and
-- after jobs (paper low/out, cover open, offline, error), "offline" when the bridge cannot reach the
-- printer, "unknown" when it never answers status queries. The admin printers page shows it live: a
-- change is broadcast on the restaurant's print topic. Only the bridge writes it (report_printer_status);
-- last_printed_at follows the printer's jobs.

create type public.printer_status as enum ('unknown', 'ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'error');

alter table public.printers
  add column status public.printer_status not null default 'unknown',
  add column status_error text check (char_length(status_error) <= 500),
  add column status_at timestamptz,
  add column last_printed_at timestamptz;

-- triggers ---------------------------------------------------------------------------------------

create function private.broadcast_printer_status() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.broadcast_changes('restaurant:' || new.restaurant_id || ':print', tg_op, tg_op,
    tg_table_name, tg_table_schema, new, old);
  return null;
end $$;
revoke all on function private.broadcast_printer_status() from public;

create trigger printers_broadcast_status after update of status, status_error on public.printers
for each row when (old.status is distinct from new.status or old.status_error is distinct from new.status_error)
execute function private.broadcast_printer_status();

create function private.note_printer_printed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.printers p set last_printed_at = new.printed_at
  where p.restaurant_id = new.restaurant_id and p.id = new.printer_id
    and (p.last_printed_at is null or p.last_printed_at < new.printed_at);
  return null;
end $$;
revoke all on function private.note_printer_printed() from public;

create trigger print_jobs_note_printed after update of status on public.print_jobs
for each row when (new.status = 'printed' and old.status is distinct from 'printed')
execute function private.note_printer_printed();

-- Printers that printed before this migration start from their last printed job.
update public.printers p set last_printed_at = (select max(j.printed_at) from public.print_jobs j
  where j.restaurant_id = p.restaurant_id and j.printer_id = p.id and j.status = 'printed');

-- RPCs -------------------------------------------------------------------------------------------

create function public.report_printer_status(p_printer_id uuid, p_status public.printer_status, p_error text default null)
returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_printer public.printers;
begin
  perform private.require_user();
  select * into v_printer from public.printers p where p.id = p_printer_id for update;
  if v_printer.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_printer.restaurant_id and m.user_id = auth.uid()) then
    perform private.raise_error('printer_not_found', 'No such printer', pg_catalog.jsonb_build_object('id', p_printer_id));
  end if;
  perform private.require_role(v_printer.restaurant_id, '{print_bridge}');
  if p_status is null then
    perform private.raise_error('invalid_printer_status', 'Report one of the printer_status values', '{}');
  end if;
  update public.printers set status = p_status, status_at = pg_catalog.now(),
    status_error = left(nullif(btrim(p_error), ''), 500)
  where id = p_printer_id;
end $$;

revoke all on function public.report_printer_status(uuid, public.printer_status, text) from public, anon;
grant execute on function public.report_printer_status(uuid, public.printer_status, text) to authenticated, service_role;

comment on function public.report_printer_status(uuid, public.printer_status, text) is
'The print bridge reports what a printer last said (ESC/POS real-time status) or that it cannot reach it:
status, the error in words (500 characters at most) and the time of the check. A change of status or
error is broadcast on restaurant:<id>:print for the admin printers page.

Callers: the restaurant''s print bridge.
Errors: printer_not_found, forbidden (42501), invalid_printer_status.';
