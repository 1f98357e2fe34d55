import { createSignal, Show } from 'solid-js';
import { RenameSelf } from '#components/staff/rename-self.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { isConnectionFailure, useOnline } from '#components/ui/needs-connection.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { assignableRoles, roleLabel } from '#lib/restaurant/labels.ts';
import { changeMemberRole, removeMember } from '#lib/staff/commands.ts';
import { describeStaffFailure } from '#lib/staff/errors.ts';
import type { Membership } from '#lib/staff/queries.ts';
import * as m from '#paraglide/messages.js';

export interface MemberRowProps {
  member: Membership;
  /** The signed-in person's role, which decides what they may change. */
  actorRole: MemberRole;
  isSelf: boolean;
}

export function memberName(member: Membership, isSelf: boolean): string {
  const name = member.display_name?.trim();
  if (isSelf) return name ? m.admin_staff_you_named({ name }) : m.admin_staff_you();
  return name || m.admin_staff_unnamed({ id: member.user_id.slice(0, 6) });
}

/**
 * One person: their name (the signed-in person may change their own), their role (changeable
 * when the actor may), and removal behind a confirmation.
 */
export function MemberRow(props: MemberRowProps) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();
  const name = () => memberName(props.member, props.isSelf);
  const roles = () => assignableRoles(props.actorRole);
  const manageable = () => roles().includes(props.member.role);
  const id = () => `member-${props.member.user_id}`;

  const changeRole = async (role: string) => {
    setError(null);
    setBusy(true);
    const result = await changeMemberRole(props.member.restaurant_id, props.member.user_id, role as MemberRole);
    setBusy(false);
    if (result.ok) return;
    if (!isConnectionFailure(result.failure)) setError(describeStaffFailure(result.failure));
    // The select already shows the refused role; put back the one the database kept.
    const select = document.getElementById(`${id()}-role`);
    if (select instanceof HTMLSelectElement) select.value = props.member.role;
  };
  const remove = async () => {
    const confirmed = await confirmAction({
      title: props.isSelf ? m.admin_staff_leave_confirm() : m.admin_staff_remove_confirm({ name: name() }),
      confirmText: m.admin_staff_remove_yes(),
      tone: 'danger',
    });
    if (!confirmed) return;
    setError(null);
    setBusy(true);
    const result = await removeMember(props.member.restaurant_id, props.member.user_id);
    setBusy(false);
    if (!result.ok && !isConnectionFailure(result.failure)) setError(describeStaffFailure(result.failure));
  };

  return (
    <li class="staff-row" aria-busy={busy()}>
      <p class="row-title">
        <strong>{name()}</strong>
        <Show when={!manageable()}>
          <br />
          {roleLabel(props.member.role)}
        </Show>
      </p>
      <Show when={props.isSelf}>
        <RenameSelf restaurantId={props.member.restaurant_id} currentName={props.member.display_name} />
      </Show>
      <Show when={manageable()}>
        <SelectField
          id={`${id()}-role`}
          label={props.isSelf ? m.admin_staff_your_role() : m.admin_staff_role_of({ name: name() })}
          options={roles().map((role) => ({ value: role, label: roleLabel(role) }))}
          value={props.member.role}
          onChange={(role) => void changeRole(role)}
          disabled={busy() || !online()}
        />
      </Show>
      <Show when={manageable() || props.isSelf}>
        <button
          type="button"
          class="secondary danger"
          disabled={busy() || !online()}
          aria-label={props.isSelf ? undefined : m.admin_staff_remove_label({ name: name() })}
          onClick={() => void remove()}
        >
          {props.isSelf ? m.admin_staff_leave() : m.admin_staff_remove()}
        </button>
      </Show>
      <Show when={error()}>
        <p class="field-error row-error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  );
}
