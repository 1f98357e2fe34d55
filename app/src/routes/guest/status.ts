import type { GuestOrderStatus } from '#lib/guest/api.ts';
import * as m from '#paraglide/messages.js';

/** The steps a guest's order goes through, as the guest calls them. */
export const steps = ['draft', 'placed', 'preparing', 'ready', 'completed'] as const;

export function statusWord(status: GuestOrderStatus): string {
  switch (status) {
    case 'draft':
      return m.guest_status_sent();
    case 'placed':
      return m.guest_status_accepted();
    case 'preparing':
      return m.guest_status_preparing();
    case 'ready':
      return m.guest_status_ready();
    case 'completed':
      return m.guest_status_served();
    case 'rejected':
      return m.guest_status_rejected();
    case 'cancelled':
      return m.guest_status_cancelled();
  }
}

/** One sentence under the badge: what happens next. */
export function statusExplanation(status: GuestOrderStatus): string {
  switch (status) {
    case 'draft':
      return m.guest_explain_sent();
    case 'placed':
      return m.guest_explain_accepted();
    case 'preparing':
      return m.guest_explain_preparing();
    case 'ready':
      return m.guest_explain_ready();
    case 'completed':
      return m.guest_explain_served();
    case 'rejected':
      return m.guest_explain_rejected();
    case 'cancelled':
      return m.guest_explain_cancelled();
  }
}
