/**
 * The four documents as receiptline markup. Sizes: `^^^` (2× width and height) for what a cook
 * must read from afar, `^^` (double height, same width) for lines so long names still fit.
 */

import { dateTime, moneyFormatter, safeLocale } from './format.ts';
import { clean, indent, int, left, pair, rule, text, textLines, widths } from './markup.ts';
import type { PrintLine, PrintOrder, PrintPayment, TestPagePayload, TicketPayload } from './types.ts';
import { type Words, wordsFor } from './words.ts';

/** The widths printers come in; anything else is clamped to what the database allows. */
export function charsPerLine(printer: { chars_per_line?: unknown } | null | undefined): number {
  const n = int(printer?.chars_per_line);
  return n === 0 ? 48 : Math.min(Math.max(n, 24), 80);
}

/** The day's number, else the provisional code a kiosk gave (its ticket for a draft paid at the counter). */
function orderNumber(order: PrintOrder): string {
  if (order.number != null) return `#${int(order.number)}`;
  const code = clean(order.provisional_code, 12);
  return /^[A-Z]{1,3}-[0-9]{1,6}$/.test(code) ? code : '#-';
}

function where(order: PrintOrder, w: Words): string {
  if (order.type === 'takeaway') return text(w.takeaway);
  const label = clean(order.table_label, 40);
  return label === '' ? text(w.table) : `${text(w.table)} ${text(label, 40)}`;
}

function modifierNames(line: PrintLine): string[] {
  return (Array.isArray(line.modifiers) ? line.modifiers : [])
    .map((m) => (typeof m === 'string' ? m : m && typeof m === 'object' ? m.name : ''))
    .map((name) => clean(name, 100))
    .filter((name) => name !== '')
    .slice(0, 50);
}

/** A line's modifiers and note, indented under it. */
function lineDetails(line: PrintLine, w: Words, size = ''): string[] {
  const out = modifierNames(line).map((name) => left(`${indent(2)}${size}+ ${text(name)}`));
  const note = text(line.note);
  if (note !== '') out.push(left(`${indent(2)}${size}"${text(w.note)}: ${note}"`));
  return out;
}

/** The lines a cook reads: quantity and name in double height, then modifiers and note. */
function kitchenLines(lines: PrintLine[], w: Words): string[] {
  const out: string[] = [];
  for (const line of lines) {
    out.push(left(`^^"${int(line.qty)} x ${text(line.name, 200)}"`));
    out.push(...lineDetails(line, w, '^^'));
  }
  return out;
}

function orderNote(order: PrintOrder, w: Words): string[] {
  const note = text(order.note);
  return note === '' ? [] : [rule, left(`^^"${text(w.note)}: ${note}"`)];
}

/** Kitchen ticket: big number, where it goes, station, round, time, then the lines. */
export function kitchenTicket(payload: TicketPayload): string {
  const { order, restaurant } = payload;
  const w = wordsFor(restaurant.locale);
  const round = int(payload.round);
  const stations = [...new Set(payload.lines.map((l) => clean(l.station, 40)).filter((s) => s !== ''))];
  // A later round is queued when it is added, which is when the order was last updated.
  const at = round > 1 ? (order.updated_at ?? order.placed_at) : (order.placed_at ?? order.created_at);
  return [
    widths(),
    payload.reprint ? `\`${text(w.reprint)}\`` : '',
    `^^^${orderNumber(order)}`,
    `^^^${where(order, w)}`,
    round > 1 ? `^^\`${text(w.round)} ${round}\`` : '',
    rule,
    pair(
      stations.length > 0
        ? `${text(w.station)}: ${text(stations.join(', '), 100)}`
        : text(clean(payload.printer.name, 60)),
      text(dateTime(at, restaurant.locale, restaurant.timezone, false)),
    ),
    rule,
    ...kitchenLines(payload.lines, w),
    ...orderNote(order, w),
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}

/** Cancel ticket: the kitchen must stop cooking these lines. */
export function cancelTicket(payload: TicketPayload): string {
  const { order, restaurant } = payload;
  const w = wordsFor(restaurant.locale);
  const reason = text(order.status_reason);
  return [
    widths(),
    `^^^\`${text(w.cancelled)}\``,
    `^^^${orderNumber(order)}`,
    `^^${where(order, w)}`,
    text(dateTime(order.cancelled_at ?? order.updated_at, restaurant.locale, restaurant.timezone)),
    ...(reason === '' ? [] : [left(`"${text(w.reason)}: ${reason}"`)]),
    rule,
    ...kitchenLines(payload.lines, w),
    '',
  ].join('\n');
}

/** Receipt: header, order, lines, totals, payments, footer. */
export function receipt(payload: TicketPayload): string {
  const { order, restaurant } = payload;
  const w = wordsFor(restaurant.locale);
  const money = moneyFormatter(restaurant.locale, order.currency, order.currency_exponent);
  const cpl = charsPerLine(payload.printer);
  const neg = (amount: PrintPayment['amount']): string => money(-Math.abs(Number(amount) || 0));
  const payments = Array.isArray(payload.payments) ? payload.payments : [];
  const discounts = Array.isArray(order.discounts) ? order.discounts : [];
  const ratePart = new Intl.NumberFormat(safeLocale(restaurant.locale), {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(int(order.tax_rate_bp) / 10000);

  // Filled once the amount column's width is known: details span the whole line, so each block
  // of them switches to automatic widths and back.
  const lineRows = (columns: string): string[] =>
    payload.lines.flatMap((line) => {
      const details = lineDetails(line, w);
      const row = pair(`${int(line.qty)} x ${text(line.name, 200)}`, text(money(line.line_total)));
      return details.length === 0 ? [row] : [row, widths(), ...details, columns];
    });
  const totals: string[] = [pair(text(w.subtotal), text(money(order.subtotal)))];
  for (const d of discounts) totals.push(pair(`${text(w.discount)} ${text(d.label, 60)}`, text(neg(d.amount))));
  const taxLabel = order.tax_mode === 'inclusive' ? w.taxIncluded : w.tax;
  if (int(order.tax_rate_bp) > 0 || int(order.tax) !== 0) {
    totals.push(pair(`${text(taxLabel)} ${text(ratePart)}`, text(money(order.tax))));
  }
  const paymentRows: string[] = [];
  for (const p of payments) {
    const method = w.methods[p.method] ?? w.methods.other;
    const refund = Number(p.amount) < 0;
    paymentRows.push(pair(text(refund ? `${w.refund} (${method})` : method), text(money(p.amount))));
    if (p.tendered != null) paymentRows.push(pair(`${indent(2)}${text(w.tendered)}`, text(money(p.tendered))));
    if (p.change != null) paymentRows.push(pair(`${indent(2)}${text(w.change)}`, text(money(p.change))));
    if (p.tip != null && Number(p.tip) !== 0) paymentRows.push(pair(`${indent(2)}${text(w.tip)}`, text(money(p.tip))));
  }
  // The amount column fits the longest amount; the name column takes the rest and wraps.
  const longest = Math.max(
    ...[order.subtotal, order.tax, order.total, ...payload.lines.map((l) => l.line_total)]
      .concat(payments.flatMap((p) => [p.amount, p.tendered ?? 0, p.change ?? 0, p.tip ?? 0]))
      .map((a) => money(a).length + 1),
    ...discounts.map((d) => neg(d.amount).length),
  );
  const amountWidth = Math.min(longest, Math.floor(cpl / 2));
  const columns = widths('*', amountWidth);
  return [
    widths(),
    payload.reprint ? `\`${text(w.reprint)}\`` : '',
    ...textLines(restaurant.receipt_header),
    `^^"${text(restaurant.name, 100)}"`,
    rule,
    pair(`"${text(w.order)} ${orderNumber(order)}"`, `"${where(order, w)}"`),
    text(dateTime(order.placed_at ?? order.created_at, restaurant.locale, restaurant.timezone)),
    rule,
    columns,
    ...lineRows(columns),
    rule,
    ...totals,
    pair(`^^"${text(w.total)}"`, `^^"${text(money(order.total))}"`),
    ...(paymentRows.length > 0 ? [rule, ...paymentRows] : []),
    widths(),
    ...(order.note ? [rule, left(`${text(w.note)}: ${text(order.note)}`)] : []),
    ...(restaurant.receipt_footer ? [rule, ...textLines(restaurant.receipt_footer)] : []),
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}

/** Test page: printer, width ruler, accents and the sizes, so a person sees the setup is right. */
export function testPage(payload: TestPagePayload): string {
  const { printer, restaurant } = payload;
  const w = wordsFor(restaurant.locale);
  const cpl = charsPerLine(printer);
  const ruler = Array.from({ length: cpl }, (_, i) => String((i + 1) % 10)).join('');
  const stations = (printer.stations ?? []).map((s) => clean(s, 40)).filter((s) => s !== '');
  return [
    widths(),
    `^^^${text(w.testPage)}`,
    `^^"${text(restaurant.name, 100)}"`,
    rule,
    pair(text(w.printer), text(printer.name, 60)),
    pair(text(w.charsPerLine), String(cpl)),
    ...(stations.length > 0 ? [pair(text(w.stations), text(stations.join(', '), 200))] : []),
    text(dateTime(payload.requested_at, restaurant.locale, restaurant.timezone)),
    rule,
    left(ruler),
    left(`${text(w.accents)}: é è à ù ç ñ ü ö € ¿ ¡`),
    left('^Double width'),
    left('^^Double height'),
    '^^^2x',
    '',
  ].join('\n');
}
