import { describe, expect, it } from 'vitest';
import type { OutboxCommand, OutboxSnapshot } from '#lib/outbox/types.ts';
import { dueOnDevice, paidState, queuedPayments, queuedRefunds } from '#lib/payments/pending.ts';

function command(kind: string, payload: unknown, state: 'pending' | 'parked' = 'pending'): OutboxCommand {
  return {
    id: crypto.randomUUID(),
    kind,
    payload,
    createdAt: '2026-12-01T08:00:00Z',
    order: '1',
    attempts: 0,
    nextAttemptAt: null,
    state,
    lastFailure: null,
  };
}

function snapshot(commands: OutboxCommand[]): OutboxSnapshot {
  return {
    pending: commands.filter((c) => c.state === 'pending'),
    parked: commands.filter((c) => c.state === 'parked'),
    unsynced: commands.length,
    draining: false,
    storageError: null,
  };
}

const pay = (id: string, orderId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  p_payment_id: id,
  p_order_id: orderId,
  p_method: 'cash',
  p_amount: amount,
  ...extra,
});

describe('payments still on the device', () => {
  const state = snapshot([
    command('place_order', { id: 'o1' }),
    command('record_payment', pay('p1', 'o1', 2000, { p_tendered: 5000, p_tip: 500 })),
    command('record_payment', pay('p2', 'o2', 1000)),
    command('record_payment', pay('p3', 'o1', 1500), 'parked'),
    command('refund_payment', { p_refund_id: 'r1', p_payment_id: 'p0', p_amount: 300, p_reason: 'cold' }),
  ]);

  it('lists an order’s queued payments, refused ones marked', () => {
    expect(queuedPayments(state, 'o1')).toEqual([
      { id: 'p1', orderId: 'o1', method: 'cash', amount: 2000, tip: 500, tendered: 5000, refused: false },
      { id: 'p3', orderId: 'o1', method: 'cash', amount: 1500, tip: 0, tendered: null, refused: true },
    ]);
    expect(queuedPayments(state)).toHaveLength(3);
    expect(queuedRefunds(state)).toEqual([{ id: 'r1', paymentId: 'p0', amount: 300, refused: false }]);
  });

  it('says paid but not sent while a payment that settles the order waits', () => {
    const queued = queuedPayments(state, 'o1');
    expect(paidState({ total: 3500, paid: 1500, payment_status: 'partially_paid' }, queued)).toBe('paid_unsent');
    expect(paidState({ total: 5000, paid: 0, payment_status: 'unpaid' }, queued)).toBe('partial_unsent');
    expect(paidState({ total: 3500, paid: 3500, payment_status: 'paid' }, [])).toBe('paid');
    expect(paidState({ total: 3500, paid: 1000, payment_status: 'partially_paid' }, [])).toBe('partial');
    expect(paidState({ total: 3500, paid: 0, payment_status: 'unpaid' }, [])).toBe('unpaid');
  });

  it('takes what waits off the due, never the refused', () => {
    expect(
      dueOnDevice({ total: 5000, paid: 1000, payment_status: 'partially_paid' }, queuedPayments(state, 'o1')),
    ).toBe(2000);
    expect(dueOnDevice({ total: 1000, paid: 0, payment_status: 'unpaid' }, queuedPayments(state, 'o1'))).toBe(0);
  });
});
