import { type JSX, Show } from 'solid-js';
import * as m from '#paraglide/messages.js';

/**
 * A form's closing row: submit (shows "sending…" while busy) and, when the form can be left, cancel.
 * `submitName` is the accessible name when the visible text alone is ambiguous ("Add" — to what?).
 */
export function FormActions(props: {
  submitText: string;
  submitName?: string | undefined;
  busy?: boolean;
  onCancel?: (() => void) | undefined;
  children?: JSX.Element;
}) {
  return (
    <div class="actions">
      <button type="submit" disabled={props.busy} aria-label={props.submitName}>
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
