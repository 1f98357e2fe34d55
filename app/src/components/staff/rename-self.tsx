import { createSignal, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { FormActions } from '#components/ui/form-parts.tsx';
import { isConnectionFailure } from '#components/ui/needs-connection.tsx';
import { describeFieldError } from '#lib/auth/errors.ts';
import { validateDisplayName } from '#lib/auth/validation.ts';
import { setMyDisplayName } from '#lib/staff/commands.ts';
import { describeStaffFailure } from '#lib/staff/errors.ts';
import * as m from '#paraglide/messages.js';

export interface RenameSelfProps {
  restaurantId: string;
  /** The name colleagues see now, offered for editing. */
  currentName: string | null;
  /** Sends the new name; the database RPC unless a test stands in for it. */
  save?: typeof setMyDisplayName;
}

/**
 * The signed-in person's own name in this restaurant, behind a "Change your name" button: only
 * they may change it, so it sits on their row alone.
 */
export function RenameSelf(props: RenameSelfProps) {
  const [editing, setEditing] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let opener: HTMLButtonElement | undefined;

  const open = () => {
    setName(props.currentName ?? '');
    setError(null);
    setEditing(true);
    input?.focus();
  };
  const close = () => {
    setEditing(false);
    opener?.focus();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const invalid = validateDisplayName(name());
    if (invalid) {
      setError(describeFieldError(invalid, 'display_name'));
      input?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const result = await (props.save ?? setMyDisplayName)(props.restaurantId, name().trim());
    setBusy(false);
    if (result.ok) close();
    else if (!isConnectionFailure(result.failure)) {
      setError(describeStaffFailure(result.failure));
      input?.focus();
    }
  };

  return (
    <Show
      when={editing()}
      fallback={
        <button type="button" class="secondary" ref={opener} onClick={open}>
          {m.admin_staff_rename()}
        </button>
      }
    >
      <form class="rename-self" onSubmit={submit} noValidate aria-busy={busy()}>
        <Field
          ref={input}
          id={`rename-self-${props.restaurantId}`}
          label={m.admin_staff_rename_label()}
          type="text"
          name="name"
          autocomplete="name"
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={error()}
        />
        <FormActions submitText={m.admin_staff_rename_save()} busy={busy()} onCancel={close} needsConnection />
      </form>
    </Show>
  );
}
