import { For, Show } from 'solid-js';
import '#components/restaurant/tenancy.css';
import { InviteForm } from '#components/staff/invite-form.tsx';
import { InviteList } from '#components/staff/invite-list.tsx';
import { MemberRow } from '#components/staff/member-row.tsx';
import { session } from '#lib/auth/session.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { useRestaurant } from '#lib/restaurant/queries.ts';
import { useOpenInvites, useStaff } from '#lib/staff/queries.ts';
import * as m from '#paraglide/messages.js';

/** Who works here and in which role; join codes to invite more people. */
export default function AdminStaff() {
  const membership = useAdminRestaurant();
  const id = () => membership().restaurantId;
  const staff = useStaff(id);
  const invites = useOpenInvites(id);
  const restaurant = useRestaurant(id);
  // Expiry times are shown in the restaurant's zone, as staff there read them.
  const timezone = () => restaurant.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <main id="main">
      <h1>{m.admin_staff_title()}</h1>
      <section aria-labelledby="staff-members">
        <h2 id="staff-members">{m.admin_staff_members()}</h2>
        <Show when={staff.data} fallback={<p class="loading">{m.common_loading()}</p>}>
          {(members) => (
            <ul class="staff-list">
              <For each={members()}>
                {(member) => (
                  <MemberRow
                    member={member}
                    actorRole={membership().role}
                    isSelf={member.user_id === session()?.user.id}
                  />
                )}
              </For>
            </ul>
          )}
        </Show>
      </section>
      <section aria-labelledby="staff-invite">
        <h2 id="staff-invite">{m.admin_staff_invite_title()}</h2>
        <p>{m.admin_staff_invite_intro()}</p>
        <InviteForm restaurantId={id()} actorRole={membership().role} timezone={timezone()} />
      </section>
      <section aria-labelledby="staff-open-invites">
        <h2 id="staff-open-invites">{m.admin_staff_open_invites()}</h2>
        <Show when={invites.data} fallback={<p class="loading">{m.common_loading()}</p>}>
          {(list) => <InviteList restaurantId={id()} invites={list()} timezone={timezone()} />}
        </Show>
      </section>
    </main>
  );
}
