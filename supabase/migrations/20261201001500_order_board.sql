-- The order-ready board: a TV facing the customers shows the numbers being prepared and ready. It
-- signs in as nobody: its address carries the restaurant's board token (144 random bits, like a
-- table's QR token), which owners and managers can rotate when it leaks. board_orders is the one
-- function anon may call, and it answers only the restaurant's name and today's order numbers.

-- tables -----------------------------------------------------------------------------------------

-- A volatile default: every existing restaurant gets its own token.
alter table public.restaurants add column board_token text not null unique default private.random_token(18);
alter table public.restaurants add column board_token_rotated_at timestamptz not null default now();

-- RPCs -------------------------------------------------------------------------------------------

-- The token is chosen by the database: not in the restaurants column grants, rotated here.
create function public.rotate_board_token(p_restaurant_id uuid) returns public.restaurants
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_row public.restaurants;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager}');
  update public.restaurants set board_token = private.random_token(18), board_token_rotated_at = pg_catalog.now()
  where id = p_restaurant_id returning * into v_row;
  return v_row;
end $$;

-- Polled every few seconds by a screen anyone can see: numbers only, today's business date only.
create function public.board_orders(p_token text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_restaurant public.restaurants;
  v_today date;
begin
  select * into v_restaurant from public.restaurants r where r.board_token = p_token;
  if v_restaurant.id is null then
    perform private.raise_error('board_not_found', 'This board address is not valid any more; ask the staff for the new one', '{}');
  end if;
  v_today := private.business_date(v_restaurant.id, pg_catalog.now());
  return pg_catalog.jsonb_build_object(
    'restaurant_name', v_restaurant.name,
    'preparing', coalesce((select pg_catalog.jsonb_agg(o.number order by o.number) from public.orders o
      where o.restaurant_id = v_restaurant.id and o.business_date = v_today and o.status in ('placed', 'preparing')), '[]'),
    'ready', coalesce((select pg_catalog.jsonb_agg(o.number order by o.number) from public.orders o
      where o.restaurant_id = v_restaurant.id and o.business_date = v_today and o.status = 'ready'), '[]'));
end $$;

revoke all on function public.rotate_board_token(uuid) from public, anon;
grant execute on function public.rotate_board_token(uuid) to authenticated, service_role;
-- The board's TV is not signed in: anon is granted this one function on purpose.
revoke all on function public.board_orders(text) from public;
grant execute on function public.board_orders(text) to anon, authenticated, service_role;

comment on function public.rotate_board_token(uuid) is
'Issues a new token for the order-ready board''s address; the old address stops working at once. Returns the
restaurant.

Callers: owners and managers.
Errors: forbidden (42501).';

comment on function public.board_orders(text) is
'What the order-ready board shows: { restaurant_name, preparing: [numbers], ready: [numbers] } for today''s
business date (placed and preparing orders count as preparing). Nothing else about the orders.

Callers: anyone holding the board token, signed in or not (anon).
Errors: board_not_found (unknown or rotated token).';
