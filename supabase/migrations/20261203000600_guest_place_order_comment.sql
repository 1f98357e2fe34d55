-- guest_place_order's documented errors gain order_too_large: the orders trigger of
-- 20261203001100_money_ceiling.sql refuses a guest order past the money ceiling as it does a POS one.
-- (Comment only; the function is 20261203000100's.)

-- RPCs -------------------------------------------------------------------------------------------

comment on function public.guest_place_order(text, jsonb) is
'A guest orders from their table''s QR code: a draft for the staff to accept, or placed at once when the
restaurant auto-accepts. Payload { id, note?, lines }; a replay returns the stored order. The restaurant''s
guest limits apply in both modes (details carry {limit}); a refused order writes nothing. Returns the guest''s
view of the order.

Callers: any signed-in user, anonymous guests included, holding the table''s QR token.
Errors: table_not_found, guest_ordering_disabled, invalid_payload, unknown_field, invalid_order_id,
idempotency_conflict, invalid_note, note_too_long, invalid_lines, empty_order, too_many_lines (details {max}),
guest_order_limit, table_draft_limit, restaurant_guest_limit, the line errors of place_order, and
order_too_large (detail {max, total}).';
