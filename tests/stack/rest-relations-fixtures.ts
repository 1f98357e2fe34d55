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
`;
