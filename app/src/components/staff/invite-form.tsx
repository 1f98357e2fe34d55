import { createSignal, Show } from 'solid-js';
import { CopyCode } from '#components/ui/copy-code.tsx';
import { isConnectionFailure, NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import { SelectField } from '#components/ui/select-field.tsx';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { assignableRoles, roleLabel } from '#lib/restaurant/labels.ts';
import { createInvite } from '#lib/staff/commands.ts';
import { describeStaffFailure } from '#lib/staff/errors.ts';
import type { Invite } from '#lib/staff/queries.ts';
import { inviteValidities } from '#lib/staff/validation.ts';
import * as m from '#paraglide/messages.js';

export interface InviteFormProps {
  restaurantId: string;
  actorRole: MemberRole;
  timezone: string;
}

export function formatExpiry(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(new Date(iso));
}

function validityLabel(hours: number): string {
  return hours % 24 === 0 ? m.admin_staff_valid_days({ days: hours / 24 }) : m.admin_staff_valid_hours({ hours });
}

/** Creates a join code for a role and shows it large, with its expiry and a copy button. */
export function InviteForm(props: InviteFormProps) {
  const roles = () => assignableRoles(props.actorRole).filter((role) => role !== 'print_bridge');
  const [role, setRole] = createSignal<string>('cashier');
  const [validHours, setValidHours] = createSignal('72');
  const [created, setCreated] = createSignal<Invite | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();
  let createdBox: HTMLDivElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await createInvite(props.restaurantId, role() as MemberRole, Number(validHours()));
    setBusy(false);
    if (result.ok) {
      setCreated(result.data);
      // The keyboard lands on the new code (to read or copy it); the submit button is just above.
      createdBox?.focus();
    } else if (!isConnectionFailure(result.failure)) setError(describeStaffFailure(result.failure));
  };

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
      <SelectField
        id="invite-role"
        label={m.admin_staff_invite_role()}
        options={roles().map((r) => ({ value: r, label: roleLabel(r) }))}
        value={role()}
        onChange={setRole}
      />
      <SelectField
        id="invite-validity"
        label={m.admin_staff_invite_validity()}
        options={inviteValidities.map((hours) => ({ value: String(hours), label: validityLabel(hours) }))}
        value={validHours()}
        onChange={setValidHours}
      />
      <div class="actions">
        <button type="submit" disabled={busy() || !online()} aria-describedby="invite-offline">
          {busy() ? m.common_submitting() : m.admin_staff_invite_submit()}
        </button>
      </div>
      <NeedsConnection id="invite-offline" />
      {/* A refusal (say, a role this person may not give) sits by the button that asked. */}
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={created()}>
        {(invite) => (
          <div class="notice" role="status" tabIndex={-1} ref={createdBox}>
            <p>{m.admin_staff_invite_created({ role: roleLabel(invite().role) })}</p>
            <p class="join-code" data-testid="join-code">
              {invite().code}
            </p>
            <p>{m.admin_staff_invite_expires({ when: formatExpiry(invite().expires_at, props.timezone) })}</p>
            <CopyCode code={invite().code} />
          </div>
        )}
      </Show>
    </form>
  );
}
