import { onCleanup, onMount, type ParentProps } from 'solid-js';
import * as m from '#paraglide/messages.js';

/**
 * A bottom sheet on a phone (a centred card on wider screens): the native modal <dialog>, so focus
 * stays inside, Escape and the back gesture close it, and the page behind is inert.
 */
export function Sheet(props: ParentProps<{ title: string; onClose: () => void; labelledBy?: string }>) {
  let dialog!: HTMLDialogElement;
  onMount(() => {
    dialog.showModal();
    document.body.classList.add('guest-sheet-open');
  });
  onCleanup(() => document.body.classList.remove('guest-sheet-open'));
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop tap is the pointer's way out; keyboards have Escape (onCancel) and the close button.
    <dialog
      ref={dialog}
      class="guest-sheet"
      aria-label={props.title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClick={(e) => {
        // A tap on the backdrop (the dialog itself, outside its content) closes it.
        if (e.target === dialog) props.onClose();
      }}
    >
      <div class="guest-sheet-body">
        <button type="button" class="guest-sheet-close" aria-label={m.guest_close()} onClick={() => props.onClose()}>
          ×
        </button>
        {props.children}
      </div>
    </dialog>
  );
}
