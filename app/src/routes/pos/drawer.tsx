import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { ShiftReportView } from '#components/reports/shift-report.tsx';
import { useMembership } from '#components/shell/require-membership.tsx';
import { CashMovementForm } from '#components/shifts/cash-movement-form.tsx';
import { CloseDrawerForm } from '#components/shifts/close-drawer-form.tsx';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import { OpenDrawerForm } from '#components/shifts/open-drawer-form.tsx';
import type { DrawerMessage } from '#components/shifts/outcome.ts';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { onShiftCommand, type RecordCashMovementPayload } from '#lib/shifts/commands.ts';
import { currentShift, localShiftRecord } from '#lib/shifts/current.ts';
import { queuedCloses } from '#lib/shifts/drawer.ts';
import { type VarianceDetails, varianceDetails } from '#lib/shifts/errors.ts';
import {
  type CashMovement,
  cashMovementsQueryOptions,
  cashSettingsQueryOptions,
  type ShiftReport,
  shiftReportQueryOptions,
} from '#lib/shifts/queries.ts';
import { online, outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import '#components/shifts/drawer.css';
import '#components/reports/reports.css';

/**
 * This device's cash drawer (`/pos/drawer`): open it with a counted float, put cash in or take it
 * out with a reason, read the X report, close it with the counted cash. Every figure (expected,
 * variance, sales) is the database's; offline, opening and closing are queued and the figures come
 * when the device is back online.
 */
export default function Drawer() {
  const membership = useMembership();
  const restaurantId = () => membership().restaurantId;
  const settings = useQuery(() => cashSettingsQueryOptions(restaurantId()));
  const shift = currentShift(restaurantId());
  const record = localShiftRecord(restaurantId());
  const [message, setMessage] = createSignal<DrawerMessage | null>(null);
  const [closedReport, setClosedReport] = createSignal<ShiftReport | null>(null);
  const [showX, setShowX] = createSignal(false);

  // A close queued offline reaches the database later: its Z report shows when it does.
  onCleanup(
    onShiftCommand((event) => {
      if (event.kind === 'close_shift' && event.restaurantId === restaurantId()) {
        setClosedReport(event.report);
        setMessage({ text: m.drawer_closed(), error: false });
      }
    }),
  );

  const context = createMemo((): DrawerContext | null => {
    const data = settings.data;
    if (!data) return null;
    const currency = { code: data.currency, exponent: data.exponent, region: data.country };
    const locale = currentLocale();
    return {
      restaurantId: restaurantId(),
      currency,
      locale,
      timeZone: data.timezone,
      money: (minor) => formatMoney(minor, currency, locale),
    };
  });

  const closing = () => (record()?.closing ? record() : null);
  // A queued close the database refused for want of a reason, once back online.
  const refusedClose = createMemo(() => {
    const open = shift();
    if (!open) return null;
    for (const command of queuedCloses(outboxState(), open.id)) {
      if (command.state !== 'parked' || !command.lastFailure) continue;
      const details = varianceDetails(command.lastFailure);
      if (details) return { details, commandId: command.id };
    }
    return null;
  });
  const queuedMovements = (shiftId: string) =>
    outboxState()
      .pending.filter((command) => command.kind === 'record_cash_movement')
      .map((command) => command.payload as RecordCashMovementPayload)
      .filter((payload) => payload.p_shift_id === shiftId);

  const say = (next: DrawerMessage) => setMessage(next.text ? next : null);

  return (
    <main id="main" class="pos-main drawer">
      <h1>{m.drawer_title()}</h1>
      <Show when={message()}>
        {(shown) => (
          <p class={shown().error ? 'notice error' : 'notice'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </p>
        )}
      </Show>
      <Show
        when={context()}
        fallback={<p class="loading">{settings.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(ctx) => (
          <>
            <Show when={closing()}>
              <section class="drawer-card" aria-labelledby="drawer-closing-title">
                <h2 id="drawer-closing-title">
                  <StatusBadge status="pending" label={m.drawer_status_closing()} />
                </h2>
                <p>{m.drawer_closing_body()}</p>
              </section>
            </Show>
            <Show when={closedReport()}>
              {(report) => (
                <section class="drawer-card" aria-labelledby="drawer-z-title">
                  <h2 id="drawer-z-title">{m.drawer_last_z_title()}</h2>
                  <ShiftReportView
                    report={report()}
                    format={{ money: ctx().money, timeZone: ctx().timeZone, locale: ctx().locale }}
                  />
                </section>
              )}
            </Show>
            <Show
              when={shift()}
              fallback={
                <Show when={!closing()}>
                  <p class="drawer-status">
                    <StatusBadge status="cancelled" label={m.drawer_status_closed()} />
                  </p>
                  <OpenDrawerForm
                    context={ctx()}
                    onMessage={(next) => {
                      setClosedReport(null);
                      say(next);
                    }}
                  />
                </Show>
              }
            >
              {(open) => (
                <OpenShift
                  context={ctx()}
                  shift={open()}
                  showX={showX()}
                  onToggleX={() => setShowX((shown) => !shown)}
                  queuedMovements={queuedMovements(open().id)}
                  refusedClose={refusedClose()}
                  onMessage={say}
                  onClosed={(report) => {
                    setClosedReport(report);
                    setShowX(false);
                    setMessage({ text: m.drawer_closed(), error: false });
                  }}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}

function OpenShift(props: {
  context: DrawerContext;
  shift: { id: string; openedAt: string; openingFloat: number; synced: boolean };
  showX: boolean;
  onToggleX: () => void;
  queuedMovements: RecordCashMovementPayload[];
  refusedClose: { details: VarianceDetails; commandId: string } | null;
  onMessage: (message: DrawerMessage) => void;
  onClosed: (report: ShiftReport) => void;
}) {
  const restaurantId = () => props.context.restaurantId;
  const movements = useQuery(() => ({
    ...cashMovementsQueryOptions(restaurantId(), props.shift.id),
    enabled: props.shift.synced,
  }));
  const report = useQuery(() => ({
    ...shiftReportQueryOptions(restaurantId(), props.shift.id),
    enabled: props.shift.synced && props.showX,
  }));
  const when = (instant: string) =>
    formatDateTime(instant, { timeZone: props.context.timeZone, locale: props.context.locale });
  const kindLabel = (kind: string) => (kind === 'cash_in' ? m.drawer_movement_in() : m.drawer_movement_out());
  return (
    <>
      <section class="drawer-card" aria-labelledby="drawer-open-title">
        <h2 id="drawer-open-title" class="drawer-status">
          <StatusBadge status="ready" label={m.drawer_status_open()} />
          <StatusBadge
            status={props.shift.synced ? 'synced' : 'pending'}
            label={props.shift.synced ? m.drawer_synced() : m.drawer_not_synced()}
          />
        </h2>
        <p>
          {m.drawer_open_since({
            when: when(props.shift.openedAt),
            float: props.context.money(props.shift.openingFloat),
          })}
        </p>
      </section>
      <CashMovementForm context={props.context} shiftId={props.shift.id} onMessage={props.onMessage} />
      <section class="drawer-card" aria-labelledby="drawer-movements-title">
        <h2 id="drawer-movements-title">{m.drawer_movements_title()}</h2>
        <Show
          when={(movements.data?.length ?? 0) + props.queuedMovements.length > 0}
          fallback={<p class="notice subtle">{m.drawer_movements_none()}</p>}
        >
          <ul class="drawer-movements">
            <For each={props.queuedMovements}>
              {(payload) => (
                <li>
                  <span class="drawer-movement-kind">{kindLabel(payload.p_kind)}</span>
                  <span class="drawer-movement-amount">{props.context.money(payload.p_amount)}</span>
                  <span class="drawer-movement-reason">{payload.p_reason}</span>
                  <StatusBadge status="pending" label={m.drawer_not_synced()} />
                </li>
              )}
            </For>
            <For each={movements.data ?? []}>
              {(movement: CashMovement) => (
                <li>
                  <span class="drawer-movement-kind">{kindLabel(movement.kind)}</span>
                  <span class="drawer-movement-amount">{props.context.money(movement.amount)}</span>
                  <span class="drawer-movement-reason">{movement.reason}</span>
                  <time datetime={movement.created_at}>{when(movement.created_at)}</time>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="drawer-card" aria-labelledby="drawer-x-title">
        <h2 id="drawer-x-title">{m.report_x_title()}</h2>
        <button type="button" class="secondary" aria-expanded={props.showX} onClick={() => props.onToggleX()}>
          {props.showX ? m.drawer_x_hide() : m.drawer_x_show()}
        </button>
        <Show when={props.showX}>
          <Show
            when={report.data}
            fallback={
              <p class="notice subtle">
                {!props.shift.synced || !online()
                  ? m.drawer_figures_when_online()
                  : report.isError
                    ? m.common_load_failed()
                    : m.common_loading()}
              </p>
            }
          >
            {(data) => (
              <>
                <Show when={!online()}>
                  <p class="notice subtle">{m.drawer_figures_cached()}</p>
                </Show>
                <ShiftReportView
                  report={data()}
                  format={{
                    money: props.context.money,
                    timeZone: props.context.timeZone,
                    locale: props.context.locale,
                  }}
                />
              </>
            )}
          </Show>
        </Show>
      </section>
      <CloseDrawerForm
        context={props.context}
        shiftId={props.shift.id}
        online={online()}
        refused={props.refusedClose}
        onClosed={props.onClosed}
        onQueued={() => undefined}
        onMessage={props.onMessage}
      />
    </>
  );
}
