import { createSignal, For, onMount, Show } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import type { GuestOrder } from '#lib/guest/api.ts';
import { describeGuestFailure } from '#lib/guest/errors.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';
import type { Money } from './money.ts';
import { statusExplanation, statusWord, steps } from './status.ts';

/** The phone's own clock and zone: the guest is at the table. */
const timeOf = (at: string) => new Date(at).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });

/** The guest's orders of this visit, newest first, each as the database stored it, live. */
export function OrdersView(props: {
  orders: GuestOrder[];
  highlight: string | null;
  money: Money;
  cancel: (id: string) => Promise<DbFailure | null>;
  backToMenu: () => void;
}) {
  onMount(() => {
    if (props.highlight) document.getElementById(`order-${props.highlight}`)?.scrollIntoView({ block: 'start' });
  });
  return (
    <>
      <h2 class="guest-page-title">{m.guest_orders_title()}</h2>
      <Show when={props.orders.length === 0}>
        <p class="guest-notice">{m.guest_no_orders()}</p>
      </Show>
      <For each={props.orders}>{(order) => <OrderCard order={order} money={props.money} cancel={props.cancel} />}</For>
      <button type="button" class="guest-button secondary wide" onClick={() => props.backToMenu()}>
        {m.guest_order_more()}
      </button>
    </>
  );
}

function OrderCard(props: { order: GuestOrder; money: Money; cancel: (id: string) => Promise<DbFailure | null> }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const reached = () => steps.indexOf(props.order.status as (typeof steps)[number]);
  const title = () =>
    props.order.number === null ? m.guest_order_unnumbered() : m.guest_order_number({ number: props.order.number });
  const cancel = async () => {
    setBusy(true);
    setError(null);
    const failure = await props.cancel(props.order.id);
    setBusy(false);
    if (failure) setError(describeGuestFailure(failure));
  };
  return (
    <article class="guest-order" id={`order-${props.order.id}`} aria-label={title()}>
      <header class="guest-order-head">
        <div>
          <h3>{title()}</h3>
          <p class="guest-order-time">{m.guest_order_sent_at({ time: timeOf(props.order.created_at) })}</p>
        </div>
        <span class={`guest-status status-${props.order.status}`} data-status={props.order.status}>
          {statusWord(props.order.status)}
        </span>
      </header>
      <p class="guest-order-explain" aria-live="polite">
        {statusExplanation(props.order.status)}
      </p>
      <Show when={props.order.status === 'rejected' && props.order.status_reason}>
        <p class="guest-reason">
          <span>{m.guest_reason_label()}</span> {props.order.status_reason}
        </p>
      </Show>
      <Show when={reached() >= 0}>
        <ol class="guest-steps" aria-label={m.guest_progress()}>
          <For each={steps}>
            {(step, index) => (
              // The bar says where the order is at a glance; the words are the badge's and, for
              // screen readers, these (five labels do not fit side by side on a 320 px phone).
              <li
                classList={{ done: index() <= reached(), current: index() === reached() }}
                aria-current={index() === reached() ? 'step' : undefined}
              >
                <span class="visually-hidden">{statusWord(step)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <ul class="guest-lines compact">
        <For each={props.order.lines}>
          {(line) => (
            <li class="guest-line">
              <div class="guest-line-text">
                <span class="guest-line-name">
                  {line.qty} × {line.name}
                </span>
                <Show when={line.modifiers.length > 0}>
                  <span class="guest-line-detail">{line.modifiers.map((o) => o.name).join(', ')}</span>
                </Show>
                <Show when={line.note}>
                  <span class="guest-line-note">{line.note}</span>
                </Show>
              </div>
              <span class="guest-line-price">{props.money(line.line_total)}</span>
            </li>
          )}
        </For>
      </ul>
      <dl class="guest-totals">
        <dt>{m.guest_total()}</dt>
        <dd>{props.money(props.order.total)}</dd>
      </dl>
      <Show when={error()}>
        <p class="guest-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={props.order.status === 'draft'}>
        <button type="button" class="guest-button secondary wide" disabled={busy()} onClick={() => void cancel()}>
          {m.guest_cancel_order()}
        </button>
      </Show>
    </article>
  );
}
