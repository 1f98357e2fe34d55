import { createSignal, Show } from 'solid-js';
import * as m from '#paraglide/messages.js';

/** Copies a join code to the clipboard and says so; where the clipboard is refused, says to copy by hand. */
export function CopyCode(props: { code: string }) {
  const [state, setState] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.code);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <p class="actions">
      <button type="button" class="secondary" onClick={() => void copy()}>
        {m.admin_staff_copy_code()}
      </button>
      <Show when={state() !== 'idle'}>
        <span role="status">{state() === 'copied' ? m.admin_staff_copied() : m.admin_staff_copy_failed()}</span>
      </Show>
    </p>
  );
}
