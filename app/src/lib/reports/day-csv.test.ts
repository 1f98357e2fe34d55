import { describe, expect, it } from 'vitest';
import { type DayCsvLabels, dayReportCsv } from '#lib/reports/day-csv.ts';
import type { DayReport } from '#lib/reports/queries.ts';

const labels: DayCsvLabels = {
  title: 'Day report',
  section: {
    summary: 'Summary',
    hours: 'Hours',
    categories: 'Categories',
    items: 'Items',
    staff: 'Staff',
    sources: 'Sources',
    payments: 'Payments',
    cancellations: 'Cancellations',
  },
  column: {
    figure: 'Figure',
    value: 'Value',
    hour: 'Hour',
    orders: 'Orders',
    total: 'Total',
    category: 'Category',
    item: 'Item',
    qty: 'Qty',
    amount: 'Amount',
    staff: 'Staff',
    source: 'Source',
    method: 'Method',
    count: 'Count',
    refunded: 'Refunded',
    tips: 'Tips',
    number: 'Number',
    status: 'Status',
    reason: 'Reason',
  },
  figure: {
    orders: 'Orders',
    subtotal: 'Subtotal',
    discounts: 'Discounts',
    tax: 'Tax',
    total: 'Sales',
    averageTicket: 'Average',
    tips: 'Tips',
    refunds: 'Refunds',
    refundCount: 'Refund count',
    cancellations: 'Cancellations',
    cancellationTotal: 'Cancelled total',
  },
  guest: 'Guests',
  method: (method) => `m:${method}`,
  source: (source) => `s:${source}`,
  status: (status) => `st:${status}`,
  hour: (hour) => `${hour}h`,
};

const report: DayReport = {
  business_date: '2026-12-01',
  currency: 'EUR',
  currency_exponent: 2,
  timezone: 'Europe/Paris',
  sales: { orders: 2, subtotal: 2500, discount: 250, tax: 409, total: 2250, average_ticket: 1125 },
  payments_by_method: [{ method: 'cash', count: 2, amount: 2250, refunded: 500, tips: 100 }],
  refunds: { count: 1, amount: 500 },
  discounts: { count: 1, amount: 250 },
  tips: { amount: 100 },
  sales_by_hour: [{ hour: 12, orders: 2, total: 2250 }],
  sales_by_category: [{ category: 'Plats, chauds', qty: 2, amount: 2500 }],
  sales_by_item: [{ name: '=Poulet "DG"', qty: 2, amount: 2500 }],
  sales_by_staff: [
    { user_id: 'u1', name: 'Awa', orders: 1, total: 1000 },
    { user_id: null, name: null, orders: 1, total: 1250 },
  ],
  sales_by_source: [{ source: 'qr', orders: 1, total: 1250 }],
  cancellations: {
    count: 1,
    total: 800,
    orders: [{ id: 'o1', number: 7, status: 'cancelled', total: 800, reason: 'Client parti, pas payé' }],
  },
};

describe('dayReportCsv', () => {
  it('writes every section with the database figures in decimals of the currency', () => {
    const csv = dayReportCsv(report, labels);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Day report,2026-12-01,EUR');
    expect(lines).toContain('Subtotal,25.00');
    expect(lines).toContain('Discounts,2.50');
    expect(lines).toContain('Sales,22.50');
    expect(lines).toContain('Average,11.25');
    expect(lines).toContain('Refund count,1');
    expect(lines).toContain('12h,2,22.50');
    expect(lines).toContain('"Plats, chauds",2,25.00');
    expect(lines).toContain(`"'=Poulet ""DG""",2,25.00`);
    expect(lines).toContain('Guests,1,12.50');
    expect(lines).toContain('s:qr,1,12.50');
    expect(lines).toContain('m:cash,2,22.50,5.00,1.00');
    expect(lines).toContain('7,st:cancelled,8.00,"Client parti, pas payé"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.endsWith('\r\n\r\n')).toBe(false);
  });

  it('writes XOF amounts as whole numbers', () => {
    const csv = dayReportCsv({ ...report, currency: 'XOF', currency_exponent: 0 }, labels);
    expect(csv.split('\r\n')).toContain('Subtotal,2500');
  });
});
