import { useQuery } from '@tanstack/solid-query';
import { createEffect, onCleanup, Show } from 'solid-js';
import { chime } from '#lib/guest-inbox/chime.ts';
import { arrivalTracker, guestInboxQueryOptions, inboxCount, inboxIds } from '#lib/guest-inbox/queries.ts';
import * as m from '#paraglide/messages.js';

/**
 * What waits in the guest inbox (guest drafts and open calls) as a badge inside the POS nav's
 * "Guest orders" link, live through the orders topic the POS shell follows; a new arrival chimes
 * once sound is allowed. The link is described by the words' id (pos-guest-count). Loaded right after the first paint, outside the till's first download.
 */
export default function GuestInboxBadge(props: { restaurantId: string }) {
  const inbox = useQuery(() => guestInboxQueryOptions(props.restaurantId));
  const count = () => inboxCount(inbox.data);
  onCleanup(chime.arm(window));
  const arrived = arrivalTracker();
  createEffect(() => {
    const data = inbox.data;
    if (data && arrived(inboxIds(data))) chime.play();
  });
  return (
    <Show when={count() > 0}>
      <span class="pos-guest-badge" data-count={count()} aria-hidden="true">
        {count()}
      </span>
      <span class="visually-hidden" id="pos-guest-count">
        {m.pos_guest_inbox_waiting({ count: count() })}
      </span>
    </Show>
  );
}
