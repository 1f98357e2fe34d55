import { type CsvCell, decimalAmount, toCsv } from '#lib/reports/csv.ts';
import type { DayReport } from '#lib/reports/queries.ts';

/** The words the CSV uses, in the person's language (the screen passes its messages). */
export interface DayCsvLabels {
  title: string;
  section: {
    summary: string;
    hours: string;
    categories: string;
    items: string;
    staff: string;
    sources: string;
    payments: string;
    cancellations: string;
  };
  column: {
    figure: string;
    value: string;
    hour: string;
    orders: string;
    total: string;
    category: string;
    item: string;
    qty: string;
    amount: string;
    staff: string;
    source: string;
    method: string;
    count: string;
    refunded: string;
    tips: string;
    number: string;
    status: string;
    reason: string;
  };
  figure: {
    orders: string;
    subtotal: string;
    discounts: string;
    tax: string;
    total: string;
    averageTicket: string;
    tips: string;
    refunds: string;
    refundCount: string;
    cancellations: string;
    cancellationTotal: string;
  };
  guest: string;
  method: (method: string) => string;
  source: (source: string) => string;
  status: (status: string) => string;
  hour: (hour: number) => string;
}

/**
 * The day report as one CSV file, section after section (a title row, a header row, the rows,
 * a blank line), every figure from the database's report in plain decimals of the currency.
 */
export function dayReportCsv(report: DayReport, labels: DayCsvLabels): string {
  const money = (minor: number | null | undefined) =>
    decimalAmount(Math.trunc(Number(minor ?? 0)), report.currency_exponent);
  const { column, figure, section } = labels;
  const rows: CsvCell[][] = [[labels.title, report.business_date, report.currency], []];
  const add = (title: string, header: CsvCell[], body: CsvCell[][]) => {
    rows.push([title], header, ...body, []);
  };
  add(
    section.summary,
    [column.figure, column.value],
    [
      [figure.orders, report.sales.orders],
      [figure.subtotal, money(report.sales.subtotal)],
      [figure.discounts, money(report.discounts.amount)],
      [figure.tax, money(report.sales.tax)],
      [figure.total, money(report.sales.total)],
      [figure.averageTicket, money(report.sales.average_ticket)],
      [figure.tips, money(report.tips.amount)],
      [figure.refundCount, report.refunds.count],
      [figure.refunds, money(report.refunds.amount)],
      [figure.cancellations, report.cancellations.count],
      [figure.cancellationTotal, money(report.cancellations.total)],
    ],
  );
  add(
    section.hours,
    [column.hour, column.orders, column.total],
    report.sales_by_hour.map((row) => [labels.hour(row.hour), row.orders, money(row.total)]),
  );
  add(
    section.categories,
    [column.category, column.qty, column.amount],
    report.sales_by_category.map((row) => [row.category, row.qty, money(row.amount)]),
  );
  add(
    section.items,
    [column.item, column.qty, column.amount],
    report.sales_by_item.map((row) => [row.name, row.qty, money(row.amount)]),
  );
  add(
    section.staff,
    [column.staff, column.orders, column.total],
    report.sales_by_staff.map((row) => [row.name ?? labels.guest, row.orders, money(row.total)]),
  );
  add(
    section.sources,
    [column.source, column.orders, column.total],
    report.sales_by_source.map((row) => [labels.source(row.source), row.orders, money(row.total)]),
  );
  add(
    section.payments,
    [column.method, column.count, column.amount, column.refunded, column.tips],
    report.payments_by_method.map((row) => [
      labels.method(row.method),
      row.count,
      money(row.amount),
      money(row.refunded),
      money(row.tips),
    ]),
  );
  add(
    section.cancellations,
    [column.number, column.status, column.total, column.reason],
    report.cancellations.orders.map((row) => [row.number, labels.status(row.status), money(row.total), row.reason]),
  );
  // No blank record at the very end.
  rows.pop();
  return toCsv(rows);
}
