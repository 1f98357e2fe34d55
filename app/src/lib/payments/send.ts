import type { DbFailure } from '#lib/db.ts';
import { type OutboxSnapshot, OutboxStorageError } from '#lib/outbox/types.ts';
import {
  type ApplyDiscountPayload,
  onPaymentStored,
  type RecordPaymentPayload,
  type RefundPaymentPayload,
} from '#lib/payments/commands.ts';
import { online, outbox } from '#lib/sync.ts';

/**
 * Payments, refunds and discounts through the outbox, answered at once: "stored" when the database
 * took every command within a moment, "queued" when the device is offline or slow (the screen then
 * says "not sent yet"), or the database's refusal.
 */
export type MoneyOutcome =
  | { kind: 'stored' }
  | { kind: 'queued' }
  | { kind: 'refused'; failure: DbFailure; commandIds: string[] }
  | { kind: 'storage'; reason: 'storage_full' | 'storage_unavailable' };

const onlineWaitMs = 2500;

/** Waits until every key is stored, one is refused, or the wait is over (offline: no wait). */
function awaitAll(keys: readonly string[], commandIds: readonly string[], waitMs: number): Promise<MoneyOutcome> {
  if (!online()) return Promise.resolve({ kind: 'queued' });
  return new Promise((resolve) => {
    const waiting = new Set(keys);
    const cleanups: (() => void)[] = [];
    const finish = (outcome: MoneyOutcome) => {
      for (const cleanup of cleanups) cleanup();
      resolve(outcome);
    };
    cleanups.push(
      onPaymentStored((event) => {
        waiting.delete(event.commandId);
        if (waiting.size === 0) finish({ kind: 'stored' });
      }),
    );
    cleanups.push(
      outbox.subscribe((snapshot: OutboxSnapshot) => {
        const parked = snapshot.parked.find((command) => commandIds.includes(command.id) && command.lastFailure);
        if (parked?.lastFailure) finish({ kind: 'refused', failure: parked.lastFailure, commandIds: [parked.id] });
      }),
    );
    const timer = setTimeout(() => finish({ kind: 'queued' }), waitMs);
    cleanups.push(() => clearTimeout(timer));
  });
}

type Command =
  | { kind: 'record_payment'; payload: RecordPaymentPayload; id: string; key: string }
  | { kind: 'refund_payment'; payload: RefundPaymentPayload; id: string; key: string }
  | { kind: 'apply_discount'; payload: ApplyDiscountPayload; id: string; key: string }
  | { kind: 'remove_discount'; payload: { p_discount_id: string }; id: string; key: string };

async function enqueueAll(commands: readonly Command[], waitMs: number): Promise<MoneyOutcome> {
  // Listen before enqueuing: online, the RPC may answer before enqueue resolves.
  const outcome = awaitAll(
    commands.map((command) => command.key),
    commands.map((command) => command.id),
    waitMs,
  );
  try {
    for (const command of commands) {
      await outbox.enqueue(command.kind, command.payload as never, { id: command.id });
    }
  } catch (error) {
    return {
      kind: 'storage',
      reason: error instanceof OutboxStorageError && error.kind === 'quota' ? 'storage_full' : 'storage_unavailable',
    };
  }
  return outcome;
}

/** One or more payments (split parts, a table's orders), each with its own UUID, in this order. */
export function recordPayments(
  payloads: readonly RecordPaymentPayload[],
  waitMs = onlineWaitMs,
): Promise<MoneyOutcome> {
  return enqueueAll(
    payloads.map((payload) => ({
      kind: 'record_payment',
      payload,
      id: payload.p_payment_id,
      key: payload.p_payment_id,
    })),
    waitMs,
  );
}

export function refundPayment(payload: RefundPaymentPayload, waitMs = onlineWaitMs): Promise<MoneyOutcome> {
  return enqueueAll([{ kind: 'refund_payment', payload, id: payload.p_refund_id, key: payload.p_refund_id }], waitMs);
}

export function applyDiscount(payload: ApplyDiscountPayload, waitMs = onlineWaitMs): Promise<MoneyOutcome> {
  return enqueueAll(
    [{ kind: 'apply_discount', payload, id: payload.p_discount_id, key: payload.p_discount_id }],
    waitMs,
  );
}

export function removeDiscount(discountId: string, waitMs = onlineWaitMs): Promise<MoneyOutcome> {
  return enqueueAll(
    [{ kind: 'remove_discount', payload: { p_discount_id: discountId }, id: crypto.randomUUID(), key: discountId }],
    waitMs,
  );
}

/** Refused while the person watches: said on screen, so not left in "needs attention" too. */
export async function discardRefused(outcome: MoneyOutcome): Promise<void> {
  if (outcome.kind !== 'refused') return;
  for (const id of outcome.commandIds) await outbox.discard(id);
}
