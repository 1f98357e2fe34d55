-- The cash drawer: it hangs off the receipt printer (RJ11 "DK" port) and opens on an ESC p pulse. A
-- cash payment queues a drawer_kick job of its own on each active receipt printer, once per payment
-- (dedupe key), whoever records it (record_payment today or tomorrow: a trigger on payments, not a
-- change to the RPC). The bridge sends the pulse and nothing else for it: no paper is used.
-- Card, mobile money and refunds open nothing.

alter type public.print_document add value if not exists 'drawer_kick';

-- triggers ---------------------------------------------------------------------------------------

create function private.queue_drawer_kick() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload, max_attempts)
  select new.restaurant_id, p.id, new.order_id, 'drawer_kick', 'drawer:' || new.id || ':' || p.id,
    pg_catalog.jsonb_build_object('document', 'drawer_kick',
      'printer', pg_catalog.jsonb_build_object('id', p.id, 'name', p.name, 'chars_per_line', p.chars_per_line),
      'order', (select pg_catalog.jsonb_build_object('id', o.id, 'number', o.number) from public.orders o
        where o.restaurant_id = new.restaurant_id and o.id = new.order_id),
      'payment', pg_catalog.jsonb_build_object('id', new.id, 'amount', new.amount, 'shift_id', new.shift_id),
      'requested_at', pg_catalog.now()),
    -- A drawer that did not open a minute later is opened by hand: retrying for minutes would pop it
    -- open long after the cashier moved on.
    3
  from public.printers p
  where p.restaurant_id = new.restaurant_id and p.kind = 'receipt' and p.active
  on conflict (restaurant_id, dedupe_key) do nothing;
  return null;
end $$;
revoke all on function private.queue_drawer_kick() from public;

create trigger payments_queue_drawer_kick after insert on public.payments
for each row when (new.method = 'cash' and new.amount > 0)
execute function private.queue_drawer_kick();
