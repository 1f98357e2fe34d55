/**
 * Issue 14's whole shift in Debian's Chromium against the production PWA and the seeded demo
 * restaurant (Maquis Chez Awa, XOF, tax included). The cashier opens the drawer with a float, takes
 * two cash sales with change from quick-cash notes and one sale split cash + card; a manager on
 * another device refunds part of the card payment; the cashier closes counting 500 short with a
 * reason, and the variance on screen is the database's. The manager's Z report and day report
 * show shift_report's and day_report's figures. Then the same shift with the cashier's device
 * offline from the first sale to the close: back online, the database holds each order and payment
 * exactly once, the shift closed once, and the same drawer and payment figures as the online shift.
 * Other e2e files sell in the same restaurant meanwhile: figures are compared per order and per
 * shift, and the day report's screen with day_report read at the same moment.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient, signedInClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { demoCashier, demoRestaurantId, signInAsCashier } from './pos.ts';
import {
  amountOf,
  type DayReportData,
  dayFigures,
  dayOnScreen,
  type Mode,
  outboxSize,
  payCashWithNote,
  paySplitCashCard,
  readReport,
  type ShiftReportData,
  sell,
  shoot,
  zFigures,
  zOnScreen,
} from './service-shift-steps.ts';

const demoManager = { email: 'manager@comanda.test', password: 'comanda-manager' };
const stepTimeoutMs = 240_000;
const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

/** The shift's sales: Garba 1 500, Bissap 1 000, Alloco 1 000; two paid with a 5 000 note, one split. */
const float = 20_000;
const cashSales = [
  { items: ['Garba', 'Bissap'], due: 2_500, note: 5_000 },
  { items: ['Garba', 'Garba', 'Alloco'], due: 4_000, note: 5_000 },
] as const;
const split = { items: ['Garba', 'Bissap', 'Alloco'], due: 3_500, cash: 2_000 };
const expectedCash = float + cashSales[0].due + cashSales[1].due + split.cash;
const counted = expectedCash - 500;
const varianceNote = 'Pièce de 500 tombée';

/** The online shift's Z report, for the offline shift to be compared with (tests run in order). */
let onlineZ: ShiftReportData | undefined;

async function shiftReport(as: { email: string; password: string }, shiftId: string): Promise<ShiftReportData> {
  const client = await signedInClient(inject('stack'), as.email, as.password);
  const { data, error } = await client.rpc('shift_report', { p_shift_id: shiftId });
  expect(error).toBeNull();
  return data as ShiftReportData;
}

async function deviceShifts(page: Page) {
  const device = await page.evaluate(() => localStorage.getItem('comanda.device.id'));
  expect(device).toBeTruthy();
  const { data, error } = await database()
    .from('shifts')
    .select('*')
    .eq('restaurant_id', demoRestaurantId)
    .eq('device_id', device as string);
  expect(error).toBeNull();
  return data ?? [];
}

async function paymentsOf(orderIds: string[]) {
  const { data, error } = await database()
    .from('payments')
    .select('*')
    .in('order_id', orderIds)
    .order('created_at', { ascending: true });
  expect(error).toBeNull();
  return data ?? [];
}

async function openDrawer(page: Page): Promise<string> {
  await page.getByRole('link', { name: exactly('en', 'drawer_nav') }).click();
  await page.getByRole('heading', { name: exactly('en', 'drawer_title') }).waitFor();
  await page.getByLabel(exactly('en', 'drawer_float_label', { currency: 'XOF' })).fill(String(float));
  await page.getByRole('button', { name: exactly('en', 'drawer_open_submit') }).click();
  await page.getByText(exactly('en', 'drawer_opened')).waitFor();
  await page.getByText(exactly('en', 'drawer_synced')).waitFor();
  const shifts = await deviceShifts(page);
  expect(shifts).toHaveLength(1);
  expect(shifts[0]).toMatchObject({ opening_float: float, closed_at: null });
  return shifts[0]?.id as string;
}

/** The three sales of the shift, each placed and paid from its order card. */
async function sellTheShift(cashier: BrowserUser, mode: Mode): Promise<ShiftSales> {
  const cash: string[] = [];
  const labels: string[] = [];
  for (const [index, sale] of cashSales.entries()) {
    const placed = await sell(cashier.page, sale.items);
    cash.push(placed.id);
    labels.push(placed.label);
    await payCashWithNote(cashier, mode, sale, index === 0 ? `checkout-${mode}` : undefined);
  }
  const splitSale = await sell(cashier.page, split.items);
  labels.push(splitSale.label);
  await paySplitCashCard(cashier.page, mode, split);
  return { cash, split: splitSale.id, labels };
}

interface ShiftSales {
  cash: string[];
  split: string;
  /** What the screen called each order: "#12" online, the device's code ("A-3") offline. */
  labels: string[];
}

/** The drawer and the payments taken, which do not depend on what other devices sold meanwhile. */
function drawerAndPayments(z: ShiftReportData) {
  return {
    cash: z.cash,
    payments: z.payments_by_method.map(({ method, count, amount, tips }) => ({ method, count, amount, tips })),
  };
}

/** Each order once, each paid in full, with exactly the payments made (a lost or doubled one fails here). */
async function expectPaidOnce(sales: ShiftSales, shiftId: string): Promise<void> {
  const ids = [...sales.cash, sales.split];
  const { data: orders, error } = await database()
    .from('orders')
    .select('id, total, paid, payment_status')
    .in('id', ids);
  expect(error).toBeNull();
  const byId = new Map((orders ?? []).map((order) => [order.id, order]));
  expect(ids.map((id) => byId.get(id))).toEqual([
    { id: sales.cash[0], total: 2_500, paid: 2_500, payment_status: 'paid' },
    { id: sales.cash[1], total: 4_000, paid: 4_000, payment_status: 'paid' },
    { id: sales.split, total: 3_500, paid: 3_500, payment_status: 'paid' },
  ]);
  const payments = (await paymentsOf(ids)).filter((row) => row.amount > 0);
  expect(new Set(payments.map((row) => row.id)).size).toBe(payments.length);
  const rows = (orderId: string) =>
    payments
      .filter((row) => row.order_id === orderId)
      .map((row) => [row.method, row.amount, row.tendered, row.change, row.shift_id])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(rows(sales.cash[0] as string)).toEqual([['cash', 2_500, 5_000, 2_500, shiftId]]);
  expect(rows(sales.cash[1] as string)).toEqual([['cash', 4_000, 5_000, 1_000, shiftId]]);
  expect(rows(sales.split)).toEqual([
    ['card', 1_500, null, null, shiftId],
    ['cash', 2_000, 2_000, 0, shiftId],
  ]);
  expect(payments.reduce((sum, row) => sum + row.amount, 0)).toBe(10_000);
}

/** The drawer and payment figures a shift of these sales, counted 500 short, must give. */
function expectShiftFigures(z: ShiftReportData): void {
  expect(z.kind).toBe('Z');
  expect(z.cash).toMatchObject({
    opening_float: float,
    cash_payments: expectedCash - float,
    cash_refunds: 0,
    cash_in: 0,
    cash_out: 0,
    expected: expectedCash,
    counted,
    variance: -500,
  });
  expect(z.payments_by_method.map(({ method, count, amount, tips }) => ({ method, count, amount, tips }))).toEqual([
    { method: 'cash', count: 3, amount: expectedCash - float, tips: 0 },
    { method: 'card', count: 1, amount: 1_500, tips: 0 },
  ]);
}

async function signInAsManager(user: BrowserUser): Promise<void> {
  const { page } = user;
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(demoManager.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(demoManager.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** The manager refunds 500 of the split sale's card payment from the order's detail. */
async function refundPartOfCard(manager: BrowserUser, orderId: string): Promise<void> {
  const { page } = manager;
  await page.goto(`/pos/orders/${orderId}`);
  const cardRow = page.locator('.pay-rows li', { hasText: text('en', 'pay_method_card') });
  await cardRow.getByRole('button', { name: exactly('en', 'pay_refund') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(exactly('en', 'pay_refund_amount')).fill('500');
  await dialog.getByLabel(exactly('en', 'pay_reason_label')).fill('Plat froid');
  await dialog.getByRole('button', { name: exactly('en', 'pay_refund_confirm') }).click();
  await page.getByText(/^Refunded\D*500\.$/).waitFor();
  await expect.poll(async () => (await paymentsOf([orderId])).filter((row) => row.amount < 0).length).toBe(1);
  const rows = await paymentsOf([orderId]);
  const card = rows.find((row) => row.method === 'card' && row.amount > 0);
  expect(rows.filter((row) => row.amount < 0).map((row) => [row.amount, row.refund_of, row.reason])).toEqual([
    [-500, card?.id, 'Plat froid'],
  ]);
}

/** The manager's day report equals day_report read at the same moment, then the shift's Z equals shift_report. */
async function expectManagerReports(manager: BrowserUser, shiftId: string): Promise<ShiftReportData> {
  const { page } = manager;
  await page.goto('/admin');
  await page.getByRole('link', { name: exactly('en', 'report_nav') }).click();
  await page.getByRole('heading', { name: exactly('en', 'report_title') }).waitFor();
  const dateField = page.getByLabel(exactly('en', 'report_date_label'));
  await expect.poll(() => dateField.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const date = await dateField.inputValue();
  const client = await signedInClient(inject('stack'), demoManager.email, demoManager.password);
  const dayReport = async () => {
    const { data, error } = await client.rpc('day_report', {
      p_restaurant_id: demoRestaurantId,
      p_business_date: date,
    });
    expect(error).toBeNull();
    return data as DayReportData;
  };
  // Other files sell meanwhile: reload until the screen and a read of the same moment agree.
  let day = await dayReport();
  let onScreen: ReturnType<typeof dayOnScreen> | undefined;
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.locator('.report-figures').first().waitFor();
        onScreen = dayOnScreen(await readReport(page, 'main.reports'));
        day = await dayReport();
        return onScreen;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toEqual(dayFigures(day));
  // This shift's sales and the refund are among the day's.
  const card = day.payments_by_method.find((row) => row.method === 'card');
  expect(card?.amount).toBeGreaterThanOrEqual(1_500);
  expect(card?.refunded).toBeGreaterThanOrEqual(500);
  expect(day.refunds.count).toBeGreaterThanOrEqual(1);

  const entry = page.locator(`.reports-shift[data-shift-id="${shiftId}"]`);
  await entry.getByRole('button', { name: exactly('en', 'report_shift_show_z') }).click();
  await entry.locator('.shift-report').waitFor();
  const z = await shiftReport(demoManager, shiftId);
  expect(zOnScreen(await readReport(page, `.reports-shift[data-shift-id="${shiftId}"] .shift-report`))).toEqual(
    zFigures(z),
  );
  await entry.scrollIntoViewIfNeeded();
  await shoot(manager, 'z-report');
  return z;
}

async function openCloseForm(page: Page): Promise<void> {
  await page.getByRole('link', { name: exactly('en', 'drawer_nav') }).click();
  await page.getByRole('heading', { name: exactly('en', 'drawer_title') }).waitFor();
}

describe('a whole service shift', () => {
  it(
    'online: float, two cash sales with change, a split cash + card sale, a partial refund, a short close; the Z and day reports are the database’s',
    async () => {
      const cashier = await harness().newUser();
      const manager = await harness().newUser();
      const { page } = cashier;
      try {
        await signInAsCashier(cashier);
        const shiftId = await openDrawer(page);
        const sales = await sellTheShift(cashier, 'online');
        await expect.poll(async () => (await paymentsOf([...sales.cash, sales.split])).length).toBe(4);
        await expectPaidOnce(sales, shiftId);

        await signInAsManager(manager);
        await refundPartOfCard(manager, sales.split);

        // The close: 500 short, so the database asks why with its own figures.
        await openCloseForm(page);
        const x = await shiftReport(demoCashier, shiftId);
        expect(x.kind).toBe('X');
        expect(x.cash.expected).toBe(expectedCash);
        await page.getByLabel(exactly('en', 'drawer_counted_label', { currency: 'XOF' })).fill(String(counted));
        await page.getByRole('button', { name: exactly('en', 'drawer_close_submit') }).click();
        await page.getByText(exactly('en', 'drawer_variance_ask')).waitFor();
        expect(amountOf(await page.getByTestId('drawer-variance-amount').textContent())).toBe(-500);
        // The refusal is the HTTP 400 the browser logs; it is the only problem expected.
        expect(harness().takeProblems()).toEqual([expect.stringMatching(/rpc\/close_shift.*400/)]);
        await page
          .getByLabel(exactly('en', 'drawer_variance_reason_label'))
          .selectOption({ label: text('en', 'drawer_variance_reason_count_error') });
        await page.getByLabel(exactly('en', 'drawer_variance_note_label')).fill(varianceNote);
        await shoot(cashier, 'drawer-close');
        await page.getByRole('button', { name: exactly('en', 'drawer_close_with_reason') }).click();
        await page.getByText(exactly('en', 'drawer_closed')).waitFor();

        const shifts = await deviceShifts(page);
        expect(shifts).toHaveLength(1);
        expect(shifts[0]).toMatchObject({
          id: shiftId,
          counted_cash: counted,
          expected_cash: expectedCash,
          variance: -500,
          variance_reason: 'count_error',
          variance_note: varianceNote,
        });
        const z = await shiftReport(demoCashier, shiftId);
        expectShiftFigures(z);
        // The Z on the cashier's screen is the database's, figure for figure.
        expect(zOnScreen(await readReport(page, '.shift-report'))).toEqual(zFigures(z));
        await shoot(cashier, 'drawer-closed');

        // The manager's Z (screen = API, checked inside) has the same drawer and payments. Its sales
        // figures are the restaurant's orders placed while the shift was open, so another file's
        // discount on one of those orders after the close moves them: those are not compared here.
        expect(drawerAndPayments(await expectManagerReports(manager, shiftId))).toEqual(drawerAndPayments(z));
        onlineZ = z;
      } catch (error) {
        throw await withScreenContents(error, { cashier, manager });
      } finally {
        await cashier.context.close();
        await manager.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    'offline from the first sale to the close: back online, each order and payment once, the shift closed once, the same figures',
    async () => {
      const cashier = await harness().newUser();
      const { page, context } = cashier;
      try {
        await signInAsCashier(cashier);
        await waitForServiceWorker(page);
        const shiftId = await openDrawer(page);

        await context.setOffline(true);
        const sales = await sellTheShift(cashier, 'offline');
        await openCloseForm(page);
        await page.getByText(exactly('en', 'drawer_close_hint_offline')).waitFor();
        await page.getByLabel(exactly('en', 'drawer_counted_label', { currency: 'XOF' })).fill(String(counted));
        await page
          .getByLabel(exactly('en', 'drawer_variance_reason_label_offline'))
          .selectOption({ label: text('en', 'drawer_variance_reason_count_error') });
        await page.getByLabel(exactly('en', 'drawer_variance_note_label')).fill(varianceNote);
        await page.getByRole('button', { name: exactly('en', 'drawer_close_submit') }).click();
        await page.getByText(exactly('en', 'drawer_close_queued')).waitFor();
        await shoot(cashier, 'drawer-close-offline');
        // Nothing reached the database: three orders, four payments and the close wait on the device.
        expect(await paymentsOf([...sales.cash, sales.split])).toEqual([]);
        expect((await deviceShifts(page))[0]?.closed_at).toBeNull();
        expect(await outboxSize(page)).toBeGreaterThanOrEqual(8);

        await context.setOffline(false);
        await page.getByText(exactly('en', 'drawer_closed')).waitFor({ timeout: 60_000 });
        await expect.poll(() => outboxSize(page), { timeout: 30_000 }).toBe(0);
        await expectPaidOnce(sales, shiftId);
        expect(await paymentsOf([...sales.cash, sales.split])).toHaveLength(4);
        // Each order placed offline reached the database once, under its device code.
        const { data: placed, error } = await database()
          .from('orders')
          .select('id, provisional_code')
          .eq('restaurant_id', demoRestaurantId)
          .in('provisional_code', sales.labels);
        expect(error).toBeNull();
        expect(placed?.map((order) => order.id).sort()).toEqual([...sales.cash, sales.split].sort());
        const shifts = await deviceShifts(page);
        expect(shifts).toHaveLength(1);
        expect(shifts[0]).toMatchObject({
          id: shiftId,
          counted_cash: counted,
          expected_cash: expectedCash,
          variance: -500,
          variance_reason: 'count_error',
          variance_note: varianceNote,
        });
        const z = await shiftReport(demoCashier, shiftId);
        expectShiftFigures(z);
        // The same drawer and payments as the shift done online (its sales window held other files'
        // orders, and the manager's card refund there was taken on no drawer).
        expect(onlineZ, 'the online shift ran first').toBeDefined();
        expect(drawerAndPayments(z)).toEqual(drawerAndPayments(onlineZ as ShiftReportData));
        expect(zOnScreen(await readReport(page, '.shift-report'))).toEqual(zFigures(z));
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await context.close();
      }
    },
    stepTimeoutMs,
  );
});
