import { Show } from 'solid-js';
import { type BadgeStatus, StatusBadge } from '#components/ui/status-badge.tsx';
import { type OrderMoney, type PaidState, paidState, queuedPayments } from '#lib/payments/pending.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

const badges: Record<Exclude<PaidState, 'unpaid'>, { status: BadgeStatus; label: () => string }> = {
  paid: { status: 'synced', label: m.pay_state_paid },
  paid_unsent: { status: 'pending', label: m.pay_state_paid_unsent },
  partial: { status: 'placed', label: m.pay_state_partial },
  partial_unsent: { status: 'pending', label: m.pay_state_partial_unsent },
};

/**
 * How paid an order is, in colour and words, and whether the database has it yet: "Paid — not sent
 * yet" while this device's payment waits in the outbox. Nothing while it is unpaid. Screens load it
 * lazily (it is a detail next to the order's status), so its words stay out of their first download.
 */
export default function PaidBadge(props: { order: OrderMoney & { id: string } }) {
  const state = () => paidState(props.order, queuedPayments(outboxState(), props.order.id));
  return (
    <Show when={state() !== 'unpaid' && badges[state() as Exclude<PaidState, 'unpaid'>]}>
      {(badge) => <StatusBadge status={badge().status} label={badge().label()} />}
    </Show>
  );
}
