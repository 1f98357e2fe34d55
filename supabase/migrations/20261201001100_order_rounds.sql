-- Rounds: a table orders more later (drinks, then dessert). add_order_round appends lines to an open
-- order as round 2, 3… (the placement is round 1), priced and validated exactly like place_order,
-- idempotent by the client's round id. The kitchen gets a new ticket with the round's lines only
-- (one per station printer, carrying the round number), and an order that was ready goes back to
-- preparing: there is food to cook again.
--
-- Payload: { "id": uuid (client round id), "order_id": uuid, "lines": [same lines as place_order],
--            "ordered_at"?: ISO timestamp, "menu_version"?: integer }

-- tables -----------------------------------------------------------------------------------------

alter table public.order_lines add column round smallint not null default 1 check (round between 1 and 100);

-- One row per added round (2, 3…): its client id and payload fingerprint make replays recognisable.
create table public.order_rounds (
  id uuid primary key,
  restaurant_id uuid not null,
  order_id uuid not null,
  round smallint not null check (round between 2 and 100),
  payload_hash text not null,
  ordered_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (restaurant_id, order_id, round),
  foreign key (restaurant_id, order_id) references public.orders (restaurant_id, id) on delete cascade
);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.order_rounds from anon, authenticated;
grant select on table public.order_rounds to authenticated;
grant all on table public.order_rounds to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- As in 20261121001100, with each line's round.
create or replace function private.ticket_payload(p_order public.orders, p_printer public.printers, p_document public.print_document)
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
        'round', l.round,
        'modifiers', (select coalesce(pg_catalog.jsonb_agg(m ->> 'name'), '[]') from pg_catalog.jsonb_array_elements(l.modifiers) m))
        order by l.position)
      from public.order_lines l
      where l.restaurant_id = p_order.restaurant_id and l.order_id = p_order.id
        and (p_document = 'receipt' or l.station = any (p_printer.stations))), '[]'),
    'payments', case when p_document = 'receipt' then coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'method', p.method, 'amount', p.amount, 'tendered', p.tendered, 'change', p.change) order by p.created_at)
      from public.payments p where p.restaurant_id = p_order.restaurant_id and p.order_id = p_order.id), '[]') end)
$$;

-- The kitchen ticket of one round: its lines for the printer's stations, and the round number.
create function private.kitchen_ticket_payload(p_order public.orders, p_printer public.printers, p_round smallint)
returns jsonb language sql stable security definer set search_path = '' as $$
  select t || pg_catalog.jsonb_build_object('round', p_round, 'lines', coalesce((select pg_catalog.jsonb_agg(l.value order by l.ordinality)
    from pg_catalog.jsonb_array_elements(t -> 'lines') with ordinality l where (l.value ->> 'round')::smallint = p_round), '[]'))
  from (select private.ticket_payload(p_order, p_printer, 'kitchen_ticket') as t) x
$$;

-- As in 20261121001100, but a kitchen ticket per round and station printer: round 1 keeps the
-- dedupe key it always had ('kitchen:<order>:<printer>'), later rounds add their number, so adding a
-- round queues tickets for the new lines only.
create or replace function private.queue_order_print_jobs() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_order public.orders;
begin
  select * into v_order from public.orders o where o.id = new.id;
  if v_order.status in ('placed', 'preparing', 'ready', 'completed') then
    insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
    select v_order.restaurant_id, p.id, v_order.id, 'kitchen_ticket',
      'kitchen:' || v_order.id || case when rd.round > 1 then ':r' || rd.round else '' end || ':' || p.id,
      private.kitchen_ticket_payload(v_order, p, rd.round)
    from public.printers p
    cross join lateral (select distinct l.round from public.order_lines l
      where l.restaurant_id = v_order.restaurant_id and l.order_id = v_order.id and l.station = any (p.stations)) rd
    where p.restaurant_id = v_order.restaurant_id and p.kind = 'kitchen' and p.active
    order by rd.round, p.id
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

revoke all on function private.kitchen_ticket_payload(public.orders, public.printers, smallint) from public;

-- RLS --------------------------------------------------------------------------------------------

alter table public.order_rounds enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- What the payments cover of a total, as private.apply_payment_to_order decides it.
create function private.payment_status_for(p_paid bigint, p_refunded bigint, p_total bigint)
returns public.payment_status language sql immutable set search_path = '' as $$
  select case
    when p_paid >= p_total and p_paid > 0 then 'paid'
    when p_paid > 0 then 'partially_paid'
    when p_refunded > 0 then 'refunded'
    else 'unpaid' end::public.payment_status
$$;
revoke all on function private.payment_status_for(bigint, bigint, bigint) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can read their restaurant's order rounds" on public.order_rounds
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));

-- RPCs -------------------------------------------------------------------------------------------

create function public.add_order_round(p_round jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_id uuid;
  v_order_id uuid;
  v_order public.orders;
  v_role public.member_role;
  v_hash text;
  v_existing public.order_rounds;
  v_ordered_at timestamptz;
  v_menu_version bigint;
  v_count integer;
  v_first_position integer;
  v_round smallint;
  v_lines jsonb;
  v_override boolean;
  v_subtotal bigint;
  v_tax bigint;
  v_total bigint;
  v_status public.order_status;
begin
  perform private.require_user();
  if pg_catalog.jsonb_typeof(p_round) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The round must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_round) k
             where k not in ('id', 'order_id', 'lines', 'ordered_at', 'menu_version')) then
    perform private.raise_error('unknown_field', 'A round has id, order_id, lines, ordered_at and menu_version only', '{}');
  end if;
  v_id := private.try_uuid(p_round -> 'id');
  if v_id is null then
    perform private.raise_error('invalid_round_id', 'id must be a UUID generated by the client', '{}');
  end if;
  v_order_id := private.try_uuid(p_round -> 'order_id');
  if v_order_id is null then
    perform private.raise_error('invalid_order_id', 'order_id must be a UUID', '{}');
  end if;
  v_order := private.order_for_update(v_order_id);
  v_role := private.require_role(v_order.restaurant_id, '{owner,manager,cashier,waiter}');

  v_hash := pg_catalog.md5(p_round::text);
  select * into v_existing from public.order_rounds r where r.id = v_id;
  if v_existing.id is not null then
    -- A replay (the outbox retrying) answers the order as it is now, even once it is closed.
    if v_existing.order_id = v_order.id and v_existing.payload_hash = v_hash then
      return private.order_json(v_order.id);
    end if;
    perform private.raise_error('idempotency_conflict', 'A round with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_id));
  end if;

  if v_order.status in ('completed', 'cancelled', 'rejected') then
    perform private.raise_error('order_closed', pg_catalog.format('A %s order takes no more items', v_order.status),
      pg_catalog.jsonb_build_object('id', v_order.id, 'status', v_order.status));
  end if;
  if v_order.status = 'draft' then
    perform private.raise_error('order_not_accepted', 'Accept the guest''s order before adding to it',
      pg_catalog.jsonb_build_object('id', v_order.id));
  end if;
  v_ordered_at := private.order_clock(p_round);
  v_menu_version := private.payload_menu_version(v_order.restaurant_id, p_round);
  if pg_catalog.jsonb_typeof(p_round -> 'lines') is distinct from 'array' then
    perform private.raise_error('invalid_lines', 'lines must be a list', '{}');
  end if;
  if pg_catalog.jsonb_array_length(p_round -> 'lines') = 0 then
    perform private.raise_error('empty_order', 'A round needs at least one line', '{}');
  end if;
  select count(*), coalesce(max(l.position), 0), coalesce(max(l.round), 0) + 1
  into v_count, v_first_position, v_round
  from public.order_lines l where l.restaurant_id = v_order.restaurant_id and l.order_id = v_order.id;
  if v_count + pg_catalog.jsonb_array_length(p_round -> 'lines') > 100 then
    perform private.raise_error('too_many_lines', 'An order has at most 100 lines',
      pg_catalog.jsonb_build_object('lines', v_count + pg_catalog.jsonb_array_length(p_round -> 'lines')));
  end if;

  -- Priced with the line's place in the round, which errors name; stored after the order's lines.
  select coalesce(pg_catalog.jsonb_agg(private.price_line_at(v_order.restaurant_id, e.value, e.ordinality::integer, v_menu_version)
    || pg_catalog.jsonb_build_object('position', v_first_position + e.ordinality::integer) order by e.ordinality), '[]')
  into v_lines from pg_catalog.jsonb_array_elements(p_round -> 'lines') with ordinality e;
  v_override := exists (select 1 from pg_catalog.jsonb_array_elements(v_lines) l where l ? 'price_override');

  insert into public.order_rounds (id, restaurant_id, order_id, round, payload_hash, ordered_at, created_by)
  values (v_id, v_order.restaurant_id, v_order.id, v_round, v_hash, v_ordered_at, auth.uid());
  insert into public.order_lines (restaurant_id, order_id, position, item_id, category_id, category_name, name,
    station, qty, unit_price, modifiers, note, line_total, kitchen_status, ordered_at, round)
  select v_order.restaurant_id, v_order.id, l.position, l.item_id, l.category_id, l.category_name, l.name, l.station,
    l.qty, l.unit_price, l.modifiers, l.note, l.line_total, 'queued', v_ordered_at, v_round
  from pg_catalog.jsonb_to_recordset(v_lines) as l(position smallint, item_id uuid, category_id uuid,
    category_name text, name text, station text, qty smallint, unit_price bigint, modifiers jsonb, note text, line_total bigint);

  -- Tax once on the whole order, like place_order.
  select sum(l.line_total) into v_subtotal from public.order_lines l
  where l.restaurant_id = v_order.restaurant_id and l.order_id = v_order.id;
  v_tax := private.order_tax(v_subtotal, v_order.tax_mode, v_order.tax_rate_bp);
  v_total := v_subtotal + case when v_order.tax_mode = 'exclusive' then v_tax else 0 end;
  v_status := case when v_order.status = 'ready' then 'preparing' else v_order.status end;
  update public.orders set
    subtotal = v_subtotal, tax = v_tax, total = v_total,
    payment_status = private.payment_status_for(paid, refunded, v_total),
    status = v_status,
    price_override = price_override or v_override,
    version = version + 1,
    updated_at = pg_catalog.now()
  where id = v_order.id;

  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status, reason)
  values (v_order.restaurant_id, v_order.id, auth.uid(), v_role::text, v_order.status::text, 'round_added',
    pg_catalog.format('Round %s: %s lines', v_round, pg_catalog.jsonb_array_length(v_lines)));
  if v_status <> v_order.status then
    insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status, reason)
    values (v_order.restaurant_id, v_order.id, auth.uid(), v_role::text, v_order.status::text, v_status::text,
      pg_catalog.format('Round %s to cook', v_round));
  end if;
  if v_override then
    perform private.log_price_override(v_order.restaurant_id, v_order.id, v_menu_version, v_lines);
  end if;
  return private.order_json(v_order.id);
end $$;

revoke all on function public.add_order_round(jsonb) from public, anon;
grant execute on function public.add_order_round(jsonb) to authenticated, service_role;

comment on function public.add_order_round(jsonb) is
'Adds a round of lines (drinks, dessert) to an open order: the lines are checked and priced like place_order''s
(ordered_at and menu_version as there), take the next round number, the totals are recomputed and the kitchen
gets a ticket for the new lines only; a ready order goes back to preparing. Idempotent by the round id: a replay
of the same payload returns the order. Payload { id, order_id, lines, ordered_at?, menu_version? }. Returns the
order with its lines.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payload, unknown_field, invalid_round_id, invalid_order_id, order_not_found (also another
restaurant''s order), forbidden (42501), idempotency_conflict, order_closed (completed, cancelled or rejected),
order_not_accepted (a guest draft), invalid_ordered_at, ordered_at_in_future, ordered_at_too_old,
invalid_menu_version, invalid_lines, empty_order, too_many_lines, and the line errors of place_order.';
