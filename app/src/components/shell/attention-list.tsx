import { For, Show } from 'solid-js';
import { confirmAction } from '#components/ui/confirm.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { describeServiceRequestFailure } from '#lib/guest-inbox/errors.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { describeKitchenFailure } from '#lib/kitchen/errors.ts';
import { describeOrderFailure } from '#lib/orders/errors.ts';
import type { OutboxCommand, OutboxFailure } from '#lib/outbox/types.ts';
import { outbox, outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/**
 * Commands the server refused, each with the reason in the user's language and the two ways
 * out: retry once the cause is fixed, or discard deliberately. Nothing disappears on its own.
 */
/** Commands whose domain knows its own codes (item sold out, order closed…); others use the shared sentences. */
const describers: Record<string, (failure: OutboxFailure) => string> = {
  place_order: describeOrderFailure,
  add_order_round: describeOrderFailure,
  transition_order: describeOrderFailure,
  set_line_status: describeKitchenFailure,
  acknowledge_service_request: describeServiceRequestFailure,
};

function describeCommand(command: OutboxCommand): string {
  if (!command.lastFailure) return '';
  return (describers[command.kind] ?? describeFailure)(command.lastFailure);
}

export function AttentionList() {
  const deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const discard = async (command: OutboxCommand) => {
    const confirmed = await confirmAction({
      title: m.outbox_discard_confirm(),
      confirmText: m.outbox_discard(),
      tone: 'danger',
    });
    if (confirmed) await outbox.discard(command.id);
  };
  return (
    <Show when={outboxState().parked.length > 0}>
      <section class="attention" aria-labelledby="attention-title">
        <h2 id="attention-title">{m.outbox_attention_title()}</h2>
        <p>{m.outbox_attention_intro()}</p>
        <ul>
          <For each={outboxState().parked}>
            {(command) => (
              <li class="attention-item">
                <p class="attention-reason">{describeCommand(command)}</p>
                <p class="attention-meta">
                  <code>{command.kind}</code> ·{' '}
                  {m.outbox_command_created({
                    time: formatDateTime(command.createdAt, { timeZone: deviceTimeZone, locale: currentLocale() }),
                  })}
                </p>
                <div class="actions">
                  <button type="button" onClick={() => void outbox.retry(command.id)}>
                    {m.outbox_retry()}
                  </button>
                  <button type="button" class="secondary" onClick={() => discard(command)}>
                    {m.outbox_discard()}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
