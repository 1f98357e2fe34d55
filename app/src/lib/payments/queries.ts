import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { type OrderLine, type OrderWithLines, orderKeys, sortLines } from '#lib/orders/queries.ts';
import { supabase } from '#lib/supabase.ts';

/** A payment (amount > 0) or a refund (amount < 0, refund_of the payment). */
export type Payment = Tables<'payments'>;

/** A live discount of an order. */
export type OrderDiscount = Pick<
  Tables<'order_discounts'>,
  'id' | 'order_id' | 'line_id' | 'kind' | 'value' | 'amount' | 'reason' | 'created_at'
>;

/** Keys under the order's, so every order change (Realtime, a stored command) refreshes them. */
export const paymentKeys = {
  payments: (restaurantId: string, orderId: string) => [...orderKeys.all(restaurantId), 'payments', orderId] as const,
  discounts: (restaurantId: string, orderId: string) => [...orderKeys.all(restaurantId), 'discounts', orderId] as const,
  tableBill: (restaurantId: string, tableId: string) => [...orderKeys.all(restaurantId), 'table', tableId] as const,
  discountLimit: (restaurantId: string) => ['discount-limit', restaurantId] as const,
};

/** An order's payments and refunds, oldest first. */
export const paymentsQueryOptions = (restaurantId: string, orderId: string) => ({
  queryKey: paymentKeys.payments(restaurantId, orderId),
  queryFn: async (): Promise<Payment[]> =>
    read(
      supabase
        .from('payments')
        .select('*')
        .eq('restaurant_id', restaurantId)
        .eq('order_id', orderId)
        .order('created_at', { ascending: true }),
    ),
});

/** An order's live discounts, oldest first. */
export const discountsQueryOptions = (restaurantId: string, orderId: string) => ({
  queryKey: paymentKeys.discounts(restaurantId, orderId),
  queryFn: async (): Promise<OrderDiscount[]> =>
    read(
      supabase
        .from('order_discounts')
        .select('id, order_id, line_id, kind, value, amount, reason, created_at')
        .eq('restaurant_id', restaurantId)
        .eq('order_id', orderId)
        .is('removed_at', null)
        .order('created_at', { ascending: true }),
    ),
});

/** The most a cashier may discount, in basis points of an order's subtotal (owners set it). */
export const discountLimitQueryOptions = (restaurantId: string) => ({
  queryKey: paymentKeys.discountLimit(restaurantId),
  queryFn: async (): Promise<number> => {
    const row = await read(
      supabase.from('restaurants').select('cashier_discount_limit_bp').eq('id', restaurantId).single(),
    );
    return row.cashier_discount_limit_bp;
  },
});

/**
 * A table's orders for its bill: those still in service (placed, preparing, ready; paid or not, so
 * a part paid shows as paid), and those served (completed) but not fully paid. A served order stays
 * on the bill for a day at most: an unpaid order from last week is a manager's problem, not
 * tonight's table's.
 */
export const billStatuses = ['placed', 'preparing', 'ready'] as const;

export async function fetchTableBill(
  restaurantId: string,
  tableId: string,
  now = Date.now(),
): Promise<OrderWithLines[]> {
  const since = new Date(now - 24 * 60 * 60 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const rows = await read(
    supabase
      .from('orders')
      .select('*, lines:order_lines(*)')
      .eq('restaurant_id', restaurantId)
      .eq('table_id', tableId)
      .or(
        `status.in.(${billStatuses.join(',')}),and(status.eq.completed,payment_status.neq.paid,created_at.gte.${since})`,
      )
      .order('created_at', { ascending: true }),
  );
  return rows.map((row) => {
    const { payload_hash: _hash, ...rest } = row;
    return { ...rest, lines: sortLines(row.lines as OrderLine[]) };
  });
}

export const tableBillQueryOptions = (restaurantId: string, tableId: string) => ({
  queryKey: paymentKeys.tableBill(restaurantId, tableId),
  queryFn: () => fetchTableBill(restaurantId, tableId),
});

/** What can still be refunded of a payment: its amount less its refunds (stored or waiting here). */
export function refundable(
  payment: Payment,
  all: readonly Payment[],
  waiting: readonly { paymentId: string; amount: number }[] = [],
): number {
  const refunded =
    all.filter((row) => row.refund_of === payment.id).reduce((sum, row) => sum - row.amount, 0) +
    waiting.filter((row) => row.paymentId === payment.id).reduce((sum, row) => sum + row.amount, 0);
  return Math.max(payment.amount - refunded, 0);
}
