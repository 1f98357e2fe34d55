import { createSignal, onCleanup, Show } from 'solid-js';
import type { BadgeStatus } from '#components/ui/status-badge.tsx';
import type { OrderStatus } from '#lib/orders/queries.ts';
import * as m from '#paraglide/messages.js';

/**
 * The order's name as people say it: the day's number, or the device's provisional code until
 * the database has given one — then both, "A-7 → #42", so whoever was told "A-7" finds it.
 */
export function OrderLabel(props: { number: number | null | undefined; provisional?: string | null | undefined }) {
  return (
    <span class="order-label">
      <Show when={props.provisional}>
        <span class="order-provisional">{props.provisional}</span>
      </Show>
      <Show when={props.provisional && props.number != null}>
        <span aria-hidden="true"> → </span>
      </Show>
      <Show when={props.number != null}>
        <span class="order-number">#{props.number}</span>
      </Show>
    </span>
  );
}

const statusLabels: Record<OrderStatus, () => string> = {
  draft: m.pos_status_draft,
  placed: m.pos_status_placed,
  preparing: m.pos_status_preparing,
  ready: m.pos_status_ready,
  completed: m.pos_status_completed,
  rejected: m.pos_status_rejected,
  cancelled: m.pos_status_cancelled,
};

export function statusLabel(status: OrderStatus): string {
  return statusLabels[status]();
}

export function statusBadge(status: OrderStatus): BadgeStatus {
  return status;
}

const [now, setNow] = createSignal(Date.now());
let clockUsers = 0;
let clockTimer: ReturnType<typeof setInterval> | undefined;

/** A shared clock ticking every 15 s while some age is on screen. */
function useClock() {
  clockUsers += 1;
  if (clockUsers === 1) clockTimer = setInterval(() => setNow(Date.now()), 15_000);
  onCleanup(() => {
    clockUsers -= 1;
    if (clockUsers === 0) clearInterval(clockTimer);
  });
  return now;
}

/** How long ago the order was taken, in whole minutes ("just now", "12 min"). */
export function OrderAge(props: { since: string }) {
  const clock = useClock();
  const minutes = () => Math.max(0, Math.floor((clock() - Date.parse(props.since)) / 60_000));
  return (
    <time class="order-age" datetime={props.since}>
      {minutes() < 1 ? m.pos_age_now() : m.pos_age_minutes({ minutes: minutes() })}
    </time>
  );
}
