import { REST_FIXTURES_SQL } from './rest-fixtures.ts';

/**
 * The shared REST fixtures plus what the output-format, count, profile and transaction suites
 * need: values CSV must quote, a set-returning scalar function, and a second schema to expose.
 */
export const REST_FORMATS_FIXTURES_SQL = `${REST_FIXTURES_SQL}
create table public.csv_items (id int primary key, name text, note text, price numeric(6,2), tags text[]);
insert into public.csv_items values
  (1, 'plain', null, 1.50, '{a,b}'),
  (2, 'with, comma', 'say "hi"', null, '{}');
-- Planner estimates (count=planned) come from statistics.
analyze public.csv_items;

create function public.numbers(n int) returns setof int language sql immutable as
  $$ select generate_series(1, n) $$;

create table public.tx_probe (id int primary key, label text not null);
create table public.deferred_parent (id int primary key);
create table public.deferred_child (
  id int primary key,
  parent_id int not null references public.deferred_parent(id) deferrable initially deferred
);

create schema extra;
grant usage on schema extra to anon, authenticated, service_role;
create table extra.things (id int primary key, label text not null);
insert into extra.things values (1, 'extra one');
grant select, insert on extra.things to anon, authenticated, service_role;
create function extra.hello(who text) returns text language sql immutable as $$ select 'hello ' || who $$;
grant execute on function extra.hello(text) to anon, authenticated, service_role;
`;
