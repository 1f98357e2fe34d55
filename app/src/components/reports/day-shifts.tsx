import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { type ReportFormat, ShiftReportView } from '#components/reports/shift-report.tsx';
import { Variance } from '#components/reports/variance.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import { type ShiftRow, shiftReportQueryOptions, shiftsBetweenQueryOptions } from '#lib/shifts/queries.ts';
import * as m from '#paraglide/messages.js';

/** The shifts open at some point of the business day, each with its X or Z report on demand. */
export function DayShifts(props: { restaurantId: string; from: string; to: string; format: ReportFormat }) {
  const shifts = useQuery(() => shiftsBetweenQueryOptions(props.restaurantId, props.from, props.to));
  return (
    <section class="reports-section" aria-labelledby="report-shifts-title">
      <h2 id="report-shifts-title">{m.report_shifts_title()}</h2>
      <Show
        when={shifts.data}
        fallback={<p class="loading">{shifts.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="notice subtle">{m.report_shifts_none()}</p>}>
            <ul class="reports-shifts">
              <For each={rows()}>
                {(shift) => <ShiftEntry restaurantId={props.restaurantId} shift={shift} format={props.format} />}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

function ShiftEntry(props: { restaurantId: string; shift: ShiftRow; format: ReportFormat }) {
  const [open, setOpen] = createSignal(false);
  const report = useQuery(() => ({
    ...shiftReportQueryOptions(props.restaurantId, props.shift.id),
    enabled: open(),
  }));
  const when = (instant: string) =>
    formatDateTime(instant, { timeZone: props.format.timeZone, locale: props.format.locale });
  const closed = () => props.shift.closed_at !== null;
  return (
    <li class="reports-shift" data-shift-id={props.shift.id}>
      <div class="reports-shift-head">
        <StatusBadge
          status={closed() ? 'completed' : 'ready'}
          label={closed() ? m.report_shift_closed() : m.report_shift_open()}
        />
        <span>
          {closed()
            ? m.report_period({ from: when(props.shift.opened_at), to: when(props.shift.closed_at ?? '') })
            : m.report_shift_since({ from: when(props.shift.opened_at) })}
        </span>
        <Show when={closed() && props.shift.variance !== null}>
          <Variance variance={Number(props.shift.variance)} money={props.format.money} />
        </Show>
        <button type="button" class="secondary" aria-expanded={open()} onClick={() => setOpen((shown) => !shown)}>
          {open() ? m.report_shift_hide() : closed() ? m.report_shift_show_z() : m.report_shift_show_x()}
        </button>
      </div>
      <Show when={open()}>
        <Show
          when={report.data}
          fallback={<p class="loading">{report.isError ? m.common_load_failed() : m.common_loading()}</p>}
        >
          {(data) => <ShiftReportView report={data()} format={props.format} headingLevel={3} />}
        </Show>
      </Show>
    </li>
  );
}
