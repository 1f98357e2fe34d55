/**
 * Schema for the select/relationship conformance tests (aggregates, computed fields, functions as
 * relationships, views, self-references, spreads). A database of its own per run, like rest-fixtures.
 */
export const REST_RELATIONS_FIXTURES_SQL = `
create table public.customers (id int primary key, name text not null, region text not null);
create table public.orders (
  id int primary key,
  customer_id int not null constraint orders_customer_fkey references public.customers(id),
  amount numeric(10,2) not null,
  placed date not null,
  status text not null
);
create table public.order_lines (
  id int primary key,
  order_id int not null references public.orders(id),
  item text not null,
  qty int not null
);
create table public.categories (
  id int primary key,
  name text not null,
  parent_id int constraint categories_parent_fkey references public.categories(id)
);

insert into public.customers values (1, 'Ana', 'north'), (2, 'Ben', 'south'), (3, 'Cy', 'north');
insert into public.orders values
  (1, 1, 10.00, '2026-01-01', 'paid'),
  (2, 1, 60.00, '2026-01-02', 'paid'),
  (3, 2, 25.50, '2026-01-02', 'open'),
  (4, 2, 70.00, '2026-01-03', 'paid');
insert into public.order_lines values (1, 1, 'tea', 2), (2, 1, 'cake', 1), (3, 2, 'tea', 5), (4, 4, 'soup', 3);
insert into public.categories values (1, 'drinks', null), (2, 'hot', 1), (3, 'cold', 1), (4, 'food', null);

-- Computed fields: functions of the row, also on a partitioned table.
create function public.label(public.customers) returns text language sql stable as
  $$ select $1.name || ' (' || $1.region || ')' $$;
create function public.with_tax(public.orders) returns numeric language sql stable as
  $$ select round($1.amount * 1.1, 2) $$;
create table public.visits (id int, region text not null, seats int not null, primary key (id, region))
  partition by list (region);
create table public.visits_north partition of public.visits for values in ('north');
create table public.visits_south partition of public.visits for values in ('south');
insert into public.visits values (1, 'north', 2), (2, 'south', 4), (3, 'north', 6);
create function public.double_seats(public.visits) returns int language sql immutable as $$ select $1.seats * 2 $$;

-- Functions as relationships: to-many, to-one by rows 1, to-one by returning a single row.
create function public.big_orders(public.customers) returns setof public.orders language sql stable as
  $$ select * from public.orders where customer_id = $1.id and amount >= 50 order by id $$;
create function public.first_order(public.customers) returns setof public.orders rows 1 language sql stable as
  $$ select * from public.orders where customer_id = $1.id order by placed, id limit 1 $$;
create function public.buyer(public.orders) returns public.customers language sql stable as
  $$ select * from public.customers where id = $1.customer_id $$;

-- Views: relationships follow their columns back to the base tables' foreign keys.
create view public.order_view as select id as order_no, customer_id as buyer_id, amount from public.orders;
create view public.customer_view as select id as cid, name from public.customers;

-- Two foreign keys to the same table: ambiguous without a hint.
create table public.shipments (
  id int primary key,
  order_id int not null references public.orders(id),
  sender_id int not null constraint shipments_sender_fkey references public.customers(id),
  receiver_id int not null constraint shipments_receiver_fkey references public.customers(id)
);
insert into public.shipments values (1, 1, 1, 2), (2, 4, 2, 3);

-- One-to-one: the FK columns are the table's primary key.
create table public.customer_profiles (
  customer_id int primary key references public.customers(id),
  nickname text not null
);
insert into public.customer_profiles values (1, 'annie');
`;
