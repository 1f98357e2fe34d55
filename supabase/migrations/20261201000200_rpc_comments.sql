-- A description on every RPC the API exposes, so Studio and PostgREST's OpenAPI output say what it
-- does, who may call it and which error codes it answers (the first line is the summary). Codes are
-- the `message` of the error: P0001 unless marked 42501 (PostgREST answers 401/403). Every RPC also
-- answers 42501 not_authenticated to a caller without a user, including the service role, which has
-- none. The codes' translations live in app/messages as db_error_<code>.

comment on function public.create_restaurant(text, text, text, text, text, text, public.tax_mode, integer) is
'Creates a restaurant with the caller as its owner and returns it.

Callers: any signed-in user with an account (not an anonymous guest).
Errors: anonymous_not_allowed (42501), invalid_slug, invalid_name, invalid_country, invalid_currency, invalid_locale,
invalid_tax_rate, invalid_timezone, slug_taken.';

comment on function public.create_invite(uuid, public.member_role, integer) is
'Creates a join code for a role, valid p_valid_hours hours (1 to 720, default 72), and returns the invite.

Callers: owners (any role); managers (cashier, kitchen, waiter and print bridge only).
Errors: forbidden (42501), invalid_validity.';

comment on function public.revoke_invite(uuid) is
'Revokes a join code so it can no longer be used; revoking twice keeps the first time. Returns the invite.

Callers: owners and managers of the invite''s restaurant.
Errors: invite_not_found, forbidden (42501).';

comment on function public.accept_invite(text) is
'Joins the restaurant of a join code (case and surrounding spaces ignored) with the invite''s role. Returns the
new membership.

Callers: any signed-in user with an account (not an anonymous guest).
Errors: anonymous_not_allowed (42501), invite_not_found (also when revoked), invite_used, invite_expired,
already_member.';

comment on function public.change_member_role(uuid, uuid, public.member_role) is
'Gives a member another role; a restaurant always keeps at least one owner. Returns the membership.

Callers: owners (any role); managers (between cashier, kitchen, waiter and print bridge).
Errors: forbidden (42501), member_not_found, last_owner.';

comment on function public.remove_member(uuid, uuid) is
'Removes a member from a restaurant; anyone may remove themselves (leave), never the last owner.

Callers: the member themselves; owners (anyone); managers (cashier, kitchen, waiter and print bridge).
Errors: forbidden (42501), member_not_found, last_owner.';

comment on function public.get_menu(uuid, bigint) is
'The menu for the staff screens'' cache: everything (p_since_version null, or ahead of the server) or only what
changed after p_since_version, with the ids deleted since. Returns { restaurant_id, version, since, full,
categories, items, modifier_groups, modifier_options, item_modifier_groups, deleted }.

Callers: owners, managers, cashiers, kitchen staff and waiters.
Errors: forbidden (42501).';

comment on function public.rotate_table_token(uuid) is
'Issues a new QR token for a table; the previous QR code stops working at once. Returns the table.

Callers: owners and managers.
Errors: table_not_found, forbidden (42501).';

comment on function public.guest_menu(text) is
'What a guest''s phone shows after scanning a table''s QR code: the restaurant''s public details, the table and
the available part of the menu.

Callers: any signed-in user, anonymous guests included.
Errors: table_not_found (unknown, rotated or inactive QR token).';

comment on function public.place_order(jsonb) is
'Staff place an order from the POS: it is placed at once and gets the business day''s next number. The
payload is checked against the menu and priced here; a replay of the same payload (same id) returns the stored
order. Returns the order with its lines.

Callers: owners, managers, cashiers and waiters.
Errors: forbidden (42501); payload: invalid_payload, unknown_field, invalid_restaurant_id, invalid_order_id,
idempotency_conflict, invalid_order_type, table_not_found, invalid_note, note_too_long, invalid_lines,
empty_order, too_many_lines; lines: invalid_line, invalid_item_id, invalid_qty, qty_out_of_range, item_not_found,
item_unavailable, invalid_modifiers, duplicate_modifier, modifier_not_allowed, modifier_unavailable,
modifier_min_not_met, modifier_max_exceeded.';

comment on function public.guest_place_order(text, jsonb) is
'A guest orders from their table''s QR code: a draft for the staff to accept, or placed at once when the
restaurant auto-accepts. Payload { id, note?, lines }; a replay returns the stored order. Returns the guest''s
view of the order.

Callers: any signed-in user, anonymous guests included, holding the table''s QR token.
Errors: table_not_found, guest_ordering_disabled, invalid_payload, unknown_field, invalid_order_id,
idempotency_conflict, invalid_note, note_too_long, invalid_lines, empty_order, too_many_lines, and the line
errors of place_order.';

comment on function public.guest_order(uuid) is
'The guest''s own order: status, number, lines and totals.

Callers: the guest who placed it (anyone else gets order_not_found).
Errors: order_not_found.';

comment on function public.transition_order(uuid, public.order_status, integer, text) is
'Moves an order to another status (draft → placed/rejected, placed → preparing → ready → completed, or
cancelled), with the version the caller last saw; already being in the target status returns the order, so
offline replays are harmless. Returns the order with its lines.

Callers: depends on the step: accept, reject and complete: owners, managers, cashiers, waiters; preparing and
ready: owners, managers, kitchen; cancel a placed order: owners, managers, cashiers; cancel later: owners and
managers.
Errors: invalid_transition, order_not_found (also another restaurant''s order), version_conflict, forbidden
(42501), reason_required (reject, cancel), reason_too_long.';

comment on function public.set_line_status(uuid, public.line_status, integer) is
'The kitchen bumps one order line (queued → preparing → ready → served, or one step back), with the version
the caller last saw; already being in the target status returns the line. Returns the line.

Callers: owners, managers and kitchen staff.
Errors: invalid_transition, line_not_found (also another restaurant''s line), forbidden (42501),
version_conflict.';

comment on function public.open_shift(uuid, uuid, text, bigint) is
'Opens a cash-drawer shift on a device with its opening float; idempotent by p_shift_id. Returns the shift.

Callers: owners, managers and cashiers.
Errors: forbidden (42501), invalid_shift_id, invalid_device_id, invalid_amount, idempotency_conflict,
shift_already_open.';

comment on function public.record_cash_movement(uuid, uuid, public.cash_movement_kind, bigint, text) is
'Cash put into or taken out of an open shift''s drawer, with a reason; idempotent by p_movement_id. Returns the
movement.

Callers: owners, managers and cashiers.
Errors: shift_not_found, forbidden (42501), invalid_cash_movement, invalid_amount, reason_required,
idempotency_conflict, shift_closed.';

comment on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text) is
'Records a payment on an order; idempotent by p_payment_id. Cash goes into an open shift and may be tendered
above the amount (the change is computed). Returns the payment.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payment_id, order_not_found, forbidden (42501), idempotency_conflict, invalid_method,
invalid_amount, tendered_not_cash, tendered_too_low, reference_too_long, order_not_payable, overpayment,
shift_required, shift_not_found, shift_closed.';

comment on function public.refund_payment(uuid, uuid, bigint, text, uuid) is
'Refunds part or all of a payment, with a reason; a cash refund comes out of an open shift. Idempotent by
p_refund_id. Returns the (negative) refund row.

Callers: owners and managers.
Errors: payment_not_found, forbidden (42501), invalid_payment_id, idempotency_conflict, invalid_amount,
reason_required, refund_exceeds_payment, shift_required, shift_not_found, shift_closed.';

comment on function public.close_shift(uuid, bigint, public.variance_reason, text) is
'Closes a shift with the cash counted in the drawer; a difference from the expected cash needs a variance
reason. Replaying the same close returns the same Z report. Returns the Z report.

Callers: owners, managers and cashiers.
Errors: shift_not_found, forbidden (42501), shift_closed, invalid_amount, note_too_long,
variance_reason_required.';

comment on function public.shift_report(uuid) is
'The X report of an open shift or the Z report of a closed one: sales, payments by method, refunds,
cancellations and the drawer''s expected cash.

Callers: owners, managers and cashiers.
Errors: shift_not_found, forbidden (42501).';

comment on function public.claim_print_jobs(uuid, integer, integer) is
'Hands up to p_limit (1 to 100) due print jobs to the calling bridge for p_lease_seconds (5 to 600); jobs
whose lease expired come back, jobs out of attempts are marked failed. Returns the claimed jobs.

Callers: the restaurant''s print bridge only.
Errors: forbidden (42501), invalid_limit, invalid_lease.';

comment on function public.complete_print_job(uuid) is
'The bridge printed a job it claimed; completing twice is harmless. Returns the job.

Callers: the restaurant''s print bridge only.
Errors: print_job_not_found, forbidden (42501), print_job_not_claimed.';

comment on function public.fail_print_job(uuid, text) is
'The bridge could not print a job it claimed: back to the queue after an exponential backoff (at most 5
minutes), or failed for good once out of attempts. Returns the job.

Callers: the restaurant''s print bridge only.
Errors: print_job_not_found, forbidden (42501), print_job_not_claimed.';

comment on function public.retry_print_job(uuid) is
'Puts a failed print job back in the queue with fresh attempts. Returns the job.

Callers: owners and managers.
Errors: print_job_not_found, forbidden (42501), print_job_not_failed.';

comment on function public.print_test_page(uuid) is
'Queues a test page on one printer. Returns the print job.

Callers: owners and managers.
Errors: printer_not_found, forbidden (42501).';

comment on function public.reprint_order(uuid, public.print_document, uuid) is
'Prints an order''s kitchen tickets or receipt again, on one printer or (p_printer_id null) on every active
printer that would print it. Returns the new print jobs.

Callers: owners and managers.
Errors: order_not_found, forbidden (42501), invalid_document, order_not_placed.';

comment on function public.set_my_display_name(uuid, text) is
'Renames the caller in one restaurant they work in (the name staff screens show). Returns the membership.

Callers: any member of the restaurant, for themselves only.
Errors: forbidden (42501, not a member), display_name_required, display_name_too_long.';
