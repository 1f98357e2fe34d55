/**
 * Issue 14's cash drawer and reports in Debian's Chromium against the production PWA and the seeded
 * demo restaurant (XOF): the cashier opens a shift with a float, takes cash out with a reason, reads
 * the X report, and closes counting a little short; the database asks for a reason with its own
 * expected/counted/variance, and the variance on screen is the database's. Bad input is refused on
 * the device with nothing sent. The manager's day report shows day_report's figures. Then the same
 * shift with the device offline from after opening to the close: back online, the database holds
 * the shift closed once, the movement once, and the same figures. Screenshots go to $E2E_SHOTS.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient, signedInClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { demoCashier, demoRestaurantId, signInAsCashier } from './pos.ts';
import { amountOf, shoot as shootSizes } from './screens.ts';

const demoManager = { email: 'manager@comanda.test', password: 'comanda-manager' };
const stepTimeoutMs = 150_000;
const shoot = (user: BrowserUser, name: string) => shootSizes(user, name, ['phone', 'tablet', 'desktop']);
const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

interface CashFigures {
  expected: number;
  counted: number | null;
  variance: number | null;
}

/** The value beside a label in a report's figures (the first one on the page, or within `scope`). */
function figure(page: Page, labelKey: string, scope: Page | ReturnType<Page['locator']> = page) {
  return scope
    .locator('.report-figures > div')
    .filter({ has: page.locator('dt', { hasText: exactly('en', labelKey) }) })
    .locator('dd')
    .first();
}

async function openDrawerScreen(page: Page): Promise<void> {
  await page.getByRole('link', { name: exactly('en', 'drawer_nav') }).click();
  await page.getByRole('heading', { name: exactly('en', 'drawer_title') }).waitFor();
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

async function openShift(page: Page, float: string): Promise<void> {
  await page.getByLabel(exactly('en', 'drawer_float_label', { currency: 'XOF' })).fill(float);
  await page.getByRole('button', { name: exactly('en', 'drawer_open_submit') }).click();
}

async function cashOut(page: Page, amount: string, reason: string): Promise<void> {
  await page.getByLabel(exactly('en', 'drawer_movement_out')).check();
  await page.getByLabel(exactly('en', 'drawer_movement_amount', { currency: 'XOF' })).fill(amount);
  await page.getByLabel(exactly('en', 'drawer_movement_reason')).fill(reason);
  await page.getByRole('button', { name: exactly('en', 'drawer_movement_submit') }).click();
}

/** The shift's report as the cashier reads it through the API (RLS and the role checks apply). */
async function cashierReport(shiftId: string): Promise<{ kind: string; cash: CashFigures }> {
  const client = await signedInClient(inject('stack'), demoCashier.email, demoCashier.password);
  const { data, error } = await client.rpc('shift_report', { p_shift_id: shiftId });
  expect(error).toBeNull();
  return data as { kind: string; cash: CashFigures };
}

describe('the cash drawer', () => {
  it(
    'opens with a float, takes cash out, reads the X report and closes a little short with a reason',
    async () => {
      const cashier = await harness().newUser();
      const { page } = cashier;
      try {
        await signInAsCashier(cashier);
        await openDrawerScreen(page);
        await page.getByText(exactly('en', 'drawer_status_closed')).waitFor();

        // Bad input is said on the device; nothing is sent.
        await openShift(page, 'abc');
        await page.getByText(exactly('en', 'drawer_error_amount_not_a_number')).waitFor();
        await openShift(page, '-500');
        await page.getByText(exactly('en', 'drawer_error_amount_negative')).waitFor();
        await openShift(page, '2500.5');
        await page.getByText(exactly('en', 'drawer_error_amount_no_decimals')).waitFor();
        expect(await deviceShifts(page)).toEqual([]);

        // The float, counted note by note: 2 × 10 000 + 1 × 5 000 = 25 000.
        await page.getByText(exactly('en', 'drawer_denominations_toggle')).first().click();
        await page
          .getByLabel(/^Number of .*10,000/)
          .first()
          .fill('2');
        await page
          .getByLabel(/^Number of .*5,000/)
          .first()
          .fill('1');
        await page
          .getByRole('button', { name: exactly('en', 'drawer_denominations_use') })
          .first()
          .click();
        await expect
          .poll(() => page.getByLabel(exactly('en', 'drawer_float_label', { currency: 'XOF' })).inputValue())
          .toBe('25000');
        await page.getByRole('button', { name: exactly('en', 'drawer_open_submit') }).click();
        await page.getByText(exactly('en', 'drawer_opened')).waitFor();
        await page.getByText(exactly('en', 'drawer_status_open')).waitFor();
        const [shift] = await deviceShifts(page);
        expect(shift?.opening_float).toBe(25_000);
        expect(shift?.closed_at).toBeNull();
        const shiftId = shift?.id as string;

        // Cash out with a reason; an empty reason or a zero amount is refused first.
        await cashOut(page, '0', '');
        await page.getByText(exactly('en', 'drawer_error_amount_zero')).waitFor();
        await page.getByText(exactly('en', 'drawer_error_reason_required')).waitFor();
        await cashOut(page, '3000', 'Glace pour le bar');
        await page.getByText(exactly('en', 'drawer_movement_recorded')).waitFor();
        await page.getByText('Glace pour le bar').waitFor();

        // The X report: the database's expected cash.
        await page.getByRole('button', { name: exactly('en', 'drawer_x_show') }).click();
        const x = await cashierReport(shiftId);
        expect(x.kind).toBe('X');
        const expectedOnScreen = figure(page, 'report_cash_expected');
        await expect.poll(async () => amountOf(await expectedOnScreen.textContent())).toBe(x.cash.expected);
        await shoot(cashier, 'drawer-open');

        // Closing: a count with decimals is refused; a count 500 short makes the database ask why.
        const counted = page.getByLabel(exactly('en', 'drawer_counted_label', { currency: 'XOF' }));
        await counted.fill('21999.5');
        await page.getByRole('button', { name: exactly('en', 'drawer_close_submit') }).click();
        await page.getByText(exactly('en', 'drawer_error_amount_no_decimals')).waitFor();
        const short = x.cash.expected - 500;
        await counted.fill(String(short));
        await page.getByRole('button', { name: exactly('en', 'drawer_close_submit') }).click();
        await page.getByText(exactly('en', 'drawer_variance_ask')).waitFor();
        const asked = page.getByTestId('drawer-variance-amount');
        expect(amountOf(await asked.textContent())).toBe(-500);
        // The refusal is the HTTP 400 the browser logs; it is the only problem expected.
        expect(harness().takeProblems()).toEqual([expect.stringMatching(/rpc\/close_shift.*400/)]);
        // Still open: nothing was written.
        expect((await deviceShifts(page))[0]?.closed_at).toBeNull();
        await page.getByRole('button', { name: exactly('en', 'drawer_close_with_reason') }).click();
        await page.getByText(exactly('en', 'drawer_error_variance_reason')).waitFor();
        await page
          .getByLabel(exactly('en', 'drawer_variance_reason_label'))
          .selectOption({ label: text('en', 'drawer_variance_reason_count_error') });
        await page.getByLabel(exactly('en', 'drawer_variance_note_label')).fill('Billet de 500 mal compté');
        await page.getByRole('button', { name: exactly('en', 'drawer_close_with_reason') }).click();
        await page.getByText(exactly('en', 'drawer_closed')).waitFor();

        // The Z report on screen is the database's.
        const [closed] = await deviceShifts(page);
        expect(closed?.closed_at).not.toBeNull();
        expect(closed?.counted_cash).toBe(short);
        expect(closed?.variance).toBe(-500);
        expect(closed?.variance_reason).toBe('count_error');
        const z = await cashierReport(shiftId);
        expect(z.kind).toBe('Z');
        expect(z.cash).toMatchObject({ expected: x.cash.expected, counted: short, variance: -500 });
        const zSection = page.locator('.shift-report');
        expect(
          amountOf(await figure(page, 'report_cash_variance', zSection).locator('span > span').first().textContent()),
        ).toBe(z.cash.variance);
        expect(amountOf(await figure(page, 'report_cash_expected', zSection).textContent())).toBe(z.cash.expected);
        await zSection
          .getByText(text('en', 'drawer_variance_short', { amount: '' }).trim(), { exact: false })
          .waitFor();
        await shoot(cashier, 'drawer-closed');
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await cashier.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    "shows the manager the day's figures exactly as day_report computes them",
    async () => {
      const manager = await harness().newUser();
      const { page } = manager;
      try {
        // A sale today, so the day has figures whatever ran before.
        const { data: item, error: itemError } = await database()
          .from('menu_items')
          .select('id')
          .eq('restaurant_id', demoRestaurantId)
          .eq('name', 'Bissap')
          .single();
        expect(itemError).toBeNull();
        const till = await signedInClient(inject('stack'), demoCashier.email, demoCashier.password);
        const { error: placeError } = await till.rpc('place_order', {
          p_order: {
            id: randomUUID(),
            restaurant_id: demoRestaurantId,
            type: 'takeaway',
            lines: [{ item_id: item?.id, qty: 2 }],
          },
        });
        expect(placeError).toBeNull();
        await page.goto('/sign-in');
        await dismissOfflineReady(page);
        await page.getByLabel(exactly('en', 'email_label')).fill(demoManager.email);
        await page.getByLabel(exactly('en', 'password_label')).fill(demoManager.password);
        await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
        await page.waitForURL((url) => url.pathname !== '/sign-in');
        await page.goto('/admin');
        await page.getByRole('link', { name: exactly('en', 'report_nav') }).click();
        await page.getByRole('heading', { name: exactly('en', 'report_title') }).waitFor();
        // Today's business date, once the restaurant's time zone is read.
        const dateField = page.getByLabel(exactly('en', 'report_date_label'));
        await expect.poll(() => dateField.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const date = await dateField.inputValue();
        const client = await signedInClient(inject('stack'), demoManager.email, demoManager.password);
        const read = async () => {
          const { data, error } = await client.rpc('day_report', {
            p_restaurant_id: demoRestaurantId,
            p_business_date: date,
          });
          expect(error).toBeNull();
          return data as { sales: { orders: number; total: number; tax: number }; sales_by_item: unknown[] };
        };
        // Other tests sell in the demo restaurant meanwhile: reload until screen and database agree.
        let report = await read();
        await expect
          .poll(
            async () => {
              report = await read();
              await page.reload();
              await figure(page, 'report_orders').waitFor();
              return [
                Number(await figure(page, 'report_orders').textContent()),
                amountOf(await figure(page, 'report_total').textContent()),
                amountOf(await figure(page, 'report_tax').textContent()),
              ];
            },
            { timeout: 60_000, interval: 1_000 },
          )
          .toEqual([report.sales.orders, report.sales.total, report.sales.tax]);
        // One row per item sold, and the hour chart has its table.
        await expect
          .poll(async () =>
            page
              .getByRole('table', { name: exactly('en', 'report_items_title') })
              .locator('tbody tr')
              .count(),
          )
          .toBe(Math.max(1, report.sales_by_item.length));
        expect(report.sales.orders).toBeGreaterThan(0);
        await page.getByRole('img', { name: new RegExp(`^${text('en', 'report_hours_title')}`) }).waitFor();
        await page.getByRole('table', { name: exactly('en', 'report_hours_table') }).waitFor();
        await page
          .getByRole('table', { name: exactly('en', 'report_items_title') })
          .getByText('Bissap')
          .waitFor();
        // The shifts of the day, with a Z report on demand.
        await page.getByRole('heading', { name: exactly('en', 'report_shifts_title') }).waitFor();
        const closedShift = page
          .locator('.reports-shift')
          .filter({ hasText: text('en', 'report_shift_closed') })
          .first();
        if (await closedShift.count()) {
          await closedShift.getByRole('button', { name: exactly('en', 'report_shift_show_z') }).click();
          await closedShift.locator('.shift-report').waitFor();
        }
        // Printing hides the navigation and the buttons.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.admin-nav').isVisible()).toBe(false);
        expect(await page.getByRole('button', { name: exactly('en', 'report_csv') }).isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
        // The CSV download carries the same figures.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: exactly('en', 'report_csv') }).click(),
        ]);
        const file = await download.path();
        const { readFile } = await import('node:fs/promises');
        const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
        expect(csv.split('\r\n')[0]).toBe(`${text('en', 'report_title')},${date},XOF`);
        expect(csv.split('\r\n')).toContain(`${text('en', 'report_orders')},${report.sales.orders}`);
        await shoot(manager, 'reports');
      } catch (error) {
        throw await withScreenContents(error, { manager });
      } finally {
        await manager.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    'closes offline and reconciles once back: the shift closed once, the movement once, the same figures',
    async () => {
      const cashier = await harness().newUser();
      const { page, context } = cashier;
      try {
        await signInAsCashier(cashier);
        await openDrawerScreen(page);
        await openShift(page, '10000');
        await page.getByText(exactly('en', 'drawer_opened')).waitFor();
        await page.getByText(exactly('en', 'drawer_synced')).waitFor();
        const [opened] = await deviceShifts(page);
        const shiftId = opened?.id as string;

        await context.setOffline(true);
        await cashOut(page, '2000', 'Taxi livraison');
        await page.getByText(exactly('en', 'drawer_movement_queued')).waitFor();
        // Offline the count is queued; the reason is given in advance for a count that may differ.
        await page.getByText(exactly('en', 'drawer_close_hint_offline')).waitFor();
        await page.getByLabel(exactly('en', 'drawer_counted_label', { currency: 'XOF' })).fill('7500');
        await page
          .getByLabel(exactly('en', 'drawer_variance_reason_label_offline'))
          .selectOption({ label: text('en', 'drawer_variance_reason_change_error') });
        await page.getByRole('button', { name: exactly('en', 'drawer_close_submit') }).click();
        await page.getByText(exactly('en', 'drawer_close_queued')).waitFor();
        await page.getByText(exactly('en', 'drawer_status_closing')).waitFor();
        await shoot(cashier, 'drawer-closing-offline');
        expect((await deviceShifts(page))[0]?.closed_at).toBeNull();

        await context.setOffline(false);
        await page.getByText(exactly('en', 'drawer_closed')).waitFor({ timeout: 30_000 });
        const shifts = await deviceShifts(page);
        expect(shifts).toHaveLength(1);
        expect(shifts[0]).toMatchObject({
          id: shiftId,
          opening_float: 10_000,
          counted_cash: 7_500,
          expected_cash: 8_000,
          variance: -500,
          variance_reason: 'change_error',
        });
        const { data: movements } = await database()
          .from('cash_movements')
          .select('kind, amount, reason')
          .eq('shift_id', shiftId);
        expect(movements).toEqual([{ kind: 'cash_out', amount: 2_000, reason: 'Taxi livraison' }]);
        const z = await cashierReport(shiftId);
        const zSection = page.locator('.shift-report');
        expect(
          amountOf(await figure(page, 'report_cash_variance', zSection).locator('span > span').first().textContent()),
        ).toBe(z.cash.variance);
        expect(amountOf(await figure(page, 'report_cash_counted', zSection).textContent())).toBe(7_500);
        // Nothing left to send.
        await expect
          .poll(() =>
            page.evaluate(async () => {
              const open = indexedDB.open('comanda-outbox');
              const db = await new Promise<IDBDatabase>((resolve, reject) => {
                open.onsuccess = () => resolve(open.result);
                open.onerror = () => reject(open.error);
              });
              const names = [...db.objectStoreNames];
              if (!names.includes('commands')) return 0;
              const request = db.transaction('commands').objectStore('commands').count();
              return new Promise<number>((resolve) => {
                request.onsuccess = () => resolve(request.result);
              });
            }),
          )
          .toBe(0);
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await context.close();
      }
    },
    stepTimeoutMs,
  );
});
