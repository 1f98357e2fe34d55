import type { PlaceOrderPayload } from '#lib/orders/commands.ts';
import type { OutboxCommand, OutboxSnapshot } from '#lib/outbox/types.ts';
import type { ApplyDiscountPayload, RecordPaymentPayload, RefundPaymentPayload } from '#lib/payments/commands.ts';

/**
 * What this device has done to an order's money that the database has not stored yet: payments,
 * refunds and discounts still in the outbox (waiting, or refused and waiting for a person). The
 * screens add them to the database's figures and say "not sent yet", as they show an order placed
 * offline under its provisional code until the database numbers it.
 */

function commandsOf<P>(snapshot: OutboxSnapshot, kind: string): { command: OutboxCommand; payload: P }[] {
  return [...snapshot.pending, ...snapshot.parked]
    .filter((command) => command.kind === kind)
    .map((command) => ({ command, payload: command.payload as P }));
}

export interface QueuedPayment {
  id: string;
  orderId: string;
  method: RecordPaymentPayload['p_method'];
  amount: number;
  tip: number;
  tendered: number | null;
  /** Refused by the database: waits for a person in "needs attention". */
  refused: boolean;
}

/** The payments of `orderId` (or of every order) still on this device, oldest first. */
export function queuedPayments(snapshot: OutboxSnapshot, orderId?: string): QueuedPayment[] {
  return commandsOf<RecordPaymentPayload>(snapshot, 'record_payment')
    .filter(({ payload }) => orderId === undefined || payload.p_order_id === orderId)
    .map(({ command, payload }) => ({
      id: payload.p_payment_id,
      orderId: payload.p_order_id,
      method: payload.p_method,
      amount: payload.p_amount,
      tip: payload.p_tip ?? 0,
      tendered: payload.p_tendered ?? null,
      refused: command.state === 'parked',
    }));
}

export interface QueuedRefund {
  id: string;
  paymentId: string;
  amount: number;
  refused: boolean;
}

export function queuedRefunds(snapshot: OutboxSnapshot): QueuedRefund[] {
  return commandsOf<RefundPaymentPayload>(snapshot, 'refund_payment').map(({ command, payload }) => ({
    id: payload.p_refund_id,
    paymentId: payload.p_payment_id,
    amount: payload.p_amount,
    refused: command.state === 'parked',
  }));
}

export function queuedDiscounts(
  snapshot: OutboxSnapshot,
  orderId: string,
): (ApplyDiscountPayload & { refused: boolean })[] {
  return commandsOf<ApplyDiscountPayload>(snapshot, 'apply_discount')
    .filter(({ payload }) => payload.p_order_id === orderId)
    .map(({ command, payload }) => ({ ...payload, refused: command.state === 'parked' }));
}

/** The discount ids whose removal is still on this device. */
export function queuedDiscountRemovals(snapshot: OutboxSnapshot): Set<string> {
  return new Set(
    commandsOf<{ p_discount_id: string }>(snapshot, 'remove_discount').map(({ payload }) => payload.p_discount_id),
  );
}

/** The order's money as the database has it. */
export interface OrderMoney {
  total: number;
  paid: number;
  payment_status: 'unpaid' | 'partially_paid' | 'paid' | 'refunded';
}

/**
 * How paid an order is on this device: the database's `paid` plus this device's payments not yet
 * sent (refused ones do not count: they were not taken).
 *   paid           the database says paid and nothing is waiting;
 *   paid_unsent    paid once what waits on this device is sent ("Paid — not sent yet");
 *   partial / partial_unsent, unpaid likewise.
 */
export type PaidState = 'unpaid' | 'partial' | 'partial_unsent' | 'paid' | 'paid_unsent';

export function paidState(order: OrderMoney, queued: readonly QueuedPayment[]): PaidState {
  const waiting = queued.filter((payment) => !payment.refused).reduce((sum, payment) => sum + payment.amount, 0);
  const paid = order.paid + waiting;
  if (order.total > 0 && paid >= order.total) return waiting > 0 ? 'paid_unsent' : 'paid';
  if (paid > 0) return waiting > 0 ? 'partial_unsent' : 'partial';
  return 'unpaid';
}

/** What is still to pay on this device: the total less the database's paid and what waits here. */
export function dueOnDevice(order: OrderMoney, queued: readonly QueuedPayment[]): number {
  const waiting = queued.filter((payment) => !payment.refused).reduce((sum, payment) => sum + payment.amount, 0);
  return Math.max(order.total - order.paid - waiting, 0);
}

/** The place_order command for `orderId` still on this device, if any. */
export function queuedOrder(snapshot: OutboxSnapshot, orderId: string): PlaceOrderPayload | null {
  const command = [...snapshot.pending, ...snapshot.parked].find(
    (entry) => entry.kind === 'place_order' && (entry.payload as PlaceOrderPayload).id === orderId,
  );
  return command ? (command.payload as PlaceOrderPayload) : null;
}
