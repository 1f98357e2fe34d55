import { createSignal, For, Show } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import type { ServiceKind, ServiceRequest } from '#lib/guest/api.ts';
import * as m from '#paraglide/messages.js';

/**
 * "Call the waiter" and "Ask for the bill": each sends a request with its own id (a retry is the
 * same request); an open one is shown as waiting, then as seen once staff acknowledge it.
 */
export function ServiceBar(props: {
  requests: ServiceRequest[];
  disabled: boolean;
  ask: (kind: ServiceKind, id: string) => Promise<DbFailure | null>;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<ServiceKind | null>(null);
  const latest = (kind: ServiceKind) => props.requests.find((r) => r.kind === kind);
  // "Someone is coming" is news for a while, not for the rest of the meal.
  const shown = (kind: ServiceKind) => {
    const request = latest(kind);
    if (!request || request.status === 'open') return request;
    return Date.now() - Date.parse(request.acknowledged_at ?? request.created_at) < 10 * 60_000 ? request : undefined;
  };
  const ids: Partial<Record<ServiceKind, string>> = {};
  const ask = async (kind: ServiceKind) => {
    if (busy()) return;
    setBusy(kind);
    setError(null);
    // Kept until an answer arrives, so a retry after a lost answer is the same request.
    ids[kind] ??= crypto.randomUUID();
    const failure = await props.ask(kind, ids[kind]);
    if (!failure?.transient) delete ids[kind];
    setBusy(null);
    if (failure) setError((await import('#lib/guest/errors.ts')).describeGuestFailure(failure));
  };
  const kinds: ServiceKind[] = ['call_waiter', 'bill'];
  return (
    <Show when={!props.disabled}>
      <div class="guest-service">
        <For each={kinds}>
          {(kind) => {
            const request = () => latest(kind);
            const open = () => request()?.status === 'open';
            return (
              <button
                type="button"
                class="guest-button secondary"
                classList={{ waiting: open() }}
                disabled={busy() === kind || open()}
                onClick={() => void ask(kind)}
              >
                {kind === 'call_waiter' ? m.guest_call_waiter() : m.guest_ask_bill()}
              </button>
            );
          }}
        </For>
      </div>
      <For each={kinds}>
        {(kind) => (
          <Show when={shown(kind)}>
            {(request) => (
              <p
                class="guest-service-status"
                classList={{ acknowledged: request().status === 'acknowledged' }}
                role="status"
              >
                {request().status === 'open'
                  ? kind === 'call_waiter'
                    ? m.guest_waiter_called()
                    : m.guest_bill_requested()
                  : kind === 'call_waiter'
                    ? m.guest_waiter_coming()
                    : m.guest_bill_coming()}
              </p>
            )}
          </Show>
        )}
      </For>
      <Show when={error()}>
        <p class="guest-error" role="alert">
          {error()}
        </p>
      </Show>
    </Show>
  );
}
