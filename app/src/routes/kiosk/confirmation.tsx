import { useQuery } from '@tanstack/solid-query';
import { Match, Show, Switch } from 'solid-js';
import type { Placed } from '#lib/kiosk/placed.ts';
import { kioskOrderQueryOptions } from '#lib/kiosk/queries.ts';
import { online, outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/**
 * The big number: the provisional code ("K-12") at once, the day's number once the database placed
 * the order (direct mode, or when paid at the counter). A pay-at-counter order keeps its code: it
 * is the number the cashier finds it by.
 */
export function Confirmation(props: { kioskId: string; placed: Placed; onDone: () => void }) {
  const inOutbox = () => outboxState().pending.some((command) => command.id === props.placed.id);
  const parked = () => outboxState().parked.some((command) => command.id === props.placed.id);
  // The outbox's answer to kiosk_place_order fills this query (lib/kiosk/commands.ts), and the
  // persisted cache keeps it across a reload; asking before the command is sent would only be refused.
  const order = useQuery(() => ({ ...kioskOrderQueryOptions(props.kioskId, props.placed.id), enabled: false }));
  const number = () => {
    const stored = order.data;
    return stored?.number != null ? String(stored.number) : props.placed.code;
  };
  const synced = () => order.data !== undefined;

  return (
    <main id="main" class="kiosk-page kiosk-centered kiosk-done">
      <h1 class="kiosk-heading">{m.kiosk_confirm_title()}</h1>
      <p class="kiosk-number-label" aria-hidden="true">
        {m.kiosk_your_number()}
      </p>
      <p class="kiosk-number" role="status" data-synced={synced() ? 'true' : 'false'}>
        <span class="visually-hidden">{m.kiosk_your_number()} </span>
        <span class="kiosk-number-value">{number()}</span>
      </p>
      <Switch>
        <Match when={parked()}>
          <p class="kiosk-error" role="alert">
            {m.kiosk_confirm_problem()}
          </p>
        </Match>
        <Match when={props.placed.mode === 'pay_at_counter'}>
          <p class="kiosk-lead">{m.kiosk_confirm_pay()}</p>
        </Match>
        <Match when={true}>
          <p class="kiosk-lead">{m.kiosk_confirm_kitchen()}</p>
        </Match>
      </Switch>
      <Show when={!synced() && (inOutbox() || !online())}>
        <p class="kiosk-hint">{m.kiosk_confirm_offline()}</p>
      </Show>
      <button type="button" class="kiosk-button primary big" onClick={() => props.onDone()}>
        {m.kiosk_done()}
      </button>
    </main>
  );
}
