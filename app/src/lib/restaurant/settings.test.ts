import { describe, expect, it } from 'vitest';
import type { Restaurant } from '#lib/restaurant/queries.ts';
import { settingsFormOf, settingsUpdate } from '#lib/restaurant/settings.ts';

const row: Restaurant = {
  id: 'a0000000-0000-4000-8000-000000000001',
  slug: 'chez-awa',
  name: 'Maquis Chez Awa',
  country: 'CI',
  timezone: 'Africa/Abidjan',
  currency: 'XOF',
  locale: 'fr-CI',
  tax_mode: 'inclusive',
  tax_rate_bp: 1800,
  business_day_cutoff_hour: 4,
  receipt_header: 'Bienvenue',
  receipt_footer: 'Merci',
  guest_ordering: 'draft_first',
  auto_print_receipts: false,
  cashier_discount_limit_bp: 0,
  menu_version: 3,
  kds_warn_minutes: 5,
  kds_late_minutes: 10,
  guest_orders_per_guest: 5,
  guest_lines_per_order: 30,
  guest_open_drafts_per_table: 20,
  guest_orders_per_hour: 300,
  guest_requests_per_guest: 6,
  board_token: 'board-token',
  board_token_rotated_at: '2026-01-01T00:00:00Z',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const french = (bp: number) => new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(bp / 100);

describe('settingsUpdate', () => {
  it('round-trips an unchanged restaurant and never sends the currency', () => {
    const result = settingsUpdate(settingsFormOf(row, french));
    expect(result).toEqual({
      ok: true,
      update: {
        name: 'Maquis Chez Awa',
        country: 'CI',
        timezone: 'Africa/Abidjan',
        locale: 'fr-CI',
        tax_mode: 'inclusive',
        tax_rate_bp: 1800,
        business_day_cutoff_hour: 4,
        guest_ordering: 'draft_first',
        receipt_header: 'Bienvenue',
        receipt_footer: 'Merci',
        kds_warn_minutes: 5,
        kds_late_minutes: 10,
        cashier_discount_limit_bp: 0,
        guest_orders_per_guest: 5,
        guest_lines_per_order: 30,
        guest_open_drafts_per_table: 20,
        guest_orders_per_hour: 300,
        guest_requests_per_guest: 6,
      },
    });
  });

  it('keeps each guest limit a whole number within the database’s range', () => {
    const form = settingsFormOf(row, french);
    expect(
      settingsUpdate({
        ...form,
        guestOrdersPerGuest: 0,
        guestLinesPerOrder: 101,
        guestOpenDraftsPerTable: 2.5,
        guestOrdersPerHour: Number.NaN,
        guestRequestsPerGuest: 51,
      }),
    ).toEqual({
      ok: false,
      errors: {
        guestOrdersPerGuest: { code: 'guest_limit_range', min: 1, max: 50 },
        guestLinesPerOrder: { code: 'guest_limit_range', min: 1, max: 100 },
        guestOpenDraftsPerTable: { code: 'guest_limit_range', min: 1, max: 100 },
        guestOrdersPerHour: { code: 'guest_limit_range', min: 1, max: 5000 },
        guestRequestsPerGuest: { code: 'guest_limit_range', min: 1, max: 50 },
      },
    });
    const edges = settingsUpdate({
      ...form,
      guestOrdersPerGuest: 50,
      guestLinesPerOrder: 1,
      guestOpenDraftsPerTable: 100,
      guestOrdersPerHour: 5000,
      guestRequestsPerGuest: 1,
    });
    expect(
      edges.ok && [
        edges.update.guest_orders_per_guest,
        edges.update.guest_lines_per_order,
        edges.update.guest_open_drafts_per_table,
        edges.update.guest_orders_per_hour,
        edges.update.guest_requests_per_guest,
      ],
    ).toEqual([50, 1, 100, 5000, 1]);
  });

  it('reads the cashiers’ discount limit as a percentage, 0 to 100', () => {
    const form = settingsFormOf({ ...row, cashier_discount_limit_bp: 1250 }, french);
    expect(form.cashierDiscountLimit).toBe('12,5');
    const ok = settingsUpdate({ ...form, cashierDiscountLimit: '7,5 %' });
    expect(ok.ok && ok.update.cashier_discount_limit_bp).toBe(750);
    expect(settingsUpdate({ ...form, cashierDiscountLimit: '101' })).toEqual({
      ok: false,
      errors: { cashierDiscountLimit: { code: 'tax_rate_range' } },
    });
    expect(settingsUpdate({ ...form, cashierDiscountLimit: '' })).toEqual({
      ok: false,
      errors: { cashierDiscountLimit: { code: 'required' } },
    });
  });

  it('keeps the kitchen ticket colours in order: amber before red, 1 to 240 minutes', () => {
    const form = settingsFormOf(row, french);
    expect(settingsUpdate({ ...form, kdsWarnMinutes: 10, kdsLateMinutes: 10 })).toEqual({
      ok: false,
      errors: { kdsLateMinutes: { code: 'kds_thresholds' } },
    });
    expect(settingsUpdate({ ...form, kdsLateMinutes: 241 }).ok).toBe(false);
    expect(settingsUpdate({ ...form, kdsWarnMinutes: 0 }).ok).toBe(false);
    const ok = settingsUpdate({ ...form, kdsWarnMinutes: 8, kdsLateMinutes: 15 });
    expect(ok.ok && [ok.update.kds_warn_minutes, ok.update.kds_late_minutes]).toEqual([8, 15]);
  });

  it('reads a French decimal rate', () => {
    const result = settingsUpdate({ ...settingsFormOf(row, french), taxRate: '5,5' });
    expect(result.ok && result.update.tax_rate_bp).toBe(550);
  });

  it('reports every wrong field at once and sends nothing', () => {
    const result = settingsUpdate({
      ...settingsFormOf(row, french),
      name: ' ',
      taxRate: '101',
      receiptFooter: 'x'.repeat(501),
      timezone: 'Atlantis/Capital',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: { code: 'required' },
        taxRate: { code: 'tax_rate_range' },
        receiptFooter: { code: 'too_long', max: 500 },
        timezone: { code: 'timezone_unknown' },
      },
    });
  });
});
