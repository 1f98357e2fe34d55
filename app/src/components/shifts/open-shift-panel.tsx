import { useQuery } from '@tanstack/solid-query';
import { For, lazy, Show, Suspense } from 'solid-js';
import { CashMovementForm } from '#components/shifts/cash-movement-form.tsx';
import { CloseDrawerForm } from '#components/shifts/close-drawer-form.tsx';
import type { DrawerContext } from '#components/shifts/drawer-context.ts';
import type { DrawerMessage } from '#components/shifts/outcome.ts';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import type { RecordCashMovementPayload } from '#lib/shifts/commands.ts';
import {
  type CashMovement,
  cashMovementsQueryOptions,
  type ShiftReport,
  shiftReportQueryOptions,
} from '#lib/shifts/queries.ts';
import type { VarianceDetails } from '#lib/shifts/variance.ts';
import { online } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

// The report's tables load when the X report is asked for.
const ShiftReportView = lazy(() =>
  import('#components/reports/shift-report.tsx').then((module) => ({ default: module.ShiftReportView })),
);

/** The drawer while a shift is open: cash in/out, what moved, the X report, and closing. */
export default function OpenShiftPanel(props: {
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
                <Suspense fallback={<p class="loading">{m.common_loading()}</p>}>
                  <ShiftReportView
                    report={data()}
                    format={{
                      money: props.context.money,
                      timeZone: props.context.timeZone,
                      locale: props.context.locale,
                    }}
                  />
                </Suspense>
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
