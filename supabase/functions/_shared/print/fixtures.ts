/** Payloads shaped like the database's (private.ticket_payload) for the layout tests. */

import type { PrintLine, PrintPayment, TestPagePayload, TicketPayload } from './types.ts';

export type Currency = 'XOF' | 'EUR' | 'IDR' | 'ARS';

interface Setting {
  locale: string;
  timezone: string;
  exponent: number;
  tax_mode: 'inclusive' | 'exclusive';
  tax_rate_bp: number;
  /** Prices of the two dishes in minor units. */
  prices: [number, number];
}

const SETTINGS: Record<Currency, Setting> = {
  XOF: {
    locale: 'fr',
    timezone: 'Africa/Dakar',
    exponent: 0,
    tax_mode: 'inclusive',
    tax_rate_bp: 1800,
    prices: [3500, 1500],
  },
  EUR: {
    locale: 'fr',
    timezone: 'Europe/Paris',
    exponent: 2,
    tax_mode: 'inclusive',
    tax_rate_bp: 1000,
    prices: [1850, 650],
  },
  IDR: {
    locale: 'id-ID',
    timezone: 'Asia/Jakarta',
    exponent: 0,
    tax_mode: 'exclusive',
    tax_rate_bp: 1100,
    prices: [45000, 15000],
  },
  ARS: {
    locale: 'es-AR',
    timezone: 'America/Argentina/Buenos_Aires',
    exponent: 2,
    tax_mode: 'exclusive',
    tax_rate_bp: 2100,
    prices: [1250000, 450000],
  },
};

function taxOf(subtotal: number, s: Setting): number {
  return s.tax_mode === 'inclusive'
    ? Math.round((subtotal * s.tax_rate_bp) / (10000 + s.tax_rate_bp))
    : Math.round((subtotal * s.tax_rate_bp) / 10000);
}

export function ticketPayload(
  currency: Currency,
  document: TicketPayload['document'],
  cpl: number,
  extra: { type?: 'dine_in' | 'takeaway'; round?: number; note?: string; lineNote?: string } = {},
): TicketPayload {
  const s = SETTINGS[currency];
  const [main, side] = s.prices;
  const lines: PrintLine[] = [
    {
      position: 1,
      name: 'Crème brûlée à la façon de mamá',
      qty: 2,
      station: 'grill',
      note: extra.lineNote ?? 'Sans sucre, très chaud',
      unit_price: main,
      line_total: main * 2,
      round: extra.round ?? 1,
      modifiers: ['Extra piña', 'Jalapeño'],
    },
    {
      position: 2,
      name: 'Bissap',
      qty: 1,
      station: 'bar',
      note: '',
      unit_price: side,
      line_total: side,
      round: extra.round ?? 1,
      modifiers: [],
    },
  ];
  const subtotal = main * 2 + side;
  const tax = taxOf(subtotal, s);
  const total = s.tax_mode === 'inclusive' ? subtotal : subtotal + tax;
  const tendered = Math.ceil(total / (10 * 10 ** s.exponent)) * 10 * 10 ** s.exponent;
  const payments: PrintPayment[] = [
    { method: 'card', amount: Math.floor(total / 2), tendered: null, change: null },
    {
      method: 'cash',
      amount: total - Math.floor(total / 2),
      tendered: tendered - Math.floor(total / 2),
      change: tendered - total,
    },
  ];
  return {
    document,
    printer: { id: 'p1', name: document === 'receipt' ? 'Caisse' : 'Cuisine', chars_per_line: cpl },
    restaurant: {
      name: 'Chez Awa',
      locale: s.locale,
      timezone: s.timezone,
      currency,
      receipt_header: 'Rue 10, Dakar\nTél. 33 800 00 00',
      receipt_footer: 'Merci, à bientôt !',
    },
    order: {
      id: 'o1',
      number: 42,
      type: extra.type ?? 'dine_in',
      table_label: 'T4',
      status: document === 'cancel_ticket' ? 'cancelled' : 'placed',
      note: extra.note ?? '',
      currency,
      currency_exponent: s.exponent,
      tax_mode: s.tax_mode,
      tax_rate_bp: s.tax_rate_bp,
      subtotal,
      tax,
      total,
      status_reason: document === 'cancel_ticket' ? 'Client parti' : null,
      placed_at: '2026-12-01T12:34:00Z',
      cancelled_at: '2026-12-01T12:50:00Z',
      created_at: '2026-12-01T12:33:00Z',
      updated_at: '2026-12-01T13:05:00Z',
    },
    lines: document === 'kitchen_ticket' ? lines.filter((l) => l.station === 'grill') : lines,
    payments: document === 'receipt' ? payments : null,
    ...(extra.round ? { round: extra.round } : {}),
  };
}

export function testPagePayload(cpl: number): TestPagePayload {
  return {
    document: 'test',
    printer: { id: 'p1', name: 'Cuisine', chars_per_line: cpl, stations: ['grill', 'bar'] },
    restaurant: { name: 'Chez Awa', locale: 'fr', timezone: 'Africa/Dakar' },
    requested_at: '2026-12-01T12:34:00Z',
  };
}
