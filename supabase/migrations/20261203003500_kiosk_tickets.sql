-- The kiosk's paper ticket (issue 15): a customer leaves the kiosk with their number on paper too.
-- Every kiosk order queues a receipt on the restaurant's active receipt printers when it is stored:
-- the day's number for a direct kiosk, the provisional code ("K-12") for a draft to pay at the
-- counter (the layouts print the code where the number goes). The print bridge prints it when it
-- can, so an order sent from the outbox after a network cut still gets its ticket once. Its own
-- dedupe key keeps it apart from the receipt printed when the order is paid (auto_print_receipts).

-- triggers ---------------------------------------------------------------------------------------

-- Deferred to commit, like private.queue_order_print_jobs, so the lines are written.
create function private.queue_kiosk_ticket() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_order public.orders;
begin
  select * into v_order from public.orders o where o.id = new.id;
  if v_order.id is null or v_order.source <> 'kiosk' then return null; end if;
  insert into public.print_jobs (restaurant_id, printer_id, order_id, document, dedupe_key, payload)
  select v_order.restaurant_id, p.id, v_order.id, 'receipt', 'kiosk:' || v_order.id || ':' || p.id,
    private.ticket_payload(v_order, p, 'receipt')
  from public.printers p
  where p.restaurant_id = v_order.restaurant_id and p.kind = 'receipt' and p.active
  on conflict (restaurant_id, dedupe_key) do nothing;
  return null;
end $$;
revoke all on function private.queue_kiosk_ticket() from public;

create constraint trigger orders_kiosk_ticket after insert on public.orders
deferrable initially deferred for each row when (new.source = 'kiosk')
execute function private.queue_kiosk_ticket();
