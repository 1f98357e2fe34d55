import { Show } from 'solid-js';
import { type BadgeStatus, StatusBadge } from '#components/ui/status-badge.tsx';
import type { PaidState } from '#lib/payments/pending.ts';
import * as m from '#paraglide/messages.js';

const badges: Record<Exclude<PaidState, 'unpaid'>, { status: BadgeStatus; label: () => string }> = {
  paid: { status: 'synced', label: m.pay_state_paid },
  paid_unsent: { status: 'pending', label: m.pay_state_paid_unsent },
  partial: { status: 'placed', label: m.pay_state_partial },
  partial_unsent: { status: 'pending', label: m.pay_state_partial_unsent },
};

/**
 * How paid an order is, in colour and words, and whether the database has it yet: "Paid — not sent
 * yet" while this device's payment waits in the outbox. Unpaid shows nothing unless `showUnpaid`.
 */
export function PaidBadge(props: { state: PaidState; showUnpaid?: boolean }) {
  return (
    <Show
      when={props.state !== 'unpaid' && badges[props.state as Exclude<PaidState, 'unpaid'>]}
      fallback={
        <Show when={props.showUnpaid}>
          <StatusBadge status="draft" label={m.pay_state_unpaid()} />
        </Show>
      }
    >
      {(badge) => <StatusBadge status={badge().status} label={badge().label()} />}
    </Show>
  );
}
