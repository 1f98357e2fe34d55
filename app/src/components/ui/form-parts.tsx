import { type JSX, Show } from 'solid-js';
import { NeedsConnection, useOnline } from '#components/ui/needs-connection.tsx';
import * as m from '#paraglide/messages.js';

/**
 * A form's closing row: submit (shows "sending…" while busy) and, when the form can be left, cancel.
 * `submitName` is the accessible name when the visible text alone is ambiguous ("Add" — to what?).
 * `needsConnection`: a write that cannot wait in the outbox; offline, submit is disabled and says why.
 */
export function FormActions(props: {
  submitText: string;
  submitName?: string | undefined;
  busy?: boolean;
  needsConnection?: boolean;
  onCancel?: (() => void) | undefined;
  children?: JSX.Element;
}) {
  const online = useOnline();
  return (
    <div class="actions">
      <button
        type="submit"
        disabled={props.busy || (props.needsConnection === true && !online())}
        aria-label={props.submitName}
      >
        {props.busy ? m.common_submitting() : props.submitText}
      </button>
      <Show when={props.onCancel}>
        {(cancel) => (
          <button type="button" class="secondary" onClick={() => cancel()()}>
            {m.common_cancel()}
          </button>
        )}
      </Show>
      {props.children}
      <Show when={props.needsConnection}>
        <NeedsConnection />
      </Show>
    </div>
  );
}

/** Deletes one named row; the name goes into the accessible label, as rows share the visible text. */
export function DeleteButton(props: { name: string; onDelete: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      class="secondary danger"
      disabled={props.disabled}
      aria-label={m.common_delete_named({ name: props.name })}
      onClick={() => props.onDelete()}
    >
      {m.common_delete()}
    </button>
  );
}

/** A refusal that belongs to the whole form rather than one field, announced at once. */
export function FormError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <p class="notice error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
