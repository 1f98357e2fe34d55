/**
 * What tenant-leaks.test.ts cannot build from argument types alone. In JSON bodies, `@ref:<table>`
 * is an id it probes (A's row, B's row or a made-up one), `@new` a fresh client-generated id and
 * `@a:<key>` a fixed value of restaurant A (its table's QR token, its kiosk's next provisional code).
 */

/** JSON bodies, per function and argument. A new RPC with a jsonb argument needs its row here. */
export const JSON_ARGUMENTS: Record<string, Record<string, unknown>> = {
  place_order: {
    p_order: {
      id: '@new',
      restaurant_id: '@ref:restaurants',
      type: 'dine_in',
      table_id: '@ref:dining_tables',
      lines: [{ item_id: '@ref:menu_items', qty: 1, modifiers: ['@ref:modifier_options'] }],
    },
  },
  add_order_round: {
    p_round: {
      id: '@new',
      order_id: '@ref:orders',
      lines: [{ item_id: '@ref:menu_items', qty: 1, modifiers: ['@ref:modifier_options'] }],
    },
  },
  guest_place_order: {
    p_order: { id: '@new', lines: [{ item_id: '@ref:menu_items', qty: 1, modifiers: ['@ref:modifier_options'] }] },
  },
  guest_request_service: { p_request: { id: '@new', kind: 'call_waiter' } },
  kiosk_place_order: {
    p_order: {
      id: '@new',
      type: 'takeaway',
      provisional_code: '@a:kiosk_code',
      lines: [{ item_id: '@ref:menu_items', qty: 1, modifiers: ['@ref:modifier_options'] }],
    },
  },
  update_kiosk: { p_settings: { label: 'Probe' } },
};

/**
 * Other arguments a probe needs to reach its ids, per function: a receipt reprint names the receipt
 * printer (a kitchen-ticket reprint prints nothing there, made-up printer or not).
 */
export const OTHER_ARGUMENTS: Record<string, Record<string, unknown>> = {
  reprint_order: { p_document: 'receipt' },
};

/**
 * Text arguments by name. A QR token, an invite or pairing code and a board token are bearer
 * secrets, not ids: whoever holds one may use it, so they are not probed; A's token lets the probe
 * reach the ids behind it.
 */
export const TEXT_ARGUMENTS: Record<string, string> = {
  p_qr_token: '@a:qr',
};

/**
 * Ids the caller generates for the row it creates (the offline outbox's idempotency keys). They name
 * no existing row, so there is nothing to probe: a fresh UUID each call.
 */
export const NEW_ROW_IDS: Record<string, string[]> = {
  open_shift: ['p_shift_id'],
  record_cash_movement: ['p_movement_id'],
  record_payment: ['p_payment_id'],
  refund_payment: ['p_refund_id'],
  apply_discount: ['p_discount_id'],
};
