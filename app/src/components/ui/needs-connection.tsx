import { type Accessor, Show } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import { online } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/**
 * Admin writes that cannot wait in the outbox (they answer something the screen needs at once:
 * a new row's id, a join code, a checked setting) are disabled while the API does not answer, with
 * this sentence next to the control instead of a transport error after the fact.
 */
export const useOnline = (): Accessor<boolean> => online;

/** "You're offline — this needs a connection", shown next to the control only while offline. */
export function NeedsConnection(props: { id?: string }) {
  return (
    <Show when={!online()}>
      <p class="needs-connection field-hint" id={props.id} role="status">
        {m.offline_needs_connection()}
      </p>
    </Show>
  );
}

/**
 * A write that failed because the API was not reached is not a refusal: the reachability signal
 * already went offline, so the screen says so with <NeedsConnection> (and stops saying it when the
 * API answers again) rather than keeping an error beside a field that was never at fault.
 */
export const isConnectionFailure = (failure: Pick<DbFailure, 'code'>): boolean => failure.code === 'network';
