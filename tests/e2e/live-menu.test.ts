/**
 * Issue 10's live 86 in Chromium against the production PWA and a real stack: a manager marks a
 * dish sold out on one till and the cashier's open till greys it at once, without a reload; then a
 * cart built offline before the dish ran out is refused when it syncs, and the cashier sees why in
 * words, next to the way out (retry or discard), while nothing is written.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { addPlain, demoRestaurantId, placeOrder, signInAsCashier } from './pos.ts';

const stepTimeoutMs = 150_000;
// A dish no other browser test orders, so marking it sold out disturbs nobody else.
const dish = { id: 'd0000000-0000-4000-8000-000000000012', name: 'Thiéboudienne' };
const demoManager = { email: 'manager@comanda.test', password: 'comanda-manager' };

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

async function setAvailable(available: boolean): Promise<void> {
  const { error } = await database().from('menu_items').update({ available }).eq('id', dish.id);
  expect(error).toBeNull();
}

async function isAvailable(): Promise<boolean | undefined> {
  const { data } = await database().from('menu_items').select('available').eq('id', dish.id).single();
  return data?.available;
}

async function signInAsManager({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(demoManager.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(demoManager.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.goto('/pos');
  await page.getByLabel(exactly('en', 'pos_search_label')).waitFor();
}

/** The dish's tile on a till: its main button is disabled while it is sold out. */
const tile = ({ page }: BrowserUser) => page.locator('.pos-item', { hasText: dish.name }).locator('.pos-item-button');

/** The manager's one-tap action on the dish's tile ("Mark sold out" / "Available again"). */
async function toggleOnManagersTill({ page }: BrowserUser, action: 'pos_mark_unavailable' | 'pos_mark_available') {
  const button = page.locator('.pos-item', { hasText: dish.name }).locator('.pos-item-availability');
  await button.filter({ hasText: text('en', action) }).click();
}

beforeAll(async () => {
  await setAvailable(true);
});

afterAll(async () => {
  await setAvailable(true);
});

describe('live 86', () => {
  it(
    'greys a dish on every open till when a manager marks it sold out, and parks an offline cart that ordered it',
    async () => {
      const manager = await harness().newUser();
      const cashier = await harness().newUser();
      try {
        await signInAsManager(manager);
        await signInAsCashier(cashier);
        await waitForServiceWorker(cashier.page);
        expect(await tile(cashier).isDisabled()).toBe(false);

        // Sold out on the manager's till → greyed on the cashier's, no reload.
        await toggleOnManagersTill(manager, 'pos_mark_unavailable');
        await expect.poll(() => tile(cashier).isDisabled(), { timeout: 10_000 }).toBe(true);
        // And back.
        await toggleOnManagersTill(manager, 'pos_mark_available');
        await expect.poll(() => tile(cashier).isDisabled(), { timeout: 10_000 }).toBe(false);

        // The cashier loses the network with the dish still available in the cached menu and
        // takes the order; meanwhile the dish runs out.
        await cashier.context.setOffline(true);
        await addPlain(cashier.page, dish.name);
        const code = await placeOrder(cashier.page);
        expect(code).toMatch(/^[A-Z]{1,3}-\d+$/);
        await toggleOnManagersTill(manager, 'pos_mark_unavailable');
        // The manager's change goes through their own outbox: let it land before the cashier syncs.
        await expect.poll(isAvailable, { timeout: 10_000 }).toBe(false);
        await cashier.context.setOffline(false);

        // The refusal is parked, never dropped: the connection bar links to it and it says why.
        const attention = cashier.page.getByRole('link', {
          name: exactly('en', 'connection_attention', { count: 1 }),
        });
        await attention.waitFor({ timeout: 30_000 });
        await attention.click();
        await cashier.page.getByText(text('en', 'db_error_item_unavailable')).waitFor();
        await cashier.page.getByRole('button', { name: exactly('en', 'outbox_discard') }).waitFor();

        // Nothing was written for it.
        const { data: orders, error } = await database()
          .from('orders')
          .select('id')
          .eq('restaurant_id', demoRestaurantId)
          .eq('provisional_code', code)
          .gte('created_at', new Date(Date.now() - 10 * 60_000).toISOString());
        expect(error).toBeNull();
        expect(orders).toEqual([]);

        // Chromium logs the refused request itself (a 400 from place_order): expected, and only that.
        const problems = harness().takeProblems();
        expect(problems.filter((p) => !(p.includes('/rest/v1/rpc/place_order') && p.includes('400')))).toEqual([]);
      } catch (error) {
        throw await withScreenContents(error, { manager, cashier });
      } finally {
        await manager.context.close();
        await cashier.context.close();
      }
    },
    stepTimeoutMs,
  );
});
