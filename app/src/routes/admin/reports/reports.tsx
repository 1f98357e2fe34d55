import { useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, Show } from 'solid-js';
import { DayReportView } from '#components/reports/day-report.tsx';
import { DayShifts } from '#components/reports/day-shifts.tsx';
import { cancellationStatusLabel, methodLabel, sourceLabel } from '#components/reports/labels.ts';
import { Field } from '#components/ui/field.tsx';
import { formatDate } from '#lib/format/datetime.ts';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { downloadCsv } from '#lib/reports/csv.ts';
import { businessDayBounds, currentBusinessDate, isIsoDate } from '#lib/reports/dates.ts';
import { type DayCsvLabels, dayReportCsv } from '#lib/reports/day-csv.ts';
import { hourRange } from '#lib/reports/hours.ts';
import { type DayReport, dayReportQueryOptions } from '#lib/reports/queries.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { describeShiftFailure } from '#lib/shifts/errors.ts';
import { cashSettingsQueryOptions } from '#lib/shifts/queries.ts';
import * as m from '#paraglide/messages.js';
import '#components/reports/reports.css';

/**
 * The day report (`/admin/reports?date=YYYY-MM-DD`, owners and managers): a business date's sales
 * by hour (a chart and its table), category, item, staff and source, payments by method, discounts,
 * tips, tax, refunds and cancellations with their reasons, all from `day_report`; the day's shifts
 * with their X/Z reports from `shift_report`. Printable, and downloadable as CSV.
 */
export default function Reports() {
  const membership = useAdminRestaurant();
  const restaurantId = () => membership().restaurantId;
  const settings = useQuery(() => cashSettingsQueryOptions(restaurantId()));
  const [params, setParams] = useSearchParams<{ date?: string }>();
  const date = createMemo(() => {
    const chosen = params.date;
    if (chosen && isIsoDate(chosen)) return chosen;
    const known = settings.data;
    return known ? currentBusinessDate(new Date(), known.cutoffHour, known.timezone) : null;
  });
  const report = useQuery(() => ({
    ...dayReportQueryOptions(restaurantId(), date() ?? ''),
    enabled: date() !== null,
  }));
  const money = (data: DayReport) => (minor: number) =>
    formatMoney(
      minor,
      { code: data.currency, exponent: data.currency_exponent, region: settings.data?.country ?? '' },
      currentLocale(),
    );
  const bounds = () => {
    const known = settings.data;
    const day = date();
    return known && day ? businessDayBounds(day, known.cutoffHour, known.timezone) : null;
  };

  const exportCsv = (data: DayReport) =>
    downloadCsv(
      `comanda-${membership().name.replace(/[^\p{L}\p{N}]+/gu, '-')}-${data.business_date}.csv`,
      dayReportCsv(data, csvLabels()),
    );

  return (
    <main id="main" class="reports">
      <h1>{m.report_title()}</h1>
      <div class="reports-toolbar">
        <Field
          id="report-date"
          label={m.report_date_label()}
          type="date"
          value={date() ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isIsoDate(value)) setParams({ date: value });
          }}
        />
        <button type="button" class="secondary" onClick={() => window.print()} disabled={!report.data}>
          {m.report_print()}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={!report.data}
          onClick={() => {
            if (report.data) exportCsv(report.data);
          }}
        >
          {m.report_csv()}
        </button>
      </div>
      <Show
        when={report.data}
        fallback={
          <p class={report.isError ? 'notice error' : 'loading'} role={report.isError ? 'alert' : undefined}>
            {report.isError ? describeShiftFailure({ code: report.error?.message ?? '' }) : m.common_loading()}
          </p>
        }
      >
        {(data) => (
          <>
            <p class="report-heading">
              {m.report_heading({
                date: formatDate(`${data().business_date}T12:00:00Z`, { timeZone: 'UTC', locale: currentLocale() }),
                restaurant: membership().name,
              })}
            </p>
            <DayReportView report={data()} money={money(data())} />
            <Show when={bounds()}>
              {(range) => (
                <DayShifts
                  restaurantId={restaurantId()}
                  from={range().from}
                  to={range().to}
                  format={{ money: money(data()), timeZone: data().timezone, locale: currentLocale() }}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}

function csvLabels(): DayCsvLabels {
  return {
    title: m.report_title(),
    section: {
      summary: m.report_summary_title(),
      hours: m.report_hours_title(),
      categories: m.report_categories_title(),
      items: m.report_items_title(),
      staff: m.report_staff_title(),
      sources: m.report_sources_title(),
      payments: m.report_payments_title(),
      cancellations: m.report_cancellations(),
    },
    column: {
      figure: m.report_col_figure(),
      value: m.report_col_value(),
      hour: m.report_col_hour(),
      orders: m.report_col_orders(),
      total: m.report_col_total(),
      category: m.report_col_category(),
      item: m.report_col_item(),
      qty: m.report_col_qty(),
      amount: m.report_col_amount(),
      staff: m.report_col_staff(),
      source: m.report_col_source(),
      method: m.report_col_method(),
      count: m.report_col_count(),
      refunded: m.report_col_refunded(),
      tips: m.report_col_tips(),
      number: m.report_col_number(),
      status: m.report_col_status(),
      reason: m.report_col_reason(),
    },
    figure: {
      orders: m.report_orders(),
      subtotal: m.report_subtotal(),
      discounts: m.report_discounts(),
      tax: m.report_tax(),
      total: m.report_total(),
      averageTicket: m.report_average_ticket(),
      tips: m.report_tips(),
      refunds: m.report_refunds(),
      refundCount: m.report_refund_count(),
      cancellations: m.report_cancellations(),
      cancellationTotal: m.report_cancellation_total(),
    },
    guest: m.report_guest(),
    method: methodLabel,
    source: sourceLabel,
    status: cancellationStatusLabel,
    hour: hourRange,
  };
}
