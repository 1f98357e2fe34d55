import { describe, expect, it } from 'vitest';
import { makeRestaurant, type OrderJson, orderPayload, placeOrder } from './fixtures.ts';
import { sql } from './support.ts';

/*
 * The documented rule (see the header of the first migration): tax is computed once per order on
 * the sum of the lines, rate in basis points, rounded half away from zero to the currency's minor
 * unit. Exclusive: total = subtotal + tax. Inclusive: tax = subtotal × rate / (10000 + rate), total
 * = subtotal. The fixture order is a burger (1250) with cheese (+100) and medium (+0), and 2 sodas
 * (300): subtotal 1350 + 600 = 1950 minor units.
 */
describe('order totals by currency and tax mode', () => {
  const cases: Array<{
    currency: string;
    exponent: number;
    mode: 'inclusive' | 'exclusive';
    rate: number;
    tax: number;
    total: number;
  }> = [
    // 1950 × 1800 / 11800 = 297.46 → 297 francs
    { currency: 'XOF', exponent: 0, mode: 'inclusive', rate: 1800, tax: 297, total: 1950 },
    // 1950 × 0.18 = 351 francs
    { currency: 'XOF', exponent: 0, mode: 'exclusive', rate: 1800, tax: 351, total: 2301 },
    // 19.50 € × 10/110 = 1.7727 € → 1.77 €
    { currency: 'EUR', exponent: 2, mode: 'inclusive', rate: 1000, tax: 177, total: 1950 },
    // 19.50 ARS × 0.21 = 4.095 ARS → 4.10 ARS: the half cent rounds away from zero
    { currency: 'ARS', exponent: 2, mode: 'exclusive', rate: 2100, tax: 410, total: 2360 },
    { currency: 'IDR', exponent: 0, mode: 'exclusive', rate: 1100, tax: 215, total: 2165 },
    { currency: 'EUR', exponent: 2, mode: 'inclusive', rate: 0, tax: 0, total: 1950 },
  ];
  for (const c of cases) {
    it(`${c.currency} ${c.mode} ${c.rate / 100}% → tax ${c.tax}, total ${c.total}`, async () => {
      const r = await makeRestaurant({ currency: c.currency, taxMode: c.mode, taxRateBp: c.rate });
      const order = await placeOrder(r);
      expect(order).toMatchObject({
        subtotal: 1950,
        tax: c.tax,
        total: c.total,
        currency_exponent: c.exponent,
        currency: c.currency,
      });
      expect(order.lines.map((l) => [l.name, l.qty, l.unit_price, l.line_total])).toEqual([
        ['Burger', 1, 1350, 1350],
        ['Soda', 2, 300, 600],
      ]);
    });
  }

  it('rounds half away from zero (never to even)', async () => {
    const rows = await sql<{ subtotal: string; mode: string; rate: number; tax: string }>(
      `select s::text as subtotal, m::text as mode, rate, private.order_tax(s, m, rate)::text as tax
       from (values (5::bigint, 'exclusive'::public.tax_mode, 1000), (15, 'exclusive', 1000), (25, 'exclusive', 1000),
                    (999, 'inclusive', 2000), (14, 'exclusive', 1000), (1, 'exclusive', 4999)) v(s, m, rate)`,
    );
    expect(rows.map((x) => x.tax)).toEqual(['1', '2', '3', '167', '1', '0']);
  });

  it('a placed order keeps its snapshot when the menu changes', async () => {
    const r = await makeRestaurant({ currency: 'EUR', taxMode: 'inclusive', taxRateBp: 1000 });
    const order = await placeOrder(r);
    await sql(`update public.menu_items set price = 9999, name = 'Renamed' where id = $1`, [r.burger]);
    await sql(`update public.modifier_options set price_delta = 5000 where id = $1`, [r.cheese]);
    const [stored] = await sql<{ total: string; name: string; unit: string; mods: unknown }>(
      `select o.total::text as total, l.name, l.unit_price::text as unit, l.modifiers as mods
       from public.orders o join public.order_lines l on l.order_id = o.id and l.position = 1 where o.id = $1`,
      [order.id],
    );
    expect(stored).toMatchObject({ total: '1950', name: 'Burger', unit: '1350' });
    expect(stored?.mods).toEqual([
      expect.objectContaining({ name: 'Medium', price_delta: 0, group_name: 'Cooking' }),
      expect.objectContaining({ name: 'Cheese', price_delta: 100, group_name: 'Extras' }),
    ]);
  });

  it('the client cannot choose prices or totals: unknown fields are refused', async () => {
    const r = await makeRestaurant();
    const payload = orderPayload(r, { total: 1 });
    await expect(placeOrder(r, payload)).rejects.toMatchObject({ message: 'unknown_field' });
    const withLinePrice = orderPayload(r, { lines: [{ item_id: r.soda, qty: 1, unit_price: 1 }] });
    await expect(placeOrder(r, withLinePrice)).rejects.toMatchObject({ message: 'unknown_field' });
  });

  it('quantities multiply the unit price including modifiers', async () => {
    const r = await makeRestaurant({ currency: 'XOF', taxMode: 'exclusive', taxRateBp: 0 });
    const order: OrderJson = await placeOrder(
      r,
      orderPayload(r, { lines: [{ item_id: r.burger, qty: 99, modifiers: [r.rare, r.bacon, r.egg] }] }),
    );
    // (1250 + 150 + 80) × 99
    expect(order).toMatchObject({ subtotal: 146520, tax: 0, total: 146520 });
  });
});
