import { Show } from 'solid-js';
import { session } from '#lib/auth/session.ts';
import { canInstall, install } from '#lib/network/install.ts';
import { connectionBarShown, online, outboxState, storagePersisted } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/** Offline, unsent work and storage trouble, announced politely to screen readers. */
export function SyncStatus() {
  return (
    <div class="sync-status" role="status" aria-live="polite">
      <Show when={!online() && !connectionBarShown()}>
        <p class="notice">{m.offline_notice()}</p>
      </Show>
      <Show when={outboxState().unsynced > 0 && !connectionBarShown()}>
        <p class="notice">{m.outbox_unsynced({ count: outboxState().unsynced })}</p>
      </Show>
      <Show when={outboxState().storageError}>
        {(error) => (
          <p class="notice error" role="alert">
            {error().kind === 'quota' ? m.storage_full() : m.storage_unavailable()}
          </p>
        )}
      </Show>
      {/* Offline data matters once someone signed in and works here, not on the sign-in page. */}
      <Show when={storagePersisted() === false && session()}>
        <p class="notice subtle">
          {m.storage_not_persistent()}{' '}
          <Show when={canInstall()}>
            <button type="button" class="secondary" onClick={() => void install()}>
              {m.install_app()}
            </button>
          </Show>
        </p>
      </Show>
    </div>
  );
}
