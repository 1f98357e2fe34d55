import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createEffect, onCleanup, Show } from 'solid-js';
import { chime } from '#lib/guest-inbox/chime.ts';
import { arrivalTracker, guestInboxQueryOptions, inboxCount, inboxIds } from '#lib/guest-inbox/queries.ts';
import * as m from '#paraglide/messages.js';

/**
 * The POS nav's "Guest orders" with what waits there as a badge (guest drafts and open calls),
 * live through the orders topic the POS shell follows; a new arrival chimes once sound is allowed.
 * The link's name stays the words; the count is its description.
 */
export function GuestInboxLink(props: { restaurantId: string }) {
  const inbox = useQuery(() => guestInboxQueryOptions(props.restaurantId));
  const count = () => inboxCount(inbox.data);
  onCleanup(chime.arm(window));
  const arrived = arrivalTracker();
  createEffect(() => {
    const data = inbox.data;
    if (data && arrived(inboxIds(data))) chime.play();
  });
  return (
    <A
      href="/pos/guests"
      activeClass="active"
      class="pos-guest-link"
      aria-label={m.pos_guest_inbox_link()}
      aria-describedby={count() > 0 ? 'pos-guest-count' : undefined}
    >
      {m.pos_guest_inbox_link()}
      <Show when={count() > 0}>
        <span class="pos-guest-badge" data-count={count()} aria-hidden="true">
          {count()}
        </span>
        <span class="visually-hidden" id="pos-guest-count">
          {m.pos_guest_inbox_waiting({ count: count() })}
        </span>
      </Show>
    </A>
  );
}
