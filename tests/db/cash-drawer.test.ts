import { describe, expect, it } from 'vitest';
import { makeRestaurant, placeOrder, type Restaurant } from './fixtures.ts';
import { rpc, sql, uuid } from './support.ts';

/** A cash payment opens the drawer on the receipt printer (…20261202000500_cash_drawer.sql). */

interface Job {
  printer_id: string;
  document: string;
  status: string;
  max_attempts: number;
  dedupe_key: string;
  payload: { document: string; payment: { id: string; amount: number }; order: { number: number } };
}
const kicks = (orderId: string) =>
  sql<Job>(
    `select printer_id, document, status, max_attempts, dedupe_key, payload from public.print_jobs
     where order_id = $1 and document = 'drawer_kick' order by created_at`,
    [orderId],
  );

async function openShift(r: Restaurant): Promise<string> {
  const id = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: id,
    p_restaurant_id: r.id,
    p_device_id: 'pos-1',
    p_opening_float: 0,
  });
  return id;
}

describe('cash drawer kick', () => {
  it('a cash payment queues one drawer kick per active receipt printer, once, and nothing for card or refunds', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const shift = await openShift(r);
    const order = await placeOrder(r);
    const card = uuid();
    await rpc(r.as('cashier'), 'record_payment', {
      p_payment_id: card,
      p_order_id: order.id,
      p_method: 'card',
      p_amount: 100,
    });
    expect(await kicks(order.id)).toEqual([]);

    const cash = uuid();
    const payCash = () =>
      rpc(r.as('cashier'), 'record_payment', {
        p_payment_id: cash,
        p_order_id: order.id,
        p_method: 'cash',
        p_amount: 500,
        p_tendered: 1000,
        p_shift_id: shift,
      });
    await payCash();
    await payCash(); // replayed from the outbox: the same payment, no second kick
    const [kick, ...more] = await kicks(order.id);
    expect(more).toEqual([]);
    expect(kick).toMatchObject({
      printer_id: r.receiptPrinter,
      status: 'queued',
      max_attempts: 3,
      dedupe_key: `drawer:${cash}:${r.receiptPrinter}`,
      payload: { document: 'drawer_kick', payment: { id: cash, amount: 500 }, order: { number: order.number } },
    });
    // Only receipt printers: the kitchen and bar printers got tickets, not kicks.
    expect(
      (
        await sql('select 1 from public.print_jobs where order_id = $1 and document = $2 and printer_id <> $3', [
          order.id,
          'drawer_kick',
          r.receiptPrinter,
        ])
      ).length,
    ).toBe(0);

    await rpc(r.as('manager'), 'refund_payment', {
      p_refund_id: uuid(),
      p_payment_id: cash,
      p_amount: 100,
      p_reason: 'cold fries',
      p_shift_id: shift,
    });
    expect(await kicks(order.id)).toHaveLength(1);
  });

  it('a receipt printer switched off opens nothing; a second one opens its own drawer', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const shift = await openShift(r);
    const second = uuid();
    await sql(
      `insert into public.printers (id, restaurant_id, name, kind) values ($1, $2, 'Terrace', 'receipt');
       update public.printers set active = false where id = $3`.replace(
        /\$(\d)/g,
        (_, n) => `'${[second, r.id, r.receiptPrinter][Number(n) - 1]}'`,
      ),
    );
    const order = await placeOrder(r);
    await rpc(r.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: order.id,
      p_method: 'cash',
      p_amount: order.total,
      p_shift_id: shift,
    });
    expect((await kicks(order.id)).map((k) => k.printer_id)).toEqual([second]);
  });
});
