/**
 * The RLS matrix's expectations: for every table and RPC in `public`, which actors may use it
 * (rls-matrix.test.ts probes each actor and compares). "outsider" is the owner of another
 * restaurant; "guest" an anonymous sign-in; "kiosk" a paired self-order tablet (an anonymous sign-in with
 * the kiosk role, no staff rights). Adding a table or RPC means adding its row here.
 */
export const WHO = [
  'anon',
  'guest',
  'outsider',
  'owner',
  'manager',
  'cashier',
  'kitchen',
  'waiter',
  'print_bridge',
  'kiosk',
  'service',
] as const;
export type Who = (typeof WHO)[number];

const STAFF: Who[] = ['owner', 'manager', 'cashier', 'kitchen', 'waiter'];
const MGMT: Who[] = ['owner', 'manager'];
const SIGNED_IN: Who[] = ['guest', 'outsider', ...STAFF, 'print_bridge', 'kiosk'];
const NOBODY: Who[] = [];
const S: Who[] = ['service'];

export type Ops = { select: Who[]; insert: Who[]; update: Who[]; delete: Who[] };
const menuTable: Ops = {
  select: [...STAFF, ...S],
  insert: [...MGMT, ...S],
  update: [...MGMT, ...S],
  delete: [...MGMT, ...S],
};
const serviceWrites = (select: Who[]): Ops => ({ select: [...select, ...S], insert: S, update: S, delete: S });

export const TABLES: Record<string, Ops> = {
  currencies: serviceWrites(SIGNED_IN),
  restaurants: { select: [...STAFF, 'print_bridge', ...S], insert: S, update: [...MGMT, ...S], delete: S },
  // Every member sees their own row; a bridge or a kiosk sees nobody else's.
  memberships: serviceWrites([...STAFF, 'print_bridge', 'kiosk']),
  invites: serviceWrites(MGMT),
  menu_categories: menuTable,
  menu_items: menuTable,
  modifier_groups: menuTable,
  modifier_options: menuTable,
  menu_item_modifier_groups: menuTable,
  menu_tombstones: serviceWrites(STAFF),
  menu_price_history: serviceWrites(MGMT),
  dining_tables: menuTable,
  orders: serviceWrites(STAFF),
  order_lines: serviceWrites(STAFF),
  order_events: serviceWrites(MGMT),
  order_counters: serviceWrites(MGMT),
  order_rounds: serviceWrites(STAFF),
  order_discounts: serviceWrites(STAFF),
  pos_devices: serviceWrites(STAFF),
  shifts: serviceWrites(['owner', 'manager', 'cashier']),
  cash_movements: serviceWrites(['owner', 'manager', 'cashier']),
  // Append-only: not even the service role edits or deletes a payment.
  payments: { select: ['owner', 'manager', 'cashier', 'waiter', ...S], insert: S, update: NOBODY, delete: NOBODY },
  printers: { ...menuTable, select: [...STAFF, 'print_bridge', ...S] },
  stations: menuTable,
  print_jobs: serviceWrites([...MGMT, 'print_bridge']),
  bridge_pairings: serviceWrites(MGMT),
  // The admin's kiosk list; the tablet itself reads its settings through kiosk_menu only.
  kiosks: serviceWrites(MGMT),
  menu_translations: menuTable,
  // Written only by guest_menu; who scanned which table is the owners' and managers' business.
  guest_visits: serviceWrites(MGMT),
  // Guests reach their requests only through guest_request_service / guest_visit.
  service_requests: serviceWrites(STAFF),
};

const POS: Who[] = ['owner', 'manager', 'cashier', 'waiter'];
const DRAWER: Who[] = ['owner', 'manager', 'cashier'];
const KITCHEN: Who[] = ['owner', 'manager', 'kitchen'];
const PRINTING: Who[] = ['print_bridge'];
const KIOSK: Who[] = ['kiosk'];

export const RPCS: Record<string, Who[]> = {
  create_restaurant: ['outsider', ...STAFF, 'print_bridge'],
  create_invite: MGMT,
  revoke_invite: MGMT,
  accept_invite: ['outsider'],
  change_member_role: MGMT,
  remove_member: [...MGMT, 'waiter'], // the waiter probe removes the waiter: leaving is allowed
  set_my_display_name: [...STAFF, 'print_bridge', 'kiosk'], // every member renames themself, nobody else
  get_menu: STAFF,
  set_item_availability: MGMT,
  rotate_table_token: MGMT,
  guest_menu: SIGNED_IN,
  guest_place_order: SIGNED_IN,
  guest_order: ['guest'],
  // The guest's own visit: anyone holding the table's token gets their own (possibly empty) lists.
  guest_visit: SIGNED_IN,
  guest_cancel_order: ['guest'],
  guest_request_service: SIGNED_IN,
  acknowledge_service_request: POS,
  place_order: POS,
  add_order_round: POS,
  claim_device_code: POS,
  transition_order: KITCHEN, // placed → preparing; every transition × role is in transitions.test.ts
  set_line_status: KITCHEN,
  open_shift: DRAWER,
  record_cash_movement: DRAWER,
  close_shift: DRAWER,
  shift_report: DRAWER,
  day_report: MGMT,
  record_payment: POS,
  refund_payment: MGMT,
  // The matrix restaurant lets cashiers give 10 %; the limits themselves are in discounts.test.ts.
  apply_discount: DRAWER,
  remove_discount: DRAWER,
  claim_print_jobs: PRINTING,
  complete_print_job: PRINTING,
  fail_print_job: PRINTING,
  retry_print_job: MGMT,
  print_test_page: MGMT,
  reprint_order: MGMT,
  rotate_board_token: MGMT,
  // The TV facing customers is not signed in: anyone holding the board token, anon included.
  board_orders: ['anon', ...SIGNED_IN, 'service'],
  create_bridge_pairing: MGMT,
  revoke_bridge_pairing: MGMT,
  // A bridge pairs as a fresh anonymous sign-in; a person's account (or a service call) never does. A
  // paired kiosk is anonymous too: it is answered (refused, already_member), not raised at.
  claim_bridge_pairing: ['guest', 'kiosk'],
  report_printer_status: PRINTING,
  create_kiosk_pairing: MGMT,
  update_kiosk: MGMT,
  revoke_kiosk: MGMT,
  set_kiosk_exit_pin: MGMT,
  // A kiosk pairs as a fresh anonymous sign-in, like the bridge (a paired one is answered already_member).
  claim_kiosk_pairing: ['guest', 'kiosk'],
  // The tablet's own functions: nobody else, staff included, is a kiosk.
  kiosk_menu: KIOSK,
  kiosk_place_order: KIOSK,
  kiosk_order: KIOSK,
  kiosk_exit: KIOSK,
};
