import type { Json, Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The drawer's reads. Figures (expected cash, variance, sales) always come from the database's
 * report functions (supabase/migrations/20261121001000_shift_reports.sql, replaced by the sales
 * reports migration): the browser shows them, it never sums them.
 */

export type ShiftRow = Tables<'shifts'>;
export type CashMovement = Tables<'cash_movements'>;

export interface ReportPayments {
  method: string;
  count: number;
  amount: number;
  refunded: number;
  /** Added by the sales reports migration; absent from older databases. */
  tips?: number;
}

export interface ReportCash {
  opening_float: number;
  cash_payments: number;
  cash_refunds: number;
  cash_in: number;
  cash_out: number;
  expected: number;
  counted: number | null;
  variance: number | null;
  variance_reason: string | null;
  variance_note: string | null;
}

export interface ReportSales {
  orders: number;
  subtotal: number;
  tax: number;
  total: number;
  discount?: number;
  average_ticket?: number;
}

export interface ReportCancellation {
  id: string;
  number: number | null;
  status: string;
  total: number;
  reason: string | null;
}

/** `shift_report` / `close_shift`: X while the shift is open, Z once closed. */
export interface ShiftReport {
  kind: 'X' | 'Z';
  shift: ShiftRow;
  from: string;
  to: string;
  cash: ReportCash;
  sales: ReportSales;
  discounts?: { count: number; amount: number };
  tips?: { amount: number };
  sales_by_category: { category: string; qty: number; amount: number }[];
  sales_by_item: { name: string; qty: number; amount: number }[];
  sales_by_hour: { hour: number; orders: number; total: number }[];
  payments_by_method: ReportPayments[];
  refunds: { count: number; amount: number };
  cancellations: { count: number; total: number; orders: ReportCancellation[] };
}

export const shiftKeys = {
  all: (restaurantId: string) => ['shifts', restaurantId] as const,
  report: (restaurantId: string, shiftId: string) => ['shifts', restaurantId, 'report', shiftId] as const,
  movements: (restaurantId: string, shiftId: string) => ['shifts', restaurantId, 'movements', shiftId] as const,
  day: (restaurantId: string, from: string, to: string) => ['shifts', restaurantId, 'day', from, to] as const,
};

/** The report JSON as the database wrote it; numbers may arrive as numbers or numeric strings. */
export function asShiftReport(data: Json): ShiftReport {
  return data as unknown as ShiftReport;
}

export async function fetchShiftReport(shiftId: string): Promise<ShiftReport> {
  return asShiftReport(await read(supabase.rpc('shift_report', { p_shift_id: shiftId })));
}

export const shiftReportQueryOptions = (restaurantId: string, shiftId: string) => ({
  queryKey: shiftKeys.report(restaurantId, shiftId),
  queryFn: () => fetchShiftReport(shiftId),
});

/** The cash put in or taken out during a shift, newest first. */
export const cashMovementsQueryOptions = (restaurantId: string, shiftId: string) => ({
  queryKey: shiftKeys.movements(restaurantId, shiftId),
  queryFn: () =>
    read(
      supabase
        .from('cash_movements')
        .select('*')
        .eq('restaurant_id', restaurantId)
        .eq('shift_id', shiftId)
        .order('created_at', { ascending: false }),
    ),
});

/**
 * The shifts that were open at some point in [from, to): opened before its end and not closed
 * before its start. A cashier reads only their own through the reports (shift_report refuses the others).
 */
export const shiftsBetweenQueryOptions = (restaurantId: string, from: string, to: string) => ({
  queryKey: shiftKeys.day(restaurantId, from, to),
  queryFn: () =>
    read(
      supabase
        .from('shifts')
        .select('*')
        .eq('restaurant_id', restaurantId)
        .lt('opened_at', to)
        .or(`closed_at.is.null,closed_at.gte.${from}`)
        .order('opened_at', { ascending: true }),
    ),
});

/** What the drawer and the reports need from the restaurant: its money and its day. */
export interface CashSettings {
  currency: string;
  exponent: number;
  country: string;
  timezone: string;
  cutoffHour: number;
}

export async function fetchCashSettings(restaurantId: string): Promise<CashSettings> {
  const row = await read(
    supabase
      .from('restaurants')
      .select('currency, country, timezone, business_day_cutoff_hour, currencies(exponent)')
      .eq('id', restaurantId)
      .single(),
  );
  const joined = row.currencies as { exponent: number } | { exponent: number }[] | null;
  const exponent = Array.isArray(joined) ? joined[0]?.exponent : joined?.exponent;
  return {
    currency: row.currency,
    exponent: exponent ?? 0,
    country: row.country,
    timezone: row.timezone,
    cutoffHour: row.business_day_cutoff_hour,
  };
}

export const cashSettingsQueryOptions = (restaurantId: string) => ({
  queryKey: ['cash-settings', restaurantId] as const,
  queryFn: () => fetchCashSettings(restaurantId),
});
