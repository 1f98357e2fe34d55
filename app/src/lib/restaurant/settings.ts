import type { Restaurant } from '#lib/restaurant/queries.ts';
import {
  type GuestLimitField,
  guestLimits,
  parseTaxRate,
  type RestaurantFieldError,
  validateCutoffHour,
  validateGuestLimit,
  validateKdsThresholds,
  validateName,
  validateReceiptText,
  validateTimeZone,
} from '#lib/restaurant/validation.ts';

/** The settings form as typed; the tax rate is still text. */
export interface SettingsForm {
  name: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
  taxMode: Restaurant['tax_mode'];
  taxRate: string;
  cutoffHour: number;
  guestOrdering: Restaurant['guest_ordering'];
  receiptHeader: string;
  receiptFooter: string;
  /** Kitchen display: minutes before a ticket turns amber, then red. */
  kdsWarnMinutes: number;
  kdsLateMinutes: number;
  /** The share of an order's subtotal a cashier may discount, as typed (a percentage, like the tax rate). */
  cashierDiscountLimit: string;
  /** What one QR code may send (owners only; supabase/migrations/20261203000100_guest_limits.sql). */
  guestOrdersPerGuest: number;
  guestLinesPerOrder: number;
  guestOpenDraftsPerTable: number;
  guestOrdersPerHour: number;
  guestRequestsPerGuest: number;
}

export type SettingsField = keyof SettingsForm;

export function settingsFormOf(restaurant: Restaurant, formatRate: (bp: number) => string): SettingsForm {
  return {
    name: restaurant.name,
    country: restaurant.country,
    currency: restaurant.currency,
    timezone: restaurant.timezone,
    locale: restaurant.locale,
    taxMode: restaurant.tax_mode,
    taxRate: formatRate(restaurant.tax_rate_bp),
    cutoffHour: restaurant.business_day_cutoff_hour,
    guestOrdering: restaurant.guest_ordering,
    receiptHeader: restaurant.receipt_header,
    receiptFooter: restaurant.receipt_footer,
    kdsWarnMinutes: restaurant.kds_warn_minutes,
    kdsLateMinutes: restaurant.kds_late_minutes,
    cashierDiscountLimit: formatRate(restaurant.cashier_discount_limit_bp),
    guestOrdersPerGuest: restaurant.guest_orders_per_guest,
    guestLinesPerOrder: restaurant.guest_lines_per_order,
    guestOpenDraftsPerTable: restaurant.guest_open_drafts_per_table,
    guestOrdersPerHour: restaurant.guest_orders_per_hour,
    guestRequestsPerGuest: restaurant.guest_requests_per_guest,
  };
}

/**
 * Validates the whole form and, when it is fine, answers the columns to update. The currency is
 * never sent: the database grants no update on it (changing it would corrupt past orders' money).
 */
export function settingsUpdate(
  form: SettingsForm,
):
  | { ok: true; update: Partial<Restaurant> }
  | { ok: false; errors: Partial<Record<SettingsField, RestaurantFieldError>> } {
  const errors: Partial<Record<SettingsField, RestaurantFieldError>> = {};
  const put = (field: SettingsField, error: RestaurantFieldError | null) => {
    if (error) errors[field] = error;
  };
  put('name', validateName(form.name));
  put('country', /^[A-Z]{2}$/.test(form.country) ? null : { code: 'required' });
  put('timezone', validateTimeZone(form.timezone));
  put('locale', form.locale === '' ? { code: 'required' } : null);
  const rate = parseTaxRate(form.taxRate);
  put('taxRate', rate.ok ? null : rate.error);
  put('cutoffHour', validateCutoffHour(form.cutoffHour));
  put('receiptHeader', validateReceiptText(form.receiptHeader));
  put('receiptFooter', validateReceiptText(form.receiptFooter));
  put('kdsLateMinutes', validateKdsThresholds(form.kdsWarnMinutes, form.kdsLateMinutes));
  // A percentage from 0 to 100 with at most two decimals, exactly like the tax rate.
  const limit = parseTaxRate(form.cashierDiscountLimit);
  put('cashierDiscountLimit', limit.ok ? null : limit.error);
  for (const field of guestLimitFields) put(field, validateGuestLimit(field, form[field]));
  if (!rate.ok || !limit.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    update: {
      name: form.name.trim(),
      country: form.country,
      timezone: form.timezone,
      locale: form.locale,
      tax_mode: form.taxMode,
      tax_rate_bp: rate.bp,
      business_day_cutoff_hour: form.cutoffHour,
      guest_ordering: form.guestOrdering,
      receipt_header: form.receiptHeader,
      receipt_footer: form.receiptFooter,
      kds_warn_minutes: form.kdsWarnMinutes,
      kds_late_minutes: form.kdsLateMinutes,
      // Only owners may change it (the database answers a manager 'forbidden'); unchanged, it is no change.
      cashier_discount_limit_bp: limit.bp,
      // Owners only, like the discount limit: unchanged values are no change for a manager.
      guest_orders_per_guest: form.guestOrdersPerGuest,
      guest_lines_per_order: form.guestLinesPerOrder,
      guest_open_drafts_per_table: form.guestOpenDraftsPerTable,
      guest_orders_per_hour: form.guestOrdersPerHour,
      guest_requests_per_guest: form.guestRequestsPerGuest,
    },
  };
}

const guestLimitFields = Object.keys(guestLimits) as GuestLimitField[];
