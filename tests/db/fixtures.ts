import { type Actor, db, rpc, sql, user, uuid } from './support.ts';

export const STAFF_ROLES = ['owner', 'manager', 'cashier', 'kitchen', 'waiter', 'print_bridge'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A user row in auth.users, as GoTrue would create it (anonymous for guests). */
export async function createUser(opts: { anonymous?: boolean; label?: string } = {}): Promise<string> {
  const id = uuid();
  const email = opts.anonymous ? null : `${opts.label ?? 'user'}-${id.slice(0, 8)}@test.comanda`;
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', now(),
       '{}', '{}', now(), now(), $3)`,
    [id, email, opts.anonymous ?? false],
  );
  return id;
}

export interface RestaurantOptions {
  currency?: string;
  timezone?: string;
  taxMode?: 'inclusive' | 'exclusive';
  taxRateBp?: number;
  cutoffHour?: number;
  guestOrdering?: 'off' | 'draft_first' | 'auto_accept';
  autoPrintReceipts?: boolean;
}

/**
 * A restaurant with one user per role, a small menu (modifier groups with min/max), two tables and
 * a printer per station plus a receipt printer. Built with SQL as `postgres` so each test file gets
 * its own tenant quickly; the RPCs that create these in the app are tested on their own.
 */
export async function makeRestaurant(opts: RestaurantOptions = {}) {
  const id = uuid();
  const users = Object.fromEntries(
    await Promise.all(STAFF_ROLES.map(async (r) => [r, await createUser({ label: r })] as const)),
  ) as Record<StaffRole, string>;
  const ids = {
    catFood: uuid(),
    catDrinks: uuid(),
    burger: uuid(),
    fries: uuid(),
    soda: uuid(),
    soldOut: uuid(),
    cooking: uuid(),
    extras: uuid(),
    rare: uuid(),
    medium: uuid(),
    wellDone: uuid(),
    cheese: uuid(),
    bacon: uuid(),
    egg: uuid(),
    truffle: uuid(),
    table1: uuid(),
    table2: uuid(),
    kitchenPrinter: uuid(),
    barPrinter: uuid(),
    receiptPrinter: uuid(),
  };
  await db().query(
    `insert into public.restaurants (id, slug, name, country, timezone, currency, tax_mode, tax_rate_bp,
       business_day_cutoff_hour, guest_ordering, auto_print_receipts)
     values ($1, $2, 'Test bistro', 'FR', $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      `t-${id.slice(0, 8)}`,
      opts.timezone ?? 'Europe/Paris',
      opts.currency ?? 'EUR',
      opts.taxMode ?? 'inclusive',
      opts.taxRateBp ?? 1000,
      opts.cutoffHour ?? 4,
      opts.guestOrdering ?? 'draft_first',
      opts.autoPrintReceipts ?? true,
    ],
  );
  await db().query(
    `insert into public.memberships (restaurant_id, user_id, role) select $1, u, r::public.member_role
     from unnest($2::uuid[], $3::text[]) as x(u, r)`,
    [id, STAFF_ROLES.map((r) => users[r]), [...STAFF_ROLES]],
  );
  const i = ids;
  await db().query(
    `insert into public.menu_categories (id, restaurant_id, name, position) values ($2, $1, 'Food', 1), ($3, $1, 'Drinks', 2);
     insert into public.menu_items (id, restaurant_id, category_id, name, price, station, available) values
       ($4, $1, $2, 'Burger', 1250, 'kitchen', true), ($5, $1, $2, 'Fries', 450, 'kitchen', true),
       ($6, $1, $3, 'Soda', 300, 'bar', true), ($7, $1, $2, 'Lobster', 4000, 'kitchen', false);
     insert into public.modifier_groups (id, restaurant_id, name, min_select, max_select) values
       ($8, $1, 'Cooking', 1, 1), ($9, $1, 'Extras', 0, 2);
     insert into public.modifier_options (id, restaurant_id, group_id, name, price_delta, available) values
       ($10, $1, $8, 'Rare', 0, true), ($11, $1, $8, 'Medium', 0, true), ($12, $1, $8, 'Well done', 0, true),
       ($13, $1, $9, 'Cheese', 100, true), ($14, $1, $9, 'Bacon', 150, true), ($15, $1, $9, 'Egg', 80, true),
       ($16, $1, $9, 'Truffle', 900, false);
     insert into public.menu_item_modifier_groups (restaurant_id, item_id, group_id, position) values
       ($1, $4, $8, 1), ($1, $4, $9, 2);
     insert into public.dining_tables (id, restaurant_id, label) values ($17, $1, 'T1'), ($18, $1, 'T2');
     insert into public.printers (id, restaurant_id, name, kind, stations) values
       ($19, $1, 'Kitchen', 'kitchen', '{kitchen}'), ($20, $1, 'Bar', 'kitchen', '{bar}'),
       ($21, $1, 'Counter', 'receipt', '{}');`.replace(
      /\$(\d+)/g,
      (_, n) => `'${[id, ...Object.values(i)][Number(n) - 1]}'`,
    ),
  );
  const [tokens] = await sql<{ t1: string; t2: string }>(
    `select (select qr_token from public.dining_tables where id = $1) as t1,
            (select qr_token from public.dining_tables where id = $2) as t2`,
    [i.table1, i.table2],
  );
  const as = (role: StaffRole): Actor => user(users[role]);
  return { id, users, as, ...ids, qr1: tokens?.t1 ?? '', qr2: tokens?.t2 ?? '' };
}

export type Restaurant = Awaited<ReturnType<typeof makeRestaurant>>;

/** A valid POS payload: a medium burger with cheese and a soda. */
export function orderPayload(r: Restaurant, extra: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    restaurant_id: r.id,
    type: 'takeaway',
    lines: [
      { item_id: r.burger, qty: 1, modifiers: [r.medium, r.cheese] },
      { item_id: r.soda, qty: 2 },
    ],
    ...extra,
  };
}

export interface OrderJson {
  id: string;
  number: number | null;
  business_date: string | null;
  status: string;
  version: number;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  payment_status: string;
  lines: Array<{
    id: string;
    name: string;
    qty: number;
    unit_price: number;
    line_total: number;
    kitchen_status: string;
    version: number;
  }>;
}

/** Places an order as the restaurant's cashier (or another role) and returns it. */
export function placeOrder(
  r: Restaurant,
  payload: Record<string, unknown> = orderPayload(r),
  role: StaffRole = 'cashier',
) {
  return rpc<OrderJson>(r.as(role), 'place_order', { p_order: payload });
}

/** Moves an order along the status machine as the owner (who may make every transition). */
export async function advance(r: Restaurant, order: OrderJson, ...steps: string[]): Promise<OrderJson> {
  let cur = order;
  for (const to of steps) {
    cur = await rpc<OrderJson>(r.as('owner'), 'transition_order', {
      p_order_id: cur.id,
      p_to: to,
      p_expected_version: cur.version,
      p_reason: to === 'cancelled' || to === 'rejected' ? 'test' : null,
    });
  }
  return cur;
}
