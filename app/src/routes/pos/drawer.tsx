import { useQuery } from '@tanstack/solid-query';
import { createMemo, createSignal, lazy, onCleanup, Show, Suspense } from 'solid-js';
import { useMembership } from '#components/shell/require-membership.tsx';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import type { DrawerMessage } from '#components/shifts/outcome.ts';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { onShiftCommand, type RecordCashMovementPayload } from '#lib/shifts/commands.ts';
import { currentShift, localShiftRecord } from '#lib/shifts/current.ts';
import { queuedCloses } from '#lib/shifts/drawer.ts';
import { cashSettingsQueryOptions, type ShiftReport } from '#lib/shifts/queries.ts';
import { varianceDetails } from '#lib/shifts/variance.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';
import '#components/shifts/drawer.css';
import '#components/reports/reports.css';

// Only the part the drawer's state needs loads: the open form, or the open shift's panel; the
// report tables when a report shows.
const OpenDrawerForm = lazy(() =>
  import('#components/shifts/open-drawer-form.tsx').then((module) => ({ default: module.OpenDrawerForm })),
);
const OpenShiftPanel = lazy(() => import('#components/shifts/open-shift-panel.tsx'));
const ShiftReportView = lazy(() =>
  import('#components/reports/shift-report.tsx').then((module) => ({ default: module.ShiftReportView })),
);

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
  // The count of the close on its way, from the outbox.
  const queuedCount = () => {
    const closingShift = closing();
    if (!closingShift) return null;
    const [queued] = queuedCloses(outboxState(), closingShift.id);
    return queued ? (queued.payload as { p_counted_cash: number }).p_counted_cash : null;
  };
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
      <Suspense fallback={<p class="loading">{m.common_loading()}</p>}>
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
                  <Show when={queuedCount() !== null}>
                    <p>{m.drawer_closing_counted({ amount: ctx().money(queuedCount() ?? 0) })}</p>
                  </Show>
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
                      <StatusBadge status="draft" label={m.drawer_status_closed()} />
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
                  <OpenShiftPanel
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
      </Suspense>
    </main>
  );
}
