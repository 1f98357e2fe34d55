import { AlertDialog } from '@kobalte/core/alert-dialog';
import { Show } from 'solid-js';
import * as m from '#paraglide/messages.js';
import './ui.css';

export interface ConfirmDialogProps {
  open: boolean;
  /** The question, as a short heading ("Delete “Pizza”?"). */
  title: string;
  /** What happens if confirmed, when the title alone does not say it. */
  message?: string | undefined;
  /** The confirm button's text: the action's verb ("Delete", "Remove"), never "OK". */
  confirmText: string;
  /** Destructive actions get a red confirm button. */
  tone?: 'danger' | 'default';
  onConfirm: () => void;
  /** Cancel, Escape, or a tap outside. */
  onCancel: () => void;
}

/**
 * Asks before an action that cannot be undone; replaces the browser's `confirm()`, which cannot be
 * translated, styled or reached reliably on a touch screen. An alert dialog: focus moves to Cancel
 * (the safe answer), stays inside, and Escape cancels. See `confirmAction` for the one-line form.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  let cancel: HTMLButtonElement | undefined;
  return (
    <AlertDialog open={props.open} onOpenChange={(open) => !open && props.onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <AlertDialog.Content
            class="dialog"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              cancel?.focus();
            }}
          >
            <AlertDialog.Title class="dialog-title">{props.title}</AlertDialog.Title>
            <Show when={props.message}>
              <AlertDialog.Description class="dialog-description">{props.message}</AlertDialog.Description>
            </Show>
            <div class="dialog-actions">
              <button type="button" class="secondary" ref={cancel} onClick={() => props.onCancel()}>
                {m.common_cancel()}
              </button>
              <button
                type="button"
                class={props.tone === 'danger' ? 'danger' : undefined}
                onClick={() => props.onConfirm()}
              >
                {props.confirmText}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
