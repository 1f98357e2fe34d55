-- Printers and the print-job queue the store's print bridge drains. Jobs are queued by a trigger at
-- commit (one kitchen ticket per station printer when an order is placed, a cancel ticket when it is
-- cancelled, a receipt when it is fully paid and the restaurant auto-prints); a dedupe key makes each
-- ticket exist once. The bridge claims jobs with a lease (FOR UPDATE SKIP LOCKED): a bridge that
-- crashes mid-print lets the lease expire and the job is claimed again, so no ticket is lost.

-- enums ------------------------------------------------------------------------------------------

create type public.printer_kind as enum ('receipt', 'kitchen');
create type public.print_document as enum ('kitchen_ticket', 'cancel_ticket', 'receipt', 'test');
create type public.print_job_status as enum ('queued', 'printing', 'printed', 'failed');

-- tables -----------------------------------------------------------------------------------------

create table public.printers (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 60),
  kind public.printer_kind not null,
  -- Kitchen printers: the item stations whose lines they print (menu_items.station).
  stations text[] not null default '{}' check (cardinality(stations) <= 20),
  -- How the bridge reaches it: {"type":"tcp","host":"192.168.1.50","port":9100}, {"type":"usb",…}, {"type":"file","path":…}.
  connection jsonb not null default '{"type":"file","path":"printer"}' check (jsonb_typeof(connection) = 'object'),
  chars_per_line smallint not null default 48 check (chars_per_line between 24 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id),
  unique (restaurant_id, name)
);

create table public.print_jobs (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null,
  printer_id uuid not null,
  order_id uuid,
  document public.print_document not null,
  dedupe_key text not null,
  -- Everything the bridge needs to render the document, so it never reads other tables.
  payload jsonb not null,
  status public.print_job_status not null default 'queued',
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts between 1 and 50),
  available_at timestamptz not null default now(),
  lease_expires_at timestamptz,
  claimed_by uuid,
  last_error text check (char_length(last_error) <= 1000),
  printed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, dedupe_key),
  foreign key (restaurant_id, printer_id) references public.printers (restaurant_id, id) on delete cascade,
  foreign key (restaurant_id, order_id) references public.orders (restaurant_id, id) on delete cascade
);
create index print_jobs_pending_idx on public.print_jobs (restaurant_id, available_at) where status in ('queued', 'printing');
create index print_jobs_printer_idx on public.print_jobs (restaurant_id, printer_id);
create index print_jobs_order_idx on public.print_jobs (restaurant_id, order_id);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.printers, public.print_jobs from anon, authenticated;
grant select, delete on table public.printers to authenticated;
grant insert (id, restaurant_id, name, kind, stations, connection, chars_per_line, active) on table public.printers to authenticated;
grant update (name, kind, stations, connection, chars_per_line, active) on table public.printers to authenticated;
grant select on table public.print_jobs to authenticated;
grant all on table public.printers, public.print_jobs to service_role;

-- triggers ---------------------------------------------------------------------------------------

create function private.ticket_payload(p_order public.orders, p_printer public.printers, p_document public.print_document)
returns jsonb language sql stable security definer set search_path = '' as $$
  select pg_catalog.jsonb_build_object(
    'document', p_document,
    'printer', pg_catalog.jsonb_build_object('id', p_printer.id, 'name', p_printer.name, 'chars_per_line', p_printer.chars_per_line),
    'restaurant', (select pg_catalog.jsonb_build_object('name', r.name, 'locale', r.locale, 'timezone', r.timezone,
      'currency', r.currency, 'receipt_header', r.receipt_header, 'receipt_footer', r.receipt_footer)
      from public.restaurants r where r.id = p_order.restaurant_id),
    'order', (pg_catalog.to_jsonb(p_order) - 'payload_hash' - 'created_by' - 'guest_user_id')
      || pg_catalog.jsonb_build_object('table_label',
        (select t.label from public.dining_tables t where t.restaurant_id = p_order.restaurant_id and t.id = p_order.table_id)),
    'lines', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('position', l.position, 'name', l.name,
        'qty', l.qty, 'station', l.station, 'note', l.note, 'unit_price', l.unit_price, 'line_total', l.line_total,
        'modifiers', (select coalesce(pg_catalog.jsonb_agg(m ->> 'name'), '[]') from pg_catalog.jsonb_array_elements(l.modifiers) m))
        order by l.position)
      from public.order_lines l
      where l.restaurant_id = p_order.restaurant_id and l.order_id = p_order.id
        and (p_document = 'receipt' or l.station = any (p_printer.stations))), '[]'),
    'payments', case when p_document = 'receipt' then coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'method', p.method, 'amount', p.amount, 'tendered', p.tendered, 'change', p.change) order by p.created_at)
      from public.payments p where p.restaurant_id = p_order.restaurant_id and p.order_id = p_order.id), '[]') end)
$$;

-- Deferred to commit, when the order's lines and payments are all written; reads the order's final
-- state, so several changes in one transaction queue each document once.
create function private.queue_order_print_jobs() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_order public.orders;
begin
  select * into v_order from public.orders o where o.id = new.id;
  if v_order.status in ('placed', 'preparing', 'ready', 'completed') then
    insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
    select v_order.restaurant_id, p.id, v_order.id, 'kitchen_ticket', 'kitchen:' || v_order.id || ':' || p.id,
      private.ticket_payload(v_order, p, 'kitchen_ticket')
    from public.printers p
    where p.restaurant_id = v_order.restaurant_id and p.kind = 'kitchen' and p.active
      and exists (select 1 from public.order_lines l where l.restaurant_id = v_order.restaurant_id
                  and l.order_id = v_order.id and l.station = any (p.stations))
    on conflict (restaurant_id, dedupe_key) do nothing;
  elsif v_order.status = 'cancelled' then
    insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
    select v_order.restaurant_id, p.id, v_order.id, 'cancel_ticket', 'cancel:' || v_order.id || ':' || p.id,
      private.ticket_payload(v_order, p, 'cancel_ticket')
    from public.printers p
    where p.restaurant_id = v_order.restaurant_id and p.active
      and exists (select 1 from public.print_jobs j where j.restaurant_id = v_order.restaurant_id
                  and j.order_id = v_order.id and j.printer_id = p.id and j.document = 'kitchen_ticket')
    on conflict (restaurant_id, dedupe_key) do nothing;
  end if;
  if v_order.payment_status = 'paid'
     and (select r.auto_print_receipts from public.restaurants r where r.id = v_order.restaurant_id) then
    insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
    select v_order.restaurant_id, p.id, v_order.id, 'receipt', 'receipt:' || v_order.id || ':' || p.id,
      private.ticket_payload(v_order, p, 'receipt')
    from public.printers p
    where p.restaurant_id = v_order.restaurant_id and p.kind = 'receipt' and p.active
    on conflict (restaurant_id, dedupe_key) do nothing;
  end if;
  return null;
end $$;

revoke all on function private.ticket_payload(public.orders, public.printers, public.print_document) from public;
revoke all on function private.queue_order_print_jobs() from public;

create constraint trigger orders_queue_print_jobs after insert or update on public.orders
deferrable initially deferred for each row execute function private.queue_order_print_jobs();

-- RLS --------------------------------------------------------------------------------------------

alter table public.printers enable row level security;
alter table public.print_jobs enable row level security;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff and the print bridge can see their restaurant's printers" on public.printers
for select to authenticated using (
  restaurant_id in (select private.restaurant_ids_with_role('{owner,manager,cashier,kitchen,waiter,print_bridge}')));
create policy "Owners and managers can add printers" on public.printers
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can configure printers" on public.printers
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can remove printers" on public.printers
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Owners, managers and the print bridge can see print jobs" on public.print_jobs
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager,print_bridge}')));
