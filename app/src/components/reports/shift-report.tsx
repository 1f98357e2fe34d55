import { Show } from 'solid-js';
import { methodLabel, varianceReasonLabel } from '#components/reports/labels.ts';
import { Figures, ReportTable } from '#components/reports/report-table.tsx';
import { Variance } from '#components/reports/variance.tsx';
import { StatusBadge } from '#components/ui/status-badge.tsx';
import { formatDateTime } from '#lib/format/datetime.ts';
import type { ShiftReport } from '#lib/shifts/queries.ts';
import * as m from '#paraglide/messages.js';

export interface ReportFormat {
  money: (minor: number) => string;
  timeZone: string;
  locale: string;
}

/**
 * A shift's X report (open) or Z report (closed), exactly as `shift_report` / `close_shift`
 * computed it: the drawer's cash, the sales while it was open, payments by method, refunds,
 * discounts, tips and cancellations. Nothing is summed here.
 */
export function ShiftReportView(props: { report: ShiftReport; format: ReportFormat; headingLevel?: 2 | 3 }) {
  const money = (value: number | null | undefined) => props.format.money(Number(value ?? 0));
  const when = (instant: string) =>
    formatDateTime(instant, { timeZone: props.format.timeZone, locale: props.format.locale });
  const cash = () => props.report.cash;
  const closed = () => props.report.kind === 'Z';
  const Heading = (heading: { children: string }) =>
    props.headingLevel === 3 ? <h4>{heading.children}</h4> : <h3>{heading.children}</h3>;
  return (
    <section class="shift-report" aria-label={closed() ? m.report_z_title() : m.report_x_title()}>
      <p class="shift-report-head">
        <StatusBadge
          status={closed() ? 'completed' : 'ready'}
          label={closed() ? m.report_z_badge() : m.report_x_badge()}
        />
        <span>
          {m.report_period({
            from: when(props.report.from),
            to: when(props.report.to),
          })}
        </span>
      </p>
      <Heading>{m.report_cash_title()}</Heading>
      <Figures
        items={[
          { label: m.report_cash_opening_float(), value: money(cash().opening_float) },
          { label: m.report_cash_payments(), value: money(cash().cash_payments) },
          { label: m.report_cash_refunds(), value: money(cash().cash_refunds) },
          { label: m.report_cash_in(), value: money(cash().cash_in) },
          { label: m.report_cash_out(), value: money(cash().cash_out) },
          { label: m.report_cash_expected(), value: money(cash().expected), strong: true },
          ...(closed()
            ? [
                { label: m.report_cash_counted(), value: money(cash().counted), strong: true },
                {
                  label: m.report_cash_variance(),
                  value: (
                    <span class="variance-value">
                      <span>{money(cash().variance)}</span>
                      <Variance variance={Number(cash().variance ?? 0)} money={props.format.money} />
                    </span>
                  ),
                  strong: true,
                },
              ]
            : []),
        ]}
      />
      <Show when={closed() && cash().variance_reason}>
        {(reason) => (
          <p class="shift-report-reason">
            {m.report_variance_reason({ reason: varianceReasonLabel(reason()) })}
            <Show when={cash().variance_note}>{(note) => <> — {note()}</>}</Show>
          </p>
        )}
      </Show>
      <Heading>{m.report_sales_title()}</Heading>
      <Figures
        items={[
          { label: m.report_orders(), value: String(props.report.sales.orders) },
          { label: m.report_subtotal(), value: money(props.report.sales.subtotal) },
          { label: m.report_discounts(), value: money(props.report.discounts?.amount ?? props.report.sales.discount) },
          { label: m.report_tax(), value: money(props.report.sales.tax) },
          { label: m.report_total(), value: money(props.report.sales.total), strong: true },
          ...(props.report.sales.average_ticket !== undefined
            ? [{ label: m.report_average_ticket(), value: money(props.report.sales.average_ticket) }]
            : []),
          { label: m.report_tips(), value: money(props.report.tips?.amount) },
          {
            label: m.report_refunds(),
            value: m.report_count_amount({
              count: props.report.refunds.count,
              amount: money(props.report.refunds.amount),
            }),
          },
          {
            label: m.report_cancellations(),
            value: m.report_count_amount({
              count: props.report.cancellations.count,
              amount: money(props.report.cancellations.total),
            }),
          },
        ]}
      />
      <ReportTable
        caption={m.report_payments_title()}
        columns={[
          { label: m.report_col_method() },
          { label: m.report_col_count(), numeric: true },
          { label: m.report_col_amount(), numeric: true },
          { label: m.report_col_refunded(), numeric: true },
          { label: m.report_col_tips(), numeric: true },
        ]}
        rows={props.report.payments_by_method.map((row) => [
          methodLabel(row.method),
          String(row.count),
          money(row.amount),
          money(row.refunded),
          money(row.tips),
        ])}
      />
    </section>
  );
}
