import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { AttentionList } from '#components/shell/attention-list.tsx';
import { signOutIfSynced } from '#lib/auth/sign-out.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

export default function SignOut() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const signOut = async () => {
    setBusy(true);
    setError(null);
    const result = await signOutIfSynced();
    setBusy(false);
    if (result.ok) navigate('/sign-in', { replace: true });
    else if (result.reason === 'failed') setError(m.error_network());
    // 'unsynced' needs no message of its own: the count below is reactive and already shown.
  };

  return (
    <main id="main" class="narrow">
      <h1>{m.sign_out_title()}</h1>
      <Show
        when={outboxState().unsynced === 0}
        fallback={
          <>
            <p class="notice error" role="alert">
              {m.sign_out_refused({ count: outboxState().unsynced })}
            </p>
            <AttentionList />
          </>
        }
      >
        <p>{m.sign_out_confirm()}</p>
        <Show when={error()}>
          <p class="notice error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="actions">
          <button type="button" onClick={signOut} disabled={busy()}>
            {busy() ? m.common_submitting() : m.sign_out()}
          </button>
          <A class="button secondary" href="/">
            {m.common_cancel()}
          </A>
        </div>
      </Show>
    </main>
  );
}
