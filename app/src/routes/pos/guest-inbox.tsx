import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { OrderAge } from '#components/pos/order-label.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { LazyDialog } from '#components/ui/lazy-dialog.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import type { DbFailure } from '#lib/db.ts';
import { formatMoney } from '#lib/format/money.ts';
import { actedOn, guestInboxQueryOptions, type ServiceRequest } from '#lib/guest-inbox/queries.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { type SendOutcome, transitionOrder } from '#lib/orders/place.ts';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import { maxNoteLength } from '#lib/orders/validation.ts';
import { OutboxStorageError } from '#lib/outbox/types.ts';
import { outbox, outboxState } from '#lib/sync.ts';
import { tablesQueryOptions } from '#lib/tables/queries.ts';
import * as m from '#paraglide/messages.js';

type Notice = { text: string; error: boolean };

/**
 * The guest inbox (`/pos/guests`), live: tables calling the waiter or asking for the bill (Done),
 * and guest orders waiting for staff (Accept: it gets its number and goes to the kitchen; Reject
 * with a reason the guest reads). Everything goes through the outbox, so it works offline too.
 * Guests' notes are shown as text, never as markup.
 */
export default function GuestInbox() {
  const membership = useMembership();
  const restaurantId = () => membership().restaurantId;
  const inbox = useQuery(() => guestInboxQueryOptions(restaurantId()));
  const tables = useQuery(() => tablesQueryOptions(restaurantId()));
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [rejecting, setRejecting] = createSignal<OrderWithLines | null>(null);
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string | undefined>();

  // What this device already sent (or still holds) is not shown as waiting again.
  const sending = createMemo(() => actedOn([...outboxState().pending, ...outboxState().parked]));
  const requests = () => (inbox.data?.requests ?? []).filter((request) => !sending().has(request.id));
  const drafts = () => inbox.data?.drafts ?? [];

  const tableLabel = (tableId: string | null | undefined) =>
    tables.data?.find((table) => table.id === tableId)?.label ?? m.pos_type_dine_in();
  const requestText = (request: ServiceRequest) =>
    request.kind === 'bill'
      ? m.pos_guest_bill({ table: tableLabel(request.table_id) })
      : m.pos_guest_call_waiter({ table: tableLabel(request.table_id) });
  const money = (order: OrderWithLines, minor: number) =>
    formatMoney(minor, { code: order.currency, exponent: order.currency_exponent }, currentLocale());

  const refused = async (failure: DbFailure, commandId: string) => {
    // Refused while the person watches (the guest cancelled, another till accepted): said here.
    await outbox.discard(commandId);
    const { describeOrderFailure } = await import('#lib/orders/errors.ts');
    setNotice({ text: describeOrderFailure(failure), error: true });
    void inbox.refetch();
  };

  const answer = async (outcome: SendOutcome, done: (number: number | null) => string) => {
    if (outcome.kind === 'refused') return refused(outcome.failure, outcome.commandId);
    if (outcome.kind === 'storage') {
      return setNotice({
        text: outcome.reason === 'storage_full' ? m.pos_storage_full() : m.pos_storage_unavailable(),
        error: true,
      });
    }
    setNotice({
      text: outcome.kind === 'queued' ? m.pos_action_queued() : done(outcome.order.number ?? null),
      error: false,
    });
  };

  const accept = async (order: OrderWithLines) => {
    setBusy(order.id);
    const outcome = await transitionOrder(order, 'placed');
    setBusy(null);
    await answer(outcome, (number) =>
      number === null ? m.pos_action_done() : m.pos_guest_accepted({ number: String(number) }),
    );
  };

  const openReject = (order: OrderWithLines) => {
    setReason('');
    setReasonError(undefined);
    setRejecting(order);
  };

  const confirmReject = async () => {
    const order = rejecting();
    if (!order) return;
    const why = reason().trim();
    if (!why) return setReasonError(m.pos_guest_reject_reason_required());
    if ([...why].length > maxNoteLength) return setReasonError(m.pos_error_note_too_long({ max: maxNoteLength }));
    setBusy(order.id);
    const outcome = await transitionOrder(order, 'rejected', why);
    setBusy(null);
    setRejecting(null);
    await answer(outcome, () => m.pos_guest_rejected());
  };

  const acknowledge = async (request: ServiceRequest) => {
    try {
      // The request's id is the command's: a second tap while it is on its way adds nothing.
      await outbox.enqueue('acknowledge_service_request', { p_request_id: request.id }, { id: request.id });
      setNotice(null);
    } catch (error) {
      const full = error instanceof OutboxStorageError && error.kind === 'quota';
      setNotice({ text: full ? m.pos_storage_full() : m.pos_storage_unavailable(), error: true });
    }
  };

  return (
    <main id="main" class="pos-main pos-guests">
      <h1>{m.pos_guest_inbox_link()}</h1>
      <Show when={notice()}>
        {(shown) => (
          <p class={shown().error ? 'notice error' : 'notice'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </p>
        )}
      </Show>
      <Show when={requests().length > 0}>
        <section aria-labelledby="pos-guest-requests-title">
          <h2 id="pos-guest-requests-title">{m.pos_guest_requests_title()}</h2>
          <ul class="pos-guest-list">
            <For each={requests()}>
              {(request) => (
                <li class="pos-guest-card pos-guest-request" data-request-id={request.id} data-kind={request.kind}>
                  <div class="pos-guest-head">
                    <p class="pos-guest-request-text">{requestText(request)}</p>
                    <StatusBadge
                      status={request.kind === 'bill' ? 'ready' : 'pending'}
                      label={request.kind === 'bill' ? m.pos_guest_kind_bill() : m.pos_guest_kind_call()}
                    />
                  </div>
                  <div class="pos-guest-actions">
                    <OrderAge since={request.created_at} />
                    <button type="button" class="pos-primary" onClick={() => void acknowledge(request)}>
                      {m.pos_guest_acknowledge()}
                    </button>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={drafts().length > 0}>
        <section aria-labelledby="pos-guest-drafts-title">
          <h2 id="pos-guest-drafts-title">{m.pos_guest_drafts_title()}</h2>
          <ul class="pos-guest-list">
            <For each={drafts()}>
              {(order) => (
                <li class="pos-guest-card" data-order-id={order.id} aria-labelledby={`pos-guest-${order.id}`}>
                  <div class="pos-guest-head">
                    <h3 id={`pos-guest-${order.id}`}>{tableLabel(order.table_id)}</h3>
                    <Show
                      when={sending().has(order.id)}
                      fallback={<StatusBadge status="draft" label={m.pos_guest_status_new()} />}
                    >
                      <StatusBadge status="pending" label={m.pos_status_queued()} />
                    </Show>
                  </div>
                  <p class="pos-order-meta">
                    <OrderAge since={order.created_at} />
                    <span class="pos-order-total">{money(order, order.total)}</span>
                  </p>
                  <ul class="pos-lines">
                    <For each={order.lines}>
                      {(line) => (
                        <li class="pos-line">
                          <div class="pos-line-head">
                            <span class="pos-line-name">
                              {line.qty} × {line.name}
                            </span>
                            <span class="pos-line-total">{money(order, line.line_total)}</span>
                          </div>
                          <Show when={Array.isArray(line.modifiers) && line.modifiers.length > 0}>
                            <p class="pos-line-mods">
                              {(line.modifiers as { name?: string }[]).map((option) => option.name ?? '').join(', ')}
                            </p>
                          </Show>
                          <Show when={line.note}>
                            <p class="pos-line-note-text">{line.note}</p>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={order.note}>
                    <p class="pos-order-note">{order.note}</p>
                  </Show>
                  <Show when={!sending().has(order.id)}>
                    <div class="pos-guest-actions">
                      <button
                        type="button"
                        class="danger secondary"
                        disabled={busy() === order.id}
                        onClick={() => openReject(order)}
                      >
                        {m.pos_guest_reject()}
                      </button>
                      <button
                        type="button"
                        class="pos-primary"
                        disabled={busy() === order.id}
                        onClick={() => void accept(order)}
                      >
                        {m.pos_guest_accept()}
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={inbox.data && requests().length === 0 && drafts().length === 0}>
        <p class="notice subtle">{m.pos_guest_empty()}</p>
      </Show>
      <Show when={!inbox.data}>
        <p class={inbox.isError ? 'notice error' : 'loading'}>
          {inbox.isError ? m.common_load_failed() : m.common_loading()}
        </p>
      </Show>
      <LazyDialog
        open={rejecting() !== null}
        onOpenChange={(open) => !open && setRejecting(null)}
        title={m.pos_guest_reject_title({ table: tableLabel(rejecting()?.table_id) })}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirmReject();
          }}
          noValidate
        >
          <TextAreaField
            id="pos-guest-reject-reason"
            label={m.pos_guest_reject_reason()}
            hint={m.pos_guest_reject_hint()}
            value={reason()}
            maxLength={maxNoteLength}
            rows={3}
            required
            error={reasonError()}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <div class="dialog-actions">
            <button type="button" class="secondary" onClick={() => setRejecting(null)}>
              {m.common_cancel()}
            </button>
            <button type="submit" class="danger" disabled={busy() !== null}>
              {m.pos_guest_reject_confirm()}
            </button>
          </div>
        </form>
      </LazyDialog>
    </main>
  );
}
