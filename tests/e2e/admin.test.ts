/**
 * Issue 11's admin, as an owner uses it on a phone and on a flaky connection: every admin screen
 * fits 360 px in all four languages; offline, an availability switch waits in the outbox and is
 * sent exactly once when the network returns, while the writes that need the API are disabled with
 * "You're offline — this needs a connection" beside them (and never a transport code such as
 * "http_0"); the home's figures for today are the database's `day_report`.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatMoney } from '../../app/src/lib/format/money.ts';
import { serviceClient, signedInClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { placeOrder } from './kitchen.ts';
import { exactly, type Locale, text } from './messages.ts';
import { demoCashier, demoRestaurantId } from './pos.ts';

const stepTimeoutMs = 180_000;
const demoOwner = { email: 'owner@comanda.test', password: 'comanda-owner' };
// Dishes no other browser test orders or switches, so this file disturbs nobody else.
const palmWine = { id: 'd0000000-0000-4000-8000-000000000032', name: 'Vin de palme' };
const baobabJuice = 'd0000000-0000-4000-8000-000000000027';

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

async function signInAsOwner({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(demoOwner.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(demoOwner.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Opens an admin screen from the navigation (no reload: it works offline as a person would). */
async function openSection(page: Page, locale: Locale, navKey: string): Promise<void> {
  await page
    .getByRole('navigation', { name: exactly(locale, 'admin_nav_label') })
    .getByRole('link', { name: exactly(locale, navKey) })
    .click();
  await page.locator('main h1').first().waitFor();
}

const adminScreens = [
  { path: '/admin', name: 'home' },
  { path: '/admin/menu', name: 'menu' },
  { path: '/admin/tables', name: 'tables' },
  { path: '/admin/staff', name: 'staff' },
  { path: '/admin/printers', name: 'printers' },
  { path: '/admin/settings', name: 'settings' },
  { path: '/admin/reports', name: 'reports' },
] as const;

/** Every admin screen, once its data has loaded: how much wider than the window the page is. */
async function overflowOf(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null, undefined, { timeout: 15_000 });
  // Photos and QR codes arriving late can widen a row: measured once the network is quiet.
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('the admin on a phone and offline', () => {
  it(
    'fits a 360 px phone on every admin screen in every language',
    async () => {
      const owner = await harness().newUser({ viewport: { width: 360, height: 740 } });
      try {
        await signInAsOwner(owner);
        const overflowing: string[] = [];
        let shown: Locale = 'en';
        for (const locale of ['en', 'fr', 'es', 'id'] as const) {
          await owner.page.goto('/admin');
          await owner.page.getByLabel(exactly(shown, 'language_label')).selectOption(locale);
          await owner.page.getByLabel(exactly(locale, 'language_label')).waitFor();
          shown = locale;
          for (const screen of adminScreens) {
            const extra = await overflowOf(owner.page, screen.path);
            if (extra > 0) overflowing.push(`${screen.name} in ${locale}: ${extra} px too wide`);
          }
        }
        expect(overflowing, 'admin screens wider than a 360 px phone').toEqual([]);
      } catch (error) {
        throw await withScreenContents(error, { owner });
      } finally {
        await owner.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    'queues an availability switch offline and sends it once; writes that need the API say so and wait',
    async () => {
      const owner = await harness().newUser();
      const { page, context } = owner;
      const patches: string[] = [];
      // Sends the server answered: an attempt that never left the offline device is not a send.
      const countPatch = (request: Request) => {
        if (request.method() === 'PATCH' && request.url().includes('/rest/v1/menu_items')) patches.push(request.url());
      };
      try {
        await signInAsOwner(owner);
        await waitForServiceWorker(page);
        // Each screen once online, as the owner would have: its code and data are on the device.
        for (const navKey of ['admin_nav_settings', 'admin_nav_tables', 'admin_nav_staff', 'admin_nav_printers']) {
          await openSection(page, 'en', navKey);
        }
        await openSection(page, 'en', 'admin_nav_menu');
        const available = page.getByRole('checkbox', {
          name: `${text('en', 'admin_menu_item_available')} — ${palmWine.name}`,
        });
        await expect.poll(() => available.isChecked()).toBe(true);

        await context.setOffline(true);
        await page.getByText(text('en', 'offline_notice')).waitFor();
        page.on('requestfinished', countPatch);
        await available.uncheck();
        // Kept on the device, said to be waiting, not written yet.
        await page.getByText('1 change not sent yet').first().waitFor();
        expect((await database().from('menu_items').select('available').eq('id', palmWine.id).single()).data).toEqual({
          available: true,
        });

        const needsConnection = text('en', 'offline_needs_connection');
        const categories = page.getByRole('region', { name: exactly('en', 'admin_menu_categories_title') });
        await expect
          .poll(() => categories.getByRole('button', { name: exactly('en', 'admin_menu_category_add') }).isDisabled())
          .toBe(true);
        await categories.getByText(needsConnection).waitFor();

        await openSection(page, 'en', 'admin_nav_settings');
        const save = page.getByRole('button', { name: exactly('en', 'admin_settings_save') });
        await expect.poll(() => save.isDisabled()).toBe(true);
        await page.locator('#settings-offline').getByText(needsConnection).waitFor();

        await openSection(page, 'en', 'admin_nav_tables');
        const addTable = page.getByRole('button', { name: exactly('en', 'admin_tables_add') });
        await expect.poll(() => addTable.isDisabled()).toBe(true);
        await page.locator('#table-new-offline').getByText(needsConnection).waitFor();

        await openSection(page, 'en', 'admin_nav_staff');
        const invite = page.getByRole('button', { name: exactly('en', 'admin_staff_invite_submit') });
        await expect.poll(() => invite.isDisabled()).toBe(true);
        await page.locator('#invite-offline').getByText(needsConnection).waitFor();

        await openSection(page, 'en', 'admin_nav_printers');
        await page.getByRole('button', { name: exactly('en', 'admin_printers_add') }).click();
        const form = page.locator('form.editor-panel');
        await expect
          .poll(() => form.getByRole('button', { name: exactly('en', 'admin_printers_add') }).isDisabled())
          .toBe(true);
        await form.getByText(needsConnection).waitFor();
        expect(await page.locator('body').textContent()).not.toMatch(/http_\d/);

        // Back online: the switch is sent once, and the screens stop saying they need a connection.
        await context.setOffline(false);
        await expect
          .poll(
            async () => (await database().from('menu_items').select('available').eq('id', palmWine.id).single()).data,
            {
              timeout: 20_000,
            },
          )
          .toEqual({ available: false });
        await page.getByText(needsConnection).first().waitFor({ state: 'detached' });
        await expect
          .poll(() => form.getByRole('button', { name: exactly('en', 'admin_printers_add') }).isEnabled())
          .toBe(true);
        // Long enough for a duplicate send (a retry, another tab's drain) to have shown up.
        await page.waitForTimeout(2_000);
        expect(patches).toHaveLength(1);
        expect(await page.locator('body').textContent()).not.toMatch(/http_\d/);
      } catch (error) {
        throw await withScreenContents(error, { owner });
      } finally {
        page.off('requestfinished', countPatch);
        await owner.context.close();
        await database().from('menu_items').update({ available: true }).eq('id', palmWine.id);
      }
    },
    stepTimeoutMs,
  );

  it(
    "shows today's orders and sales as day_report counts them",
    async () => {
      const stack = inject('stack');
      const cashier = await signedInClient(stack, demoCashier.email, demoCashier.password);
      await placeOrder(cashier, [baobabJuice]);
      const ownerApi = await signedInClient(stack, demoOwner.email, demoOwner.password);
      const todayReport = async () => {
        const { data, error } = await ownerApi.rpc('day_report', { p_restaurant_id: demoRestaurantId });
        if (error) throw new Error(`day_report: ${error.message}`);
        return data as { currency: string; currency_exponent: number; sales: { orders: number; total: number } };
      };
      const owner = await harness().newUser();
      try {
        await signInAsOwner(owner);
        const orders = owner.page.getByTestId('today-orders');
        const sales = owner.page.getByTestId('today-sales');
        // Other test files place orders meanwhile: compare against a report that did not move while the page read it.
        for (let attempt = 1; ; attempt++) {
          const before = await todayReport();
          await owner.page.goto('/admin');
          await orders.waitFor();
          const shown = { orders: await orders.textContent(), sales: await sales.textContent() };
          const after = await todayReport();
          if (JSON.stringify(before.sales) !== JSON.stringify(after.sales) && attempt < 5) continue;
          expect(after.sales.orders).toBeGreaterThan(0);
          expect(shown).toEqual({
            orders: String(after.sales.orders),
            sales: formatMoney(
              after.sales.total,
              { code: after.currency, exponent: after.currency_exponent, region: 'CI' },
              'en',
            ),
          });
          break;
        }
        // The set-up checklist knows the demo restaurant has a menu, tables, staff and printers.
        const setup = owner.page.getByRole('region', { name: exactly('en', 'admin_home_setup_title') });
        for (const key of [
          'admin_home_setup_menu',
          'admin_home_setup_tables',
          'admin_home_setup_staff',
          'admin_home_setup_printer',
        ]) {
          await expect
            .poll(() =>
              setup
                .getByRole('listitem')
                .filter({ hasText: text('en', key) })
                .getAttribute('data-done'),
            )
            .toBe('true');
        }
      } catch (error) {
        throw await withScreenContents(error, { owner });
      } finally {
        await owner.context.close();
      }
    },
    stepTimeoutMs,
  );
});
