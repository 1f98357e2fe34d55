/**
 * What the layouts read: the print job payloads the database writes (private.ticket_payload in
 * supabase/migrations/20261121001100_printing.sql, its round-aware version and
 * private.kitchen_ticket_payload in 20261201001100_order_rounds.sql, print_test_page's payload in
 * 20261121001200_print_job_rpcs.sql). Amounts are integers in minor units; bigint columns reach
 * JSON as numbers, and strings of digits are accepted too.
 */

export type Money = number | string;

export type PrintDocumentKind = 'kitchen_ticket' | 'cancel_ticket' | 'receipt' | 'test';

export interface PrintPrinter {
  id?: string;
  name: string;
  /** Characters per line of the printer's normal font (32, 42, 48…). */
  chars_per_line: number;
  stations?: string[];
}

export interface PrintRestaurant {
  name: string;
  /** BCP 47 tag from restaurants.locale: 'en', 'fr', 'es', 'id', optionally with a region ('fr-SN'). */
  locale: string;
  /** IANA zone from restaurants.timezone. */
  timezone: string;
  currency?: string;
  receipt_header?: string | null;
  receipt_footer?: string | null;
}

/** The order as private.order_json / ticket_payload give it (the fields the layouts use). */
export interface PrintOrder {
  id?: string;
  number: number | null;
  /** The code a device showed before the day's number existed ("K-7" at a kiosk). */
  provisional_code?: string | null;
  type: 'dine_in' | 'takeaway';
  table_label?: string | null;
  status?: string;
  note?: string | null;
  currency: string;
  currency_exponent: number;
  tax_mode: 'inclusive' | 'exclusive';
  tax_rate_bp: number;
  subtotal: Money;
  tax: Money;
  total: Money;
  status_reason?: string | null;
  placed_at?: string | null;
  cancelled_at?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  /** The live discounts of a receipt (label = the discount's reason, amount taken off). */
  discounts?: { label: string; amount: Money }[];
}

/** A modifier: its name (ticket payloads) or the snapshot object (order_json). */
export type PrintModifier = string | { name: string };

export interface PrintLine {
  position?: number;
  name: string;
  qty: number;
  station?: string;
  note?: string | null;
  unit_price?: Money;
  line_total: Money;
  round?: number;
  modifiers?: PrintModifier[] | null;
}

export interface PrintPayment {
  method: 'cash' | 'card' | 'mobile_money' | 'other';
  /** Positive for a payment, negative for a refund. */
  amount: Money;
  tendered?: Money | null;
  change?: Money | null;
  /** On top of the amount; not part of the sale. 0 or absent: no tip line. */
  tip?: Money | null;
}

/** print_jobs.payload of a kitchen ticket, a cancel ticket or a receipt. */
export interface TicketPayload {
  document: 'kitchen_ticket' | 'cancel_ticket' | 'receipt';
  printer: PrintPrinter;
  restaurant: PrintRestaurant;
  order: PrintOrder;
  lines: PrintLine[];
  payments?: PrintPayment[] | null;
  /** Kitchen tickets since order rounds: the round these lines belong to. */
  round?: number;
  /** Set by reprint_order. */
  reprint?: boolean;
}

/** print_jobs.payload of print_test_page. */
export interface TestPagePayload {
  document: 'test';
  printer: PrintPrinter;
  restaurant: Pick<PrintRestaurant, 'name' | 'locale' | 'timezone'>;
  requested_at: string;
}

export type PrintPayload = TicketPayload | TestPagePayload;
