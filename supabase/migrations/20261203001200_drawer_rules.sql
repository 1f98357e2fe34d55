-- Drawer rules decided here, whatever the client sends:
--
-- * A cash-out takes at most the cash the drawer should hold (the shift's expected cash, as the
--   X report computes it) unless an owner or manager records it: a cashier's bigger cash-out is
--   refused 'cash_out_exceeds_drawer' {expected} and writes nothing. The shift row is locked first,
--   so two cash-outs on two devices cannot both pass on the same expected cash.
-- * Closing a shift someone else opened needs an owner or manager: a cashier already gets
--   shift_not_found for it (private.readable_shift, 20261202000300_sales_reports.sql), like an id
--   that does not exist, and nothing is written; owners and managers close any shift of theirs.
-- * record_cash_movement answered another restaurant's shift 'forbidden' with that restaurant's id;
--   now shift_not_found, as a made-up id (see 20261203001000_no_existence_leaks.sql).

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261121000800_shifts.sql, with the membership check, the ceiling of
-- 20261203001100_money_ceiling.sql and the cash-out rule.
create or replace function public.record_cash_movement(
  p_movement_id uuid, p_shift_id uuid, p_kind public.cash_movement_kind, p_amount bigint, p_reason text
) returns public.cash_movements
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_restaurant_id uuid;
  v_role public.member_role;
  v_shift public.shifts;
  v_expected bigint;
  v_row public.cash_movements;
begin
  perform private.require_user();
  select s.restaurant_id into v_restaurant_id from public.shifts s
  where s.id = p_shift_id and exists (select 1 from public.memberships m
    where m.restaurant_id = s.restaurant_id and m.user_id = auth.uid());
  if v_restaurant_id is null then
    perform private.raise_error('shift_not_found', 'No such shift', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  v_role := private.require_role(v_restaurant_id, '{owner,manager,cashier}');
  if p_movement_id is null or p_kind is null then
    perform private.raise_error('invalid_cash_movement', 'Give the movement id and its kind (cash_in or cash_out)', '{}');
  end if;
  if p_amount is null or p_amount not between 1 and private.max_amount() then
    perform private.raise_error('invalid_amount', 'The amount is a positive number of minor units', pg_catalog.jsonb_build_object('amount', p_amount));
  end if;
  if p_reason is null or char_length(btrim(p_reason)) not between 1 and 200 then
    perform private.raise_error('reason_required', 'Say why cash goes in or out (up to 200 characters)', '{}');
  end if;
  select * into v_row from public.cash_movements c where c.id = p_movement_id;
  if v_row.id is not null then
    if v_row.shift_id = p_shift_id and v_row.kind = p_kind and v_row.amount = p_amount then return v_row; end if;
    perform private.raise_error('idempotency_conflict', 'A movement with this id exists with different content', '{}');
  end if;
  v_shift := private.open_shift_for_update(v_restaurant_id, p_shift_id);
  if p_kind = 'cash_out' and v_role = 'cashier' then
    v_expected := (private.shift_cash(v_shift) ->> 'expected')::bigint;
    if p_amount > v_expected then
      perform private.raise_error('cash_out_exceeds_drawer', 'The drawer should not hold that much: ask a manager',
        pg_catalog.jsonb_build_object('expected', v_expected));
    end if;
  end if;
  insert into public.cash_movements (id, restaurant_id, shift_id, kind, amount, reason, created_by)
  values (p_movement_id, v_restaurant_id, p_shift_id, p_kind, p_amount, btrim(p_reason), auth.uid()) returning * into v_row;
  return v_row;
end $$;

comment on function public.record_cash_movement(uuid, uuid, public.cash_movement_kind, bigint, text) is
'Cash put into or taken out of an open shift''s drawer, with a reason; idempotent by p_movement_id. A cashier
takes out at most the cash the drawer should hold (the shift''s expected cash); owners and managers may take
out more. Returns the movement.

Callers: owners, managers and cashiers.
Errors: shift_not_found (also another restaurant''s shift), forbidden (42501), invalid_cash_movement,
invalid_amount, reason_required, idempotency_conflict, shift_closed, cash_out_exceeds_drawer (detail {expected}).';
