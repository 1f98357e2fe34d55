import { A } from '@solidjs/router';
import { type Accessor, createSignal, onCleanup, Show } from 'solid-js';
import { realtimeOverall } from '#lib/realtime/client.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';
import { online, outboxState, registerConnectionBar } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import './connection-status.css';

/** Live updates down longer than this turn the bar red and say so in words. */
export const DOWN_ALERT_MS = 10_000;

export interface ConnectionStatusProps {
  /** The screen's own topic; else every topic the page holds (nothing shown when none). */
  topic?: TopicHandle;
  /** The screen's ticking clock, if it has one (the kitchen's); else one is made here. */
  now?: Accessor<number>;
  /** When the shown data was last known fresh: adds "last update N s ago". */
  lastUpdateAt?: Accessor<number | null>;
  /** Where the parked commands are listed. */
  attentionHref?: string;
}

/**
 * Connection honesty for staff screens: whether the API answers, whether live updates flow (and
 * for how long they have not), and the commands not sent yet with a link to those needing a person.
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  onCleanup(registerConnectionBar());
  const now = props.now ?? localClock();
  const realtime = () => {
    if (props.topic) return { status: props.topic.status(), downSince: props.topic.downSince() };
    return realtimeOverall();
  };
  const downFor = () => {
    const state = realtime();
    return state?.status === 'down' && state.downSince !== null ? Math.max(0, now() - state.downSince) : 0;
  };
  const alert = () => downFor() > DOWN_ALERT_MS || (realtime() !== null && !online());
  const seconds = (since: number) => Math.max(0, Math.round((now() - since) / 1000));
  return (
    <div class="connection-status" data-alert={alert() ? 'true' : undefined} role="status" aria-live="polite">
      <span class="connection-pill" data-state={online() ? 'ok' : 'bad'}>
        {online() ? m.connection_online() : m.connection_offline()}
      </span>
      <Show when={realtime()}>
        {(state) => (
          <span
            class="connection-pill"
            data-state={state().status === 'live' ? 'ok' : state().status === 'down' ? 'bad' : 'wait'}
          >
            {state().status === 'live'
              ? m.connection_live()
              : state().status === 'connecting'
                ? m.connection_connecting()
                : m.connection_down()}
          </span>
        )}
      </Show>
      <Show when={props.lastUpdateAt?.()}>
        {(at) => <span class="connection-detail">{m.connection_last_update({ seconds: seconds(at()) })}</span>}
      </Show>
      <Show when={outboxState().unsynced > 0}>
        <span class="connection-detail">{m.connection_unsynced({ count: outboxState().unsynced })}</span>
      </Show>
      <Show when={outboxState().parked.length > 0}>
        <A class="connection-attention" href={props.attentionHref ?? '/'}>
          {m.connection_attention({ count: outboxState().parked.length })}
        </A>
      </Show>
      <Show when={alert()}>
        <p class="connection-alert" role="alert">
          {m.connection_down_for({ seconds: Math.round(downFor() / 1000) })}
        </p>
      </Show>
    </div>
  );
}

function localClock(): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  return now;
}
