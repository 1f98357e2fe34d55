/**
 * The whole-shift scenario's steps (tests/e2e/service-shift.test.ts): a sale placed and paid from its
 * order card, the drawer's close, and the report figures as a person reads them on screen, turned
 * into numbers so they can be compared with what `shift_report` / `day_report` answer.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserUser } from './browser.ts';
import { exactly, text } from './messages.ts';
import { addPlain, placeOrder } from './pos.ts';
import { amountOf, shoot as shootSizes } from './screens.ts';

export { amountOf };

/** Screenshots at a phone's and a tablet's width, named after the scenario. */
export const shoot = (user: BrowserUser, name: string) => shootSizes(user, `service-shift-${name}`);

/** "2 · F CFA 500" → [2, 500]. */
function countAndAmount(formatted: string | undefined): [number, number] {
  const [count = '', amount = ''] = (formatted ?? '').split('·');
  return [Number(count.trim()), amountOf(amount)];
}

export type Mode = 'online' | 'offline';

/** A takeaway sale of the named items, placed; answers the order's id and the label on screen. */
export async function sell(page: Page, items: readonly string[]): Promise<{ id: string; label: string }> {
  await page.getByRole('link', { name: exactly('en', 'pos_nav_new') }).click();
  await page.getByLabel(exactly('en', 'pos_search_label')).waitFor();
  await page.getByRole('button', { name: exactly('en', 'pos_type_takeaway') }).click();
  for (const item of items) await addPlain(page, item);
  const label = await placeOrder(page);
  await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
  const card = page.locator('.pos-order-card').filter({ has: page.getByText(label, { exact: true }) });
  const id = await card.getAttribute('data-order-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await card.getByRole('link', { name: exactly('en', 'pay_action') }).click();
  await page.getByRole('heading', { name: new RegExp(`^\\s*${text('en', 'pay_title')}`) }).waitFor();
  return { id: id as string, label };
}

const submit = (page: Page) =>
  page.getByRole('button', { name: new RegExp(`^${text('en', 'pay_submit', { amount: 'X' }).split('X')[0]}`) });

const dueOnScreen = async (page: Page) => amountOf(await page.getByTestId('pay-due').textContent());

/** Waits until the checkout says the order is settled, in the words of the mode (sent or not yet). */
async function settledOnScreen(page: Page, mode: Mode): Promise<void> {
  await page.getByText(exactly('en', mode === 'online' ? 'pay_nothing_due' : 'pay_state_paid_unsent')).waitFor();
}

/** Pays what is due in cash with one quick-cash note; checks the change shown before and after. */
export async function payCashWithNote(
  user: BrowserUser,
  mode: Mode,
  sale: { due: number; note: number },
  shot?: string,
): Promise<void> {
  const { page } = user;
  await expect.poll(() => dueOnScreen(page)).toBe(sale.due);
  await page
    .locator('.pay-quick')
    .getByRole('button', { name: new RegExp(`(^|\\D)${sale.note.toLocaleString('en-US')}$`) })
    .click();
  expect(amountOf(await page.locator('.pay-change-amount').textContent())).toBe(sale.note - sale.due);
  if (shot) await shoot(user, shot);
  await submit(page).click();
  await expect
    .poll(async () => amountOf(await page.locator('.pay-answer-change').textContent()))
    .toBe(sale.note - sale.due);
  await settledOnScreen(page, mode);
}

/**
 * Split tender: `cash` paid exactly (the quick notes offered are those above the amount), then the
 * rest by card once the screen has answered for the cash part (the answer resets the form).
 */
export async function paySplitCashCard(page: Page, mode: Mode, sale: { due: number; cash: number }): Promise<void> {
  await expect.poll(() => dueOnScreen(page)).toBe(sale.due);
  await page.getByLabel(exactly('en', 'pay_amount_label')).fill(String(sale.cash));
  await page.getByRole('button', { name: exactly('en', 'pay_exact') }).click();
  expect(amountOf(await page.locator('.pay-change-amount').textContent())).toBe(0);
  await submit(page).click();
  await page.locator('.pay-answer').waitFor();
  await expect.poll(() => dueOnScreen(page)).toBe(sale.due - sale.cash);
  const card = page.getByRole('button', { name: exactly('en', 'pay_method_card') });
  await card.click();
  await expect.poll(() => card.getAttribute('aria-pressed')).toBe('true');
  expect(await page.getByLabel(exactly('en', 'pay_amount_label')).inputValue()).toBe(String(sale.due - sale.cash));
  await submit(page).click();
  await settledOnScreen(page, mode);
}

export interface ScreenReport {
  figures: Record<string, string>;
  tables: Record<string, string[][]>;
}

/** The report figures (label → value) and tables (caption → rows of cells) within `selector`; first of each wins. */
export async function readReport(page: Page, selector: string): Promise<ScreenReport> {
  return page
    .locator(selector)
    .first()
    .evaluate((root) => {
      const figures: Record<string, string> = {};
      for (const row of root.querySelectorAll('.report-figures > div')) {
        const label = row.querySelector('dt')?.textContent?.trim() ?? '';
        if (label in figures) continue;
        const value = row.querySelector('dd .variance-value > span') ?? row.querySelector('dd');
        figures[label] = value?.textContent?.trim() ?? '';
      }
      const tables: Record<string, string[][]> = {};
      for (const table of root.querySelectorAll('table.report-table')) {
        const caption = table.querySelector('caption')?.textContent?.trim() ?? '';
        if (caption in tables) continue;
        tables[caption] = [...table.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.children].map((cell) => cell.textContent?.trim() ?? ''),
        );
      }
      return { figures, tables };
    });
}

export interface MethodRow {
  method: string;
  count: number;
  amount: number;
  refunded: number;
  tips: number;
}

export interface ShiftReportData {
  kind: 'X' | 'Z';
  cash: {
    opening_float: number;
    cash_payments: number;
    cash_refunds: number;
    cash_in: number;
    cash_out: number;
    expected: number;
    counted: number | null;
    variance: number | null;
  };
  sales: { orders: number; total: number; tax: number };
  refunds: { count: number; amount: number };
  payments_by_method: MethodRow[];
}

export interface DayReportData {
  sales: { orders: number; subtotal: number; tax: number; total: number };
  refunds: { count: number; amount: number };
  payments_by_method: MethodRow[];
}

/** Payments by method as the report tables show them: [label, count, amount, refunded, tips]. */
function methodRows(rows: MethodRow[]) {
  return rows.map((row) => [text('en', `report_method_${row.method}`), row.count, row.amount, row.refunded, row.tips]);
}

function methodRowsOnScreen(screen: ScreenReport) {
  return (screen.tables[text('en', 'report_payments_title')] ?? [])
    .filter((cells) => cells.length === 5)
    .map(([label, count, amount, refunded, tips]) => [
      label,
      Number(count),
      amountOf(amount),
      amountOf(refunded),
      amountOf(tips),
    ]);
}

const figureOf = (screen: ScreenReport, key: string) => screen.figures[text('en', key)];

/** A shift report's figures as the screen shows them, in the shape `zFigures` gives for the database's. */
export function zOnScreen(screen: ScreenReport) {
  return {
    openingFloat: amountOf(figureOf(screen, 'report_cash_opening_float')),
    cashSales: amountOf(figureOf(screen, 'report_cash_payments')),
    cashRefunds: amountOf(figureOf(screen, 'report_cash_refunds')),
    expected: amountOf(figureOf(screen, 'report_cash_expected')),
    counted: amountOf(figureOf(screen, 'report_cash_counted')),
    variance: amountOf(figureOf(screen, 'report_cash_variance')),
    orders: Number(figureOf(screen, 'report_orders')),
    total: amountOf(figureOf(screen, 'report_total')),
    refunds: countAndAmount(figureOf(screen, 'report_refunds')),
    payments: methodRowsOnScreen(screen),
  };
}

export function zFigures(report: ShiftReportData): ReturnType<typeof zOnScreen> {
  return {
    openingFloat: report.cash.opening_float,
    cashSales: report.cash.cash_payments,
    cashRefunds: report.cash.cash_refunds,
    expected: report.cash.expected,
    counted: report.cash.counted ?? Number.NaN,
    variance: report.cash.variance ?? Number.NaN,
    orders: report.sales.orders,
    total: report.sales.total,
    refunds: [report.refunds.count, report.refunds.amount],
    payments: methodRows(report.payments_by_method),
  };
}

/** The day report's summary and payments as the screen shows them, in the shape of `dayFigures`. */
export function dayOnScreen(screen: ScreenReport) {
  return {
    orders: Number(figureOf(screen, 'report_orders')),
    subtotal: amountOf(figureOf(screen, 'report_subtotal')),
    tax: amountOf(figureOf(screen, 'report_tax')),
    total: amountOf(figureOf(screen, 'report_total')),
    refunds: countAndAmount(figureOf(screen, 'report_refunds')),
    payments: methodRowsOnScreen(screen),
  };
}

export function dayFigures(report: DayReportData): ReturnType<typeof dayOnScreen> {
  return {
    orders: report.sales.orders,
    subtotal: report.sales.subtotal,
    tax: report.sales.tax,
    total: report.sales.total,
    refunds: [report.refunds.count, report.refunds.amount],
    payments: methodRows(report.payments_by_method),
  };
}

/** The commands this device still has to send (the outbox's IndexedDB store). */
export async function outboxSize(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('comanda-outbox');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (![...db.objectStoreNames].includes('commands')) return 0;
    const request = db.transaction('commands').objectStore('commands').count();
    return new Promise<number>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
  });
}
