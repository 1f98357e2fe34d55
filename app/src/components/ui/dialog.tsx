import { Dialog as KDialog } from '@kobalte/core/dialog';
import { type JSX, Show } from 'solid-js';
import * as m from '#paraglide/messages.js';
import './ui.css';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string | undefined;
  /** The button that opens it, if any; focus returns to it on close. */
  trigger?: JSX.Element;
  children: JSX.Element;
}

/**
 * A modal window for a task that needs the whole attention (split a bill, edit a ticket): titled,
 * focus kept inside, Escape and the close button dismiss it. For yes/no questions use ConfirmDialog.
 */
export function Dialog(props: DialogProps) {
  return (
    <KDialog open={props.open} onOpenChange={props.onOpenChange}>
      <Show when={props.trigger}>{props.trigger}</Show>
      <KDialog.Portal>
        <KDialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <KDialog.Content class="dialog">
            <div class="row-line">
              <KDialog.Title class="dialog-title row-name">{props.title}</KDialog.Title>
              <KDialog.CloseButton class="secondary icon" aria-label={m.common_close()}>
                ✕
              </KDialog.CloseButton>
            </div>
            <Show when={props.description}>
              <KDialog.Description class="dialog-description">{props.description}</KDialog.Description>
            </Show>
            {props.children}
          </KDialog.Content>
        </div>
      </KDialog.Portal>
    </KDialog>
  );
}
