import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { RunningStack } from '../stack/stack.ts';
import { memberClient, transactional } from './domain.ts';
import { type BenchRow, runLoad } from './measure.ts';
import {
  PAYABLE_ORDERS,
  payableOrderId,
  REPORT_ORDERS,
  reportCashierId,
  reportOwnerId,
  reportRestaurantId,
  seedReportData,
} from './reports-seed.ts';

/** Issue 14's floor for payments: the smallest RPC there is, through the same gateway and role. */
const NOOP_SQL = `
  create or replace function public.bench_noop() returns integer language sql stable set search_path = '' as 'select 1';
  grant execute on function public.bench_noop() to authenticated;
  notify pgrst, 'reload schema';`;

/**
 * Issue 14's benchmark. The day report of one restaurant with 100,000 orders (400 on the day read),
 * as its owner through supabase-js → gateway and as the owner straight to Postgres, beside the same
 * report built as the superuser without RLS or the role check (private.day_report_json). Then
 * record_payment latency as a cashier (a card payment of 1 XOF on one of 1,000 open orders, so calls
 * do not queue on one order's lock) beside a trivial RPC through the same path.
 */
export async function benchReports(
  stack: RunningStack,
  durationMs = 5000,
  log: (line: string) => void = console.log,
): Promise<BenchRow[]> {
  const day = await seedReportData(stack.adminDbUrl, log);
  const admin = new pg.Pool({ connectionString: stack.adminDbUrl, max: 16 });
  const owner = new pg.Pool({ connectionString: stack.dbUrl, max: 16 });
  const rows: BenchRow[] = [];
  try {
    await owner.query(NOOP_SQL);
    await new Promise((r) => setTimeout(r, 500));
    const ownerRest = await memberClient(stack, reportOwnerId);
    const cashierRest = await memberClient(stack, reportCashierId);
    const opts = { concurrency: 1, durationMs };

    const expected = (await admin.query('select private.day_report_json($1, $2) as r', [reportRestaurantId, day]))
      .rows[0]?.r as { sales: { orders: number } };
    log(`day report ${day}: ${expected.sales.orders} orders counted of ${REPORT_ORDERS} in the restaurant`);
    const restReport = async () => {
      const { data, error } = await ownerRest.rpc('day_report', {
        p_restaurant_id: reportRestaurantId,
        p_business_date: day,
      });
      if (error) throw error;
      if ((data as typeof expected).sales.orders !== expected.sales.orders) throw new Error('day report differs');
    };
    // One floor for both rows: measured once, so the two ratios share a denominator.
    const superuser = transactional(admin, 'select private.day_report_json($1, $2)', null);
    const floor = await runLoad(() => superuser([reportRestaurantId, day]), opts);
    const floorName = 'same report as superuser (no RLS, no role check)';
    rows.push({
      name: 'day_report (100,000 orders): REST as owner',
      subject: await runLoad(restReport, opts),
      floor,
      floorName,
    });
    const sqlReport = transactional(owner, 'select public.day_report($1, $2)', reportOwnerId);
    rows.push({
      name: 'day_report (100,000 orders): SQL as owner',
      subject: await runLoad(() => sqlReport([reportRestaurantId, day]), opts),
      floor,
      floorName,
    });

    let turn = 0;
    const nextOrder = () => payableOrderId(turn++ % PAYABLE_ORDERS);
    const restPay = async () => {
      const { error } = await cashierRest.rpc('record_payment', {
        p_payment_id: randomUUID(),
        p_order_id: nextOrder(),
        p_method: 'card',
        p_amount: 1,
      });
      if (error) throw error;
    };
    const restNoop = (client: SupabaseClient) => async () => {
      const { error } = await client.rpc('bench_noop');
      if (error) throw error;
    };
    for (const concurrency of [1, 8]) {
      rows.push({
        name: 'record_payment: REST as cashier',
        subject: await runLoad(restPay, { concurrency, durationMs }),
        floor: await runLoad(restNoop(cashierRest), { concurrency, durationMs }),
        floorName: 'trivial RPC, REST as cashier',
      });
    }
    const sqlPay = transactional(
      owner,
      `select public.record_payment(p_payment_id => $1, p_order_id => $2, p_method => 'card', p_amount => 1)`,
      reportCashierId,
    );
    const sqlNoop = transactional(owner, 'select public.bench_noop()', reportCashierId);
    rows.push({
      name: 'record_payment: SQL as cashier',
      subject: await runLoad(() => sqlPay([randomUUID(), nextOrder()]), opts),
      floor: await runLoad(() => sqlNoop([]), opts),
      floorName: 'trivial RPC, SQL as cashier',
    });
  } finally {
    await admin.end();
    await owner.end();
  }
  return rows;
}
