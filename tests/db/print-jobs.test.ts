import { describe, expect, it } from 'vitest';
import { advance, createUser, makeRestaurant, orderPayload, placeOrder, type Restaurant } from './fixtures.ts';
import { db, expectCode, rpc, rpcRows, sql, user, uuid } from './support.ts';

interface Job {
  id: string;
  printer_id: string;
  document: string;
  status: string;
  attempts: number;
  dedupe_key: string;
  payload: { lines: Array<{ name: string; station: string }>; order: { number: number } };
  last_error: string | null;
}

const jobsOf = (orderId: string) =>
  sql<Job>(`select * from public.print_jobs where order_id = $1 order by document, printer_id`, [orderId]);
const claim = (r: Restaurant, limit = 10, lease = 60) =>
  rpcRows<Job>(r.as('print_bridge'), 'claim_print_jobs', {
    p_restaurant_id: r.id,
    p_limit: limit,
    p_lease_seconds: lease,
  });

describe('print jobs queued by triggers', () => {
  it('placing an order queues one kitchen ticket per station printer, with only its lines', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const order = await placeOrder(r); // burger (kitchen) + 2 sodas (bar)
    const jobs = await jobsOf(order.id);
    expect(jobs.map((j) => [j.document, j.printer_id, j.status])).toEqual(
      [
        ['kitchen_ticket', r.kitchenPrinter, 'queued'],
        ['kitchen_ticket', r.barPrinter, 'queued'],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const kitchen = jobs.find((j) => j.printer_id === r.kitchenPrinter);
    expect(kitchen?.payload.lines.map((l) => l.name)).toEqual(['Burger']);
    expect(kitchen?.payload.order.number).toBe(order.number);
    const onlyKitchen = await placeOrder(r, orderPayload(r, { lines: [{ item_id: r.fries, qty: 1 }] }));
    expect((await jobsOf(onlyKitchen.id)).map((j) => j.printer_id)).toEqual([r.kitchenPrinter]);
  });

  it('a replayed placement or later status changes never queue a ticket twice', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const payload = orderPayload(r);
    const order = await placeOrder(r, payload);
    await placeOrder(r, payload);
    await advance(r, order, 'preparing', 'ready');
    expect((await jobsOf(order.id)).length).toBe(2);
  });

  it('a guest draft prints nothing until it is accepted', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const guest = user(await createUser({ anonymous: true }), true);
    const placed = await rpc<{ id: string; version: number }>(guest, 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 1 }] },
    });
    expect(await jobsOf(placed.id)).toEqual([]);
    await rpc(r.as('waiter'), 'transition_order', {
      p_order_id: placed.id,
      p_to: 'placed',
      p_expected_version: placed.version,
    });
    expect((await jobsOf(placed.id)).map((j) => j.document)).toEqual(['kitchen_ticket']);
  });

  it('cancelling queues a cancel ticket on the printers that got the order', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const order = await placeOrder(r, orderPayload(r, { lines: [{ item_id: r.fries, qty: 1 }] }));
    await advance(r, order, 'cancelled');
    expect((await jobsOf(order.id)).map((j) => [j.document, j.printer_id])).toEqual([
      ['kitchen_ticket', r.kitchenPrinter],
      ['cancel_ticket', r.kitchenPrinter],
    ]);
  });

  it('a receipt is queued once when the order is fully paid, if the restaurant auto-prints', async () => {
    const auto = await makeRestaurant({ autoPrintReceipts: true });
    const order = await placeOrder(auto);
    const pay = (amount: number) =>
      rpc(auto.as('cashier'), 'record_payment', {
        p_payment_id: uuid(),
        p_order_id: order.id,
        p_method: 'card',
        p_amount: amount,
      });
    await pay(100);
    expect((await jobsOf(order.id)).filter((j) => j.document === 'receipt')).toEqual([]);
    await pay(order.total - 100);
    const receipts = (await jobsOf(order.id)).filter((j) => j.document === 'receipt');
    expect(receipts.map((j) => j.printer_id)).toEqual([auto.receiptPrinter]);

    const manual = await makeRestaurant({ autoPrintReceipts: false });
    const o2 = await placeOrder(manual);
    await rpc(manual.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: o2.id,
      p_method: 'card',
      p_amount: o2.total,
    });
    expect((await jobsOf(o2.id)).filter((j) => j.document === 'receipt')).toEqual([]);
  });
});

describe('the print bridge drains the queue', () => {
  it('two bridges claiming at once never get the same job (FOR UPDATE SKIP LOCKED)', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    for (let i = 0; i < 5; i++) await placeOrder(r); // 10 tickets
    const a = await db().connect();
    const b = await db().connect();
    try {
      const claimIn = async (c: typeof a) => {
        await c.query('begin');
        await c.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
          JSON.stringify({ sub: r.users.print_bridge, role: 'authenticated' }),
        ]);
        return (await c.query<Job>('select * from public.claim_print_jobs($1, 6, 60)', [r.id])).rows;
      };
      const first = await claimIn(a); // holds its row locks: the second claimer skips them
      const second = await claimIn(b);
      await a.query('commit');
      await b.query('commit');
      expect(first.length).toBe(6);
      expect(second.length).toBe(4);
      const ids = new Set([...first, ...second].map((j) => j.id));
      expect(ids.size).toBe(10);
    } finally {
      a.release();
      b.release();
    }
    expect(await claim(r)).toEqual([]);
  });

  it('complete, fail with backoff, and give up after max attempts', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const order = await placeOrder(r, orderPayload(r, { lines: [{ item_id: r.fries, qty: 1 }] }));
    const [job] = await claim(r);
    expect(job).toMatchObject({ status: 'printing', attempts: 1 });
    const failed = await rpc<Job & { available_at: Date }>(r.as('print_bridge'), 'fail_print_job', {
      p_job_id: job?.id,
      p_error: 'paper out',
    });
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, last_error: 'paper out' });
    expect(await claim(r), 'backing off: not due yet').toEqual([]);
    await sql(`update public.print_jobs set available_at = now(), max_attempts = 2 where id = $1`, [job?.id]);
    const [again] = await claim(r);
    expect(again).toMatchObject({ id: job?.id, attempts: 2 });
    const dead = await rpc<Job>(r.as('print_bridge'), 'fail_print_job', {
      p_job_id: job?.id,
      p_error: 'still no paper',
    });
    expect(dead).toMatchObject({ status: 'failed', attempts: 2 });
    const retried = await rpc<Job>(r.as('manager'), 'retry_print_job', { p_job_id: job?.id });
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    const [third] = await claim(r);
    const done = await rpc<Job>(r.as('print_bridge'), 'complete_print_job', { p_job_id: third?.id });
    expect(done.status).toBe('printed');
    expect((await rpc<Job>(r.as('print_bridge'), 'complete_print_job', { p_job_id: third?.id })).status).toBe(
      'printed',
    );
    expect((await jobsOf(order.id)).map((j) => j.status)).toEqual(['printed']);
  });

  it('a crashed bridge loses nothing: an expired lease is claimed again', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    await placeOrder(r, orderPayload(r, { lines: [{ item_id: r.fries, qty: 1 }] }));
    const [job] = await claim(r, 1, 5);
    expect(await claim(r)).toEqual([]);
    await sql(`update public.print_jobs set lease_expires_at = now() - interval '1 second' where id = $1`, [job?.id]);
    const [reclaimed] = await claim(r);
    expect(reclaimed).toMatchObject({ id: job?.id, status: 'printing', attempts: 2 });
  });

  it("only this restaurant's print bridge works its queue", async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const other = await makeRestaurant();
    await placeOrder(r);
    await expectCode(rpcRows(r.as('cashier'), 'claim_print_jobs', { p_restaurant_id: r.id }), 'forbidden', '42501');
    await expectCode(rpcRows(r.as('manager'), 'claim_print_jobs', { p_restaurant_id: r.id }), 'forbidden', '42501');
    await expectCode(
      rpcRows(other.as('print_bridge'), 'claim_print_jobs', { p_restaurant_id: r.id }),
      'forbidden',
      '42501',
    );
    const [job] = await claim(r, 1);
    await expectCode(rpc(other.as('print_bridge'), 'complete_print_job', { p_job_id: job?.id }), 'print_job_not_found');
    await expectCode(rpc(r.as('kitchen'), 'complete_print_job', { p_job_id: job?.id }), 'forbidden', '42501');
    await expectCode(
      rpcRows(r.as('print_bridge'), 'claim_print_jobs', { p_restaurant_id: r.id, p_limit: 0 }),
      'invalid_limit',
    );
  });

  it('test pages and reprints by owners and managers get fresh jobs', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const order = await placeOrder(r);
    const test = await rpc<Job>(r.as('owner'), 'print_test_page', { p_printer_id: r.receiptPrinter });
    expect(test).toMatchObject({ document: 'test', status: 'queued' });
    const reprints = await rpcRows<Job>(r.as('manager'), 'reprint_order', {
      p_order_id: order.id,
      p_document: 'kitchen_ticket',
    });
    expect(reprints.length).toBe(2);
    const receipt = await rpcRows<Job>(r.as('manager'), 'reprint_order', {
      p_order_id: order.id,
      p_document: 'receipt',
    });
    expect(receipt.map((j) => j.printer_id)).toEqual([r.receiptPrinter]);
    await expectCode(rpc(r.as('cashier'), 'print_test_page', { p_printer_id: r.receiptPrinter }), 'forbidden', '42501');
  });
});
