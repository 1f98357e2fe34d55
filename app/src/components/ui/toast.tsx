import { Toast, toaster } from '@kobalte/core/toast';
import * as m from '#paraglide/messages.js';
import './ui.css';

export type ToastTone = 'info' | 'error';

/**
 * Says how a quick action went ("Saved.", "Test page queued") without moving focus; announced
 * politely to screen readers, gone after a few seconds unless hovered or focused. Needs one
 * `<Toaster />` mounted (the app shell has it). Errors a form must show stay in the form instead.
 */
export function showToast(message: string, tone: ToastTone = 'info'): number {
  return toaster.show((props) => (
    <Toast toastId={props.toastId} class="toast-item" data-tone={tone}>
      <Toast.Description class="toast-text">{message}</Toast.Description>
      <Toast.CloseButton class="secondary">{m.common_dismiss()}</Toast.CloseButton>
    </Toast>
  ));
}

/** Where toasts appear: over the bottom of the screen, in reach of a thumb. */
export function Toaster() {
  return (
    <Toast.Region duration={5000} aria-label={m.common_notifications()}>
      <Toast.List class="toast-list" />
    </Toast.Region>
  );
}
