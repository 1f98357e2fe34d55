/**
 * Issue 10's till in Debian's Chromium against the production PWA and the seeded demo restaurant:
 * a cashier places orders (options, notes, takeaway, a table) and a second round for the table;
 * then a cashier with no network places five, reloads (the service worker serves the app) and
 * reconnects: exactly five orders reach the database, numbered in the order they were taken with
 * no gap in the day's numbers, and the screen swaps each provisional code (the device's own code
 * from claim_device_code) for its number. Any console error fails the test.
 */
import { mkdir } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { exactly, text } from './messages.ts';
import { addBySearch, addPlain, chooseOptions, demoRestaurantId, placeOrder, signInAsCashier } from './pos.ts';

/** The demo cashier's user id (supabase/seed.sql). */
const demoCashierId = 'b0000000-0000-4000-8000-000000000003';

const stepTimeoutMs = 150_000;
const harness = useE2eHarness();

const database = () => serviceClient(inject('stack'));

async function screenshots(user: BrowserUser, name: string): Promise<void> {
  await mkdir('/tmp/shots', { recursive: true });
  for (const [size, viewport] of [
    ['phone', { width: 360, height: 740 }],
    ['tablet', { width: 820, height: 1180 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    await user.page.setViewportSize(viewport);
    await user.page.screenshot({ path: `/tmp/shots/pos-${name}-${size}.png`, fullPage: false });
  }
}

describe('the POS', () => {
  it(
    'places three orders (options, notes, takeaway, a table) and a second round on the table',
    async () => {
      const cashier = await harness().newUser();
      const { page } = cashier;
      try {
        await signInAsCashier(cashier);

        // 1: takeaway, an item with required options, a drink, an order note.
        await addBySearch(page, 'Entrec');
        await chooseOptions(page, ['À point', 'Frites']);
        await addPlain(page, 'Bissap');
        await page.getByLabel(exactly('en', 'pos_order_note_label')).fill('Sans piment');
        await page.getByLabel(exactly('en', 'pos_order_note_label')).blur();
        if (process.env.POS_SHOTS !== '0') await screenshots(cashier, 'entry');
        const first = await placeOrder(page);
        expect(first).toMatch(/^#\d+$/);

        // 2: dine-in at Table 3.
        await page.getByRole('button', { name: exactly('en', 'pos_type_dine_in') }).click();
        await page.getByLabel(exactly('en', 'pos_table_label')).selectOption({ label: 'Table 3' });
        await addPlain(page, 'Garba');
        const second = await placeOrder(page);
        expect(second).toMatch(/^#\d+$/);

        // 3: takeaway with a line note.
        await page.getByRole('button', { name: exactly('en', 'pos_type_takeaway') }).click();
        await addPlain(page, 'Alloco');
        const note = page.getByLabel(exactly('en', 'pos_line_note_label', { name: 'Alloco' }));
        await note.fill('bien chaud');
        await note.blur();
        const third = await placeOrder(page);
        expect(third).toMatch(/^#\d+$/);

        // A second round on the table's open order.
        await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
        await page.getByRole('heading', { name: exactly('en', 'pos_orders_title') }).waitFor();
        if (process.env.POS_SHOTS !== '0') await screenshots(cashier, 'orders');
        await page.getByRole('link', { name: new RegExp(`${second}\\b`) }).click();
        await page.getByRole('link', { name: exactly('en', 'pos_add_items') }).click();
        await addPlain(page, 'Bissap');
        await page.getByRole('button', { name: exactly('en', 'pos_send_round') }).click();
        await page.getByText(text('en', 'pos_round_marker', { round: 2 })).waitFor();
        if (process.env.POS_SHOTS !== '0') await screenshots(cashier, 'detail');

        const numbers = [first, second, third].map((label) => Number(label.slice(1)));
        const { data: orders, error } = await database()
          .from('orders')
          .select('number, type, table_id, note, order_lines(name, note, round, modifiers)')
          .eq('restaurant_id', demoRestaurantId)
          .in('number', numbers)
          .order('created_at', { ascending: false })
          .limit(3);
        expect(error).toBeNull();
        const byNumber = new Map((orders ?? []).map((order) => [order.number as number, order]));
        const one = byNumber.get(numbers[0] as number);
        expect(one?.type).toBe('takeaway');
        expect(one?.note).toBe('Sans piment');
        const entrecote = ((one?.order_lines ?? []) as { name: string; modifiers: { name: string }[] }[]).find(
          (line) => line.name === 'Entrecôte',
        );
        expect(entrecote?.modifiers.map((option) => option.name).sort()).toEqual(['Frites', 'À point']);
        const two = byNumber.get(numbers[1] as number);
        expect(two?.table_id).toBe('70000000-0000-4000-8000-000000000003');
        expect(((two?.order_lines ?? []) as { name: string; round: number }[]).map((l) => [l.name, l.round])).toEqual(
          expect.arrayContaining([
            ['Garba', 1],
            ['Bissap', 2],
          ]),
        );
        const three = byNumber.get(numbers[2] as number);
        expect(((three?.order_lines ?? []) as { note: string }[])[0]?.note).toBe('bien chaud');
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await cashier.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    'takes five orders offline, survives a reload, and sends exactly five on reconnection',
    async () => {
      const cashier = await harness().newUser();
      const { page, context } = cashier;
      try {
        await signInAsCashier(cashier);
        await waitForServiceWorker(page);
        // The POS claims the device's own code when it opens; the codes given offline use it.
        const deviceCode = await (
          await page.waitForFunction((restaurantId) => {
            const stored = localStorage.getItem(`comanda.pos.device-code.${restaurantId}`);
            return stored && /^[A-Z]{1,3}$/.test(stored) ? stored : null;
          }, demoRestaurantId)
        ).jsonValue();
        await context.setOffline(true);
        const codes: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          await addPlain(page, 'Bissap');
          const code = await placeOrder(page);
          expect(code).toMatch(new RegExp(`^${deviceCode}-\\d+$`));
          codes.push(code);
        }
        await page.reload();
        await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
        for (const code of codes) await page.getByText(code, { exact: true }).waitFor();
        // Each queued card carries its order's id (generated on the device): what identifies these
        // five among the orders other tests place in the demo restaurant at the same time.
        const ids: string[] = [];
        for (const code of codes) {
          const card = page.locator('.pos-order-card.queued').filter({ has: page.getByText(code, { exact: true }) });
          ids.push((await card.getAttribute('data-order-id')) ?? '');
        }
        expect(new Set(ids).size).toBe(5);
        await context.setOffline(false);
        // Each queued card becomes the order's card, "A-7 → #42".
        for (const code of codes) {
          await page
            .locator('.pos-order-link', { hasText: code })
            .locator('.order-number')
            .waitFor({ timeout: 30_000 });
        }
        const { data: orders, error } = await database()
          .from('orders')
          .select('id, number, provisional_code, created_by, business_date')
          .eq('restaurant_id', demoRestaurantId)
          .in('id', ids);
        expect(error).toBeNull();
        expect(orders).toHaveLength(5);
        const byId = new Map((orders ?? []).map((order) => [order.id, order]));
        // In the order they were taken: each its code, by the demo cashier, numbers increasing.
        const taken = ids.map((id) => byId.get(id));
        expect(taken.map((order) => order?.provisional_code)).toEqual(codes);
        expect(taken.every((order) => order?.created_by === demoCashierId)).toBe(true);
        const numbers = taken.map((order) => order?.number as number);
        expect(numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n > (numbers[i - 1] ?? 0)))).toBe(true);
        // Other devices may take numbers in between, but the day's numbers never skip one.
        const businessDate = taken[0]?.business_date as string;
        expect(taken.every((order) => order?.business_date === businessDate)).toBe(true);
        const { data: day, error: dayError } = await database()
          .from('orders')
          .select('number')
          .eq('restaurant_id', demoRestaurantId)
          .eq('business_date', businessDate)
          .not('number', 'is', null)
          .order('number');
        expect(dayError).toBeNull();
        const dayNumbers = (day ?? []).map((order) => order.number as number);
        expect(dayNumbers).toEqual(dayNumbers.map((_, i) => i + 1));
        expect(dayNumbers).toEqual(expect.arrayContaining(numbers));
        // The device's code is its own in the restaurant.
        const { data: devices } = await database()
          .from('pos_devices')
          .select('device_id')
          .eq('restaurant_id', demoRestaurantId)
          .eq('code', deviceCode);
        expect(devices).toHaveLength(1);
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await context.close();
      }
    },
    stepTimeoutMs,
  );
});
