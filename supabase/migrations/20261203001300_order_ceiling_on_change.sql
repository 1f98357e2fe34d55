-- The order ceiling of 20261203001100_money_ceiling.sql judged every write of an order, so an order
-- stored above it before that migration (a database that took one) could not even be cancelled or
-- completed. It now judges a new order and a total that changes: what is stored already can still
-- move through its statuses, be paid in parts and be cancelled; it cannot grow.

-- triggers ---------------------------------------------------------------------------------------

create or replace function private.guard_order_total() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.total > private.max_amount() and (tg_op = 'INSERT' or new.total > old.total) then
    perform private.raise_error('order_too_large', 'An order may total at most the largest amount a payment may take',
      pg_catalog.jsonb_build_object('max', private.max_amount(), 'total', new.total));
  end if;
  return new;
end $$;
