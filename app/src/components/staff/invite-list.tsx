import { createSignal, For, Show } from 'solid-js';
import { formatExpiry } from '#components/staff/invite-form.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { revokeInvite } from '#lib/staff/commands.ts';
import { describeStaffFailure } from '#lib/staff/errors.ts';
import type { Invite } from '#lib/staff/queries.ts';
import { inviteStatus } from '#lib/staff/validation.ts';
import * as m from '#paraglide/messages.js';

/** Join codes not used or revoked yet, each revocable; expired ones are marked so. */
export function InviteList(props: { restaurantId: string; invites: readonly Invite[]; timezone: string }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busyId, setBusyId] = createSignal<string | null>(null);
  const online = useOnline();
  const revoke = async (invite: Invite) => {
    setError(null);
    setBusyId(invite.id);
    const result = await revokeInvite(props.restaurantId, invite.id);
    setBusyId(null);
    if (!result.ok && !isConnectionFailure(result.failure)) setError(describeStaffFailure(result.failure));
  };
  return (
    <>
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={props.invites.length > 0} fallback={<p>{m.admin_staff_no_invites()}</p>}>
        <NeedsConnection id="invites-offline" />
        <ul class="invite-list">
          <For each={props.invites}>
            {(invite) => (
              <li class="invite-row">
                <p class="row-title">
                  <strong class="join-code-small">{invite.code}</strong> · {roleLabel(invite.role)}
                  <br />
                  {inviteStatus(invite, Date.now()) === 'expired'
                    ? m.admin_staff_invite_expired()
                    : m.admin_staff_invite_expires({ when: formatExpiry(invite.expires_at, props.timezone) })}
                </p>
                <button
                  type="button"
                  class="secondary"
                  disabled={busyId() === invite.id || !online()}
                  aria-describedby="invites-offline"
                  aria-label={m.admin_staff_revoke_label({ code: invite.code })}
                  onClick={() => void revoke(invite)}
                >
                  {m.admin_staff_revoke()}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
