import { For, Show } from 'solid-js';
import { cancellationStatusLabel, methodLabel, sourceLabel } from '#components/reports/labels.ts';
import { Figures, ReportTable } from '#components/reports/report-table.tsx';
import { BarChart } from '#components/ui/bar-chart.tsx';
import { hourRange, hourSlots } from '#lib/reports/hours.ts';
import type { DayReport } from '#lib/reports/queries.ts';
import * as m from '#paraglide/messages.js';

/** A day's figures from `day_report`, as tables and the sales-by-hour chart. */
export function DayReportView(props: { report: DayReport; money: (minor: number) => string }) {
  const money = (value: number | null | undefined) => props.money(Number(value ?? 0));
  const report = () => props.report;
  const hours = () => report().sales_by_hour;
  const busiest = () => [...hours()].sort((a, b) => b.total - a.total || a.hour - b.hour)[0];
  return (
    <>
      <section class="reports-section" aria-labelledby="report-summary-title">
        <h2 id="report-summary-title">{m.report_summary_title()}</h2>
        <Figures
          items={[
            { label: m.report_orders(), value: String(report().sales.orders) },
            { label: m.report_subtotal(), value: money(report().sales.subtotal) },
            {
              label: m.report_discounts(),
              value: m.report_count_amount({
                count: report().discounts.count,
                amount: money(report().discounts.amount),
              }),
            },
            { label: m.report_tax(), value: money(report().sales.tax) },
            { label: m.report_total(), value: money(report().sales.total), strong: true },
            { label: m.report_average_ticket(), value: money(report().sales.average_ticket) },
            { label: m.report_tips(), value: money(report().tips.amount) },
            {
              label: m.report_refunds(),
              value: m.report_count_amount({ count: report().refunds.count, amount: money(report().refunds.amount) }),
            },
            {
              label: m.report_cancellations(),
              value: m.report_count_amount({
                count: report().cancellations.count,
                amount: money(report().cancellations.total),
              }),
            },
          ]}
        />
      </section>
      <section class="reports-section" aria-labelledby="report-hours-title">
        <h2 id="report-hours-title">{m.report_hours_title()}</h2>
        <Show when={hours().length > 0} fallback={<p class="notice subtle">{m.report_none()}</p>}>
          <BarChart
            title={m.report_hours_title()}
            summary={m.report_hours_summary({
              hours: hours().length,
              busiest: hourRange(busiest()?.hour ?? 0),
              total: money(busiest()?.total),
            })}
            bars={hourSlots(hours()).map((row) => ({
              label: String(row.hour),
              value: Number(row.total),
              description: m.report_hour_bar({
                hour: hourRange(row.hour),
                orders: row.orders,
                total: money(row.total),
              }),
            }))}
          />
          <ReportTable
            caption={m.report_hours_table()}
            columns={[
              { label: m.report_col_hour() },
              { label: m.report_col_orders(), numeric: true },
              { label: m.report_col_total(), numeric: true },
            ]}
            rows={hours().map((row) => [hourRange(row.hour), String(row.orders), money(row.total)])}
          />
        </Show>
      </section>
      <section class="reports-section" aria-labelledby="report-breakdown-title">
        <h2 id="report-breakdown-title">{m.report_breakdown_title()}</h2>
        <ReportTable
          caption={m.report_categories_title()}
          columns={[
            { label: m.report_col_category() },
            { label: m.report_col_qty(), numeric: true },
            { label: m.report_col_amount(), numeric: true },
          ]}
          rows={report().sales_by_category.map((row) => [row.category, String(row.qty), money(row.amount)])}
        />
        <ReportTable
          caption={m.report_items_title()}
          columns={[
            { label: m.report_col_item() },
            { label: m.report_col_qty(), numeric: true },
            { label: m.report_col_amount(), numeric: true },
          ]}
          rows={report().sales_by_item.map((row) => [row.name, String(row.qty), money(row.amount)])}
        />
        <ReportTable
          caption={m.report_staff_title()}
          columns={[
            { label: m.report_col_staff() },
            { label: m.report_col_orders(), numeric: true },
            { label: m.report_col_total(), numeric: true },
          ]}
          rows={report().sales_by_staff.map((row) => [
            row.name ?? m.report_guest(),
            String(row.orders),
            money(row.total),
          ])}
        />
        <ReportTable
          caption={m.report_sources_title()}
          columns={[
            { label: m.report_col_source() },
            { label: m.report_col_orders(), numeric: true },
            { label: m.report_col_total(), numeric: true },
          ]}
          rows={report().sales_by_source.map((row) => [sourceLabel(row.source), String(row.orders), money(row.total)])}
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
          rows={report().payments_by_method.map((row) => [
            methodLabel(row.method),
            String(row.count),
            money(row.amount),
            money(row.refunded),
            money(row.tips),
          ])}
        />
      </section>
      <section class="reports-section" aria-labelledby="report-cancellations-title">
        <h2 id="report-cancellations-title">{m.report_cancellations()}</h2>
        <Show when={report().cancellations.orders.length > 0} fallback={<p class="notice subtle">{m.report_none()}</p>}>
          <ul class="report-cancellations">
            <For each={report().cancellations.orders}>
              {(order) => (
                <li>
                  <strong>{order.number === null ? '—' : `#${order.number}`}</strong>{' '}
                  {cancellationStatusLabel(order.status)} · {money(order.total)}
                  <Show when={order.reason}>{(reason) => <> — {reason()}</>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
