import { createSignal, lazy, Show } from 'solid-js';
import type { ConfirmDialogProps } from './confirm-dialog.tsx';

export type ConfirmRequest = Pick<ConfirmDialogProps, 'title' | 'message' | 'confirmText' | 'tone'>;

interface Pending extends ConfirmRequest {
  answer: (confirmed: boolean) => void;
  /** Where focus was when asked, given back when the dialog closes (there is no trigger to return to). */
  returnFocus: Element | null;
}

const [pending, setPending] = createSignal<Pending | null>(null);

/**
 * Asks in a ConfirmDialog and resolves true when confirmed, false when cancelled:
 * `if (!(await confirmAction({ title, confirmText: m.common_delete(), tone: 'danger' }))) return;`.
 * Needs one `<ConfirmHost />` mounted (the app shell has it). A new question cancels the open one.
 */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  pending()?.answer(false);
  return new Promise((resolve) => {
    const asked: Pending = {
      ...request,
      returnFocus: document.activeElement,
      answer: (confirmed) => {
        if (pending() === asked) setPending(null);
        const target = asked.returnFocus;
        if (target instanceof HTMLElement && target.isConnected) target.focus();
        resolve(confirmed);
      },
    };
    setPending(asked);
  });
}

// The dialog (and Kobalte) downloads on the first question, not with the screen.
const ConfirmDialog = lazy(() => import('./confirm-dialog.tsx').then((module) => ({ default: module.ConfirmDialog })));

/** Renders the question `confirmAction` is asking, if any. Mount once, in the app shell. */
export function ConfirmHost() {
  return (
    <Show when={pending()}>
      {(request) => (
        <ConfirmDialog
          open
          title={request().title}
          message={request().message}
          confirmText={request().confirmText}
          tone={request().tone ?? 'default'}
          onConfirm={() => request().answer(true)}
          onCancel={() => request().answer(false)}
        />
      )}
    </Show>
  );
}
