import type { Json } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import type { ReportCancellation, ReportPayments, ReportSales } from '#lib/shifts/queries.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * `public.day_report(p_restaurant_id, p_business_date)` (supabase/migrations, sales reports): the
 * whole business day's figures, computed by SQL for owners and managers. The screens show them as
 * they are; nothing is added up in the browser.
 */
export interface DayReport {
  business_date: string;
  currency: string;
  currency_exponent: number;
  timezone: string;
  sales: ReportSales;
  payments_by_method: ReportPayments[];
  refunds: { count: number; amount: number };
  discounts: { count: number; amount: number };
  tips: { amount: number };
  /** Hours (0–23, the restaurant's local time) with sales only. */
  sales_by_hour: { hour: number; orders: number; total: number }[];
  sales_by_category: { category: string; qty: number; amount: number }[];
  sales_by_item: { name: string; qty: number; amount: number }[];
  /** Who placed the orders; guests' QR orders have no user (name null). */
  sales_by_staff: { user_id: string | null; name: string | null; orders: number; total: number }[];
  sales_by_source: { source: string; orders: number; total: number }[];
  cancellations: { count: number; total: number; orders: ReportCancellation[] };
}

export const reportKeys = {
  day: (restaurantId: string, date: string) => ['reports', restaurantId, 'day', date] as const,
  today: (restaurantId: string) => ['reports', restaurantId, 'today'] as const,
};

type RpcCall = (
  name: 'day_report',
  args: { p_restaurant_id: string; p_business_date: string },
) => PromiseLike<{ data: Json; error: { message: string; code?: string | null } | null; status: number }>;

export async function fetchDayReport(restaurantId: string, date: string): Promise<DayReport> {
  // Typed by hand: database.types.ts may predate the sales reports migration.
  const rpc = supabase.rpc.bind(supabase) as unknown as RpcCall;
  const data = await read(rpc('day_report', { p_restaurant_id: restaurantId, p_business_date: date }));
  return data as unknown as DayReport;
}

/** Today's business day as the database counts it (`p_business_date` omitted: now, the restaurant's zone and cut-off). */
export const todayReportQueryOptions = (restaurantId: string) => ({
  queryKey: reportKeys.today(restaurantId),
  queryFn: async (): Promise<DayReport> => {
    const rpc = supabase.rpc.bind(supabase) as unknown as (
      name: 'day_report',
      args: { p_restaurant_id: string },
    ) => ReturnType<RpcCall>;
    return (await read(rpc('day_report', { p_restaurant_id: restaurantId }))) as unknown as DayReport;
  },
  refetchOnMount: 'always' as const,
});

export const dayReportQueryOptions = (restaurantId: string, date: string) => ({
  queryKey: reportKeys.day(restaurantId, date),
  queryFn: () => fetchDayReport(restaurantId, date),
});
