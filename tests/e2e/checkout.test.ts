/**
 * Issue 14's checkout in Debian's Chromium against the production PWA and the seeded demo
 * restaurant (XOF, no decimals, tax included): the cashier opens the drawer with a float, takes a
 * cash sale with change from a quick-cash button (after the till refuses cash that does not cover the
 * due and an amount with decimals), and a sale split evenly by two guests, one part cash and one card;
 * a table's two orders are paid at once with the change on the last part; a manager gives a 10 %
 * discount on another order and refunds part of the card payment; and a sale placed and paid in
 * cash with the network off reaches the database once, order then payment, when it returns. Every
 * figure is read back from the database. Screenshots (phone and tablet width) go to $E2E_SHOTS.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { addPlain, demoRestaurantId, placeOrder, signInAsCashier } from './pos.ts';
import { amountOf, shoot as shootSizes } from './screens.ts';

const demoManager = { email: 'manager@comanda.test', password: 'comanda-manager' };
const stepTimeoutMs = 180_000;
const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

/** Orders the cashier's test leaves for the manager's (the tests of a file run in order). */
const orders: { split?: string; discounted?: string } = {};
const shoot = (user: BrowserUser, name: string) => shootSizes(user, `checkout-${name}`);

/** The order the POS just placed ("#12" today) as the database has it. */
async function orderByLabel(label: string): Promise<{ id: string; total: number; subtotal: number }> {
  const { data, error } = await database()
    .from('orders')
    .select('id, total, subtotal')
    .eq('restaurant_id', demoRestaurantId)
    .eq('number', Number(label.slice(1)))
    .order('created_at', { ascending: false })
    .limit(1)
    .single();
  expect(error).toBeNull();
  return data as { id: string; total: number; subtotal: number };
}

/** Waits until the order has `count` payment rows (the screen may say "paid" while its last is being sent). */
async function settled(orderIds: string[], count: number): Promise<void> {
  await expect
    .poll(async () => (await Promise.all(orderIds.map(paymentsOf))).flat().length, { timeout: 15_000 })
    .toBe(count);
}

async function paymentsOf(orderId: string) {
  const { data, error } = await database()
    .from('payments')
    .select('*')
    .eq('order_id', orderId)
    .order('created_at', { ascending: true });
  expect(error).toBeNull();
  return data ?? [];
}

async function newSale(page: Page, items: string[], table?: string): Promise<string> {
  await page.getByRole('link', { name: exactly('en', 'pos_nav_new') }).click();
  await page.getByLabel(exactly('en', 'pos_search_label')).waitFor();
  if (table) {
    await page.getByRole('button', { name: exactly('en', 'pos_type_dine_in') }).click();
    await page.getByLabel(exactly('en', 'pos_table_label')).selectOption({ label: table });
  } else {
    await page.getByRole('button', { name: exactly('en', 'pos_type_takeaway') }).click();
  }
  for (const item of items) await addPlain(page, item);
  return placeOrder(page);
}

/** From the open orders, the order's card's Pay button, to its checkout. */
async function openCheckout(page: Page, orderId: string): Promise<void> {
  await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
  await page
    .locator(`.pos-order-card[data-order-id="${orderId}"]`)
    .getByRole('link', { name: exactly('en', 'pay_action') })
    .click();
  await page.getByRole('heading', { name: new RegExp(`^\\s*${text('en', 'pay_title')}`) }).waitFor();
}

/** A message with an amount in it, whatever the currency's symbol and spaces: "Pay one part: F CFA 2,000". */
function withAmount(key: string, digits: string): RegExp {
  const [before = '', after = ''] = text('en', key, { amount: '\u0000' }).split('\u0000');
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${literal(before)}\\D*${literal(digits)}${literal(after)}\\s*$`);
}

const due = (page: Page) => page.getByTestId('pay-due');
const submitButton = (page: Page) =>
  page.getByRole('button', { name: new RegExp(`^${text('en', 'pay_submit', { amount: 'X' }).split('X')[0]}`) });

/** Opens this device's drawer (issue 14's /pos/drawer) with a float of 20 000; answers the shift. */
async function openDrawer(page: Page): Promise<{ id: string }> {
  await page.getByRole('link', { name: exactly('en', 'drawer_nav') }).click();
  await page.getByLabel(exactly('en', 'drawer_float_label', { currency: 'XOF' })).fill('20000');
  await page.getByRole('button', { name: exactly('en', 'drawer_open_submit') }).click();
  await page.getByText(exactly('en', 'drawer_opened')).waitFor();
  const device = await page.evaluate(() => localStorage.getItem('comanda.device.id'));
  const { data: shift, error } = await database()
    .from('shifts')
    .select('id')
    .eq('restaurant_id', demoRestaurantId)
    .eq('device_id', device as string)
    .is('closed_at', null)
    .single();
  expect(error).toBeNull();
  return shift as { id: string };
}

async function signInAs(user: BrowserUser, account: { email: string; password: string }): Promise<void> {
  const { page } = user;
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(account.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(account.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

describe('the checkout', () => {
  it(
    'takes a cash sale with change and a sale split by guests in cash and card, in the open shift',
    async () => {
      const cashier = await harness().newUser();
      const { page } = cashier;
      try {
        await signInAsCashier(cashier);
        const shift = await openDrawer(page);

        // Sale 1: Garba 1 500 + Bissap 1 000 = 2 500, paid cash with a 5 000 note.
        const first = await orderByLabel(await newSale(page, ['Garba', 'Bissap']));
        expect(first.total).toBe(2500);
        await openCheckout(page, first.id);
        expect(amountOf(await due(page).textContent())).toBe(2500);
        // Bad input, refused on the device with nothing sent.
        const tendered = page.getByLabel(exactly('en', 'pay_tendered_label'));
        await tendered.fill('2000');
        await submitButton(page).click();
        await page.getByText(/^The cash received must cover/).waitFor();
        await page.getByLabel(exactly('en', 'pay_amount_label')).fill('12.5');
        await submitButton(page).click();
        await page.getByText(exactly('en', 'pay_error_no_decimals')).waitFor();
        expect(await paymentsOf(first.id)).toEqual([]);
        await page.getByLabel(exactly('en', 'pay_amount_label')).fill('2500');
        await tendered.fill('');
        await page
          .locator('.pay-quick')
          .getByRole('button', { name: /(^|\D)5,000$/ })
          .click();
        expect(amountOf(await page.locator('.pay-change-amount').textContent())).toBe(2500);
        await shoot(cashier, 'cash');
        await submitButton(page).click();
        await page.locator('.pay-answer-change').getByText(/2,500/).waitFor();
        await page.getByText(exactly('en', 'pay_nothing_due')).waitFor();
        await shoot(cashier, 'paid');
        await settled([first.id], 1);
        const [cash] = await paymentsOf(first.id);
        expect(cash).toMatchObject({
          method: 'cash',
          amount: 2500,
          tendered: 5000,
          change: 2500,
          tip: 0,
          shift_id: shift.id,
        });
        const { data: paidOrder } = await database()
          .from('orders')
          .select('paid, payment_status')
          .eq('id', first.id)
          .single();
        expect(paidOrder).toEqual({ paid: 2500, payment_status: 'paid' });

        // Sale 2: Garba × 2 + Bissap = 4 000, split evenly by two guests: 2 000 cash (exact), 2 000 card.
        const second = await orderByLabel(await newSale(page, ['Garba', 'Garba', 'Bissap']));
        expect(second.total).toBe(4000);
        orders.split = second.id;
        await openCheckout(page, second.id);
        await page.getByRole('button', { name: exactly('en', 'pay_split_even') }).click();
        await page.getByRole('button', { name: withAmount('pay_use_part', '2,000') }).click();
        await page.getByRole('button', { name: exactly('en', 'pay_exact') }).click();
        await shoot(cashier, 'split');
        await submitButton(page).click();
        await page.waitForFunction(() =>
          document.querySelector('[data-testid="pay-due"]')?.textContent?.includes('2,000'),
        );
        await page.getByRole('button', { name: exactly('en', 'pay_method_card') }).click();
        await submitButton(page).click();
        await page.getByText(exactly('en', 'pay_nothing_due')).waitFor();
        await settled([second.id], 2);
        const split = await paymentsOf(second.id);
        expect(split.map((row) => [row.method, row.amount, row.tendered, row.change])).toEqual([
          ['cash', 2000, 2000, 0],
          ['card', 2000, null, null],
        ]);
        expect(split.every((row) => row.shift_id === shift.id)).toBe(true);

        // Sale 3, left unpaid for the manager's discount.
        orders.discounted = (await orderByLabel(await newSale(page, ['Garba', 'Alloco']))).id;

        // Table 6's bill: two orders (1 500, then 1 000) paid at once with a 10 000 note. The older
        // order is paid exactly; the change (7 500) is given on the last part.
        const older = await orderByLabel(await newSale(page, ['Garba'], 'Table 6'));
        const newer = await orderByLabel(await newSale(page, ['Bissap'], 'Table 6'));
        await page.goto(`/pos/orders/${older.id}`);
        await page.getByRole('link', { name: exactly('en', 'pay_table_bill') }).click();
        await page.getByRole('heading', { name: exactly('en', 'pay_bill_title', { table: 'Table 6' }) }).waitFor();
        await page.waitForFunction(() =>
          document.querySelector('[data-testid="pay-due"]')?.textContent?.includes('2,500'),
        );
        await page
          .locator('.pay-quick')
          .getByRole('button', { name: /(^|\D)10,000$/ })
          .click();
        await shoot(cashier, 'table-bill');
        await submitButton(page).click();
        await page.locator('.pay-answer-change').getByText(/7,500/).waitFor();
        await settled([older.id, newer.id], 2);
        const parts = [...(await paymentsOf(older.id)), ...(await paymentsOf(newer.id))];
        expect(parts.map((row) => [row.order_id, row.amount, row.tendered, row.change])).toEqual([
          [older.id, 1500, 1500, 0],
          [newer.id, 1000, 8500, 7500],
        ]);
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await cashier.context.close();
      }
    },
    stepTimeoutMs,
  );

  it(
    'lets a manager give a discount with a reason and refund part of a card payment',
    async () => {
      expect(orders.split && orders.discounted).toBeTruthy();
      const manager = await harness().newUser();
      const { page } = manager;
      try {
        await signInAs(manager, demoManager);
        // A 10 % discount on the whole order (Garba 1 500 + Alloco 1 000 = 2 500 → 250 off).
        await page.goto(`/pos/orders/${orders.discounted}`);
        await page.getByRole('button', { name: exactly('en', 'pay_discount_add') }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(exactly('en', 'pay_discount_percent_label')).fill('150');
        await dialog.getByLabel(exactly('en', 'pay_reason_label')).fill('Regular customer');
        await dialog.getByRole('button', { name: exactly('en', 'pay_discount_confirm') }).click();
        await dialog.getByText(exactly('en', 'pay_error_percent_out_of_range')).waitFor();
        await dialog.getByLabel(exactly('en', 'pay_discount_percent_label')).fill('10');
        await shoot(manager, 'discount');
        await dialog.getByRole('button', { name: exactly('en', 'pay_discount_confirm') }).click();
        await page.getByText(exactly('en', 'pay_discount_done')).waitFor();
        await page.locator('.pos-totals').getByText(/2,250/).waitFor();
        const { data: discounted } = await database()
          .from('orders')
          .select('subtotal, discount, total, order_discounts(kind, value, amount, reason, line_id)')
          .eq('id', orders.discounted as string)
          .single();
        expect(discounted).toEqual({
          subtotal: 2500,
          discount: 250,
          total: 2250,
          order_discounts: [{ kind: 'percent', value: 1000, amount: 250, reason: 'Regular customer', line_id: null }],
        });

        // A refund of 500 of the 2 000 card payment, with a reason.
        await page.goto(`/pos/orders/${orders.split}`);
        const cardRow = page.locator('.pay-rows li', { hasText: text('en', 'pay_method_card') });
        await cardRow.getByRole('button', { name: exactly('en', 'pay_refund') }).click();
        const refund = page.getByRole('dialog');
        await refund.getByLabel(exactly('en', 'pay_refund_amount')).fill('2500');
        await refund.getByLabel(exactly('en', 'pay_reason_label')).fill('Cold dish');
        await refund.getByRole('button', { name: exactly('en', 'pay_refund_confirm') }).click();
        await refund.getByText(/^At most/).waitFor();
        await refund.getByLabel(exactly('en', 'pay_refund_amount')).fill('500');
        await shoot(manager, 'refund');
        await refund.getByRole('button', { name: exactly('en', 'pay_refund_confirm') }).click();
        await page.getByText(withAmount('pay_refund_done', '500')).waitFor();
        await shoot(manager, 'detail');
        await settled([orders.split as string], 3);
        const rows = await paymentsOf(orders.split as string);
        const card = rows.find((row) => row.method === 'card' && row.amount > 0);
        expect(rows.filter((row) => row.amount < 0).map((row) => [row.amount, row.refund_of, row.reason])).toEqual([
          [-500, card?.id, 'Cold dish'],
        ]);
        const { data: refundedOrder } = await database()
          .from('orders')
          .select('paid, refunded')
          .eq('id', orders.split as string)
          .single();
        expect(refundedOrder).toEqual({ paid: 3500, refunded: 500 });
      } catch (error) {
        throw await withScreenContents(error, { manager });
      } finally {
        await manager.context.close();
      }
    },
    stepTimeoutMs,
  );
  it(
    'sells and takes cash offline, then sends the order and its payment exactly once',
    async () => {
      const cashier = await harness().newUser();
      const { page, context } = cashier;
      try {
        await signInAsCashier(cashier);
        await waitForServiceWorker(page);
        const shift = await openDrawer(page);
        await context.setOffline(true);
        // Garba 1 500 + Bissap 1 000, placed offline: the device's code, no number yet.
        await page.getByRole('link', { name: exactly('en', 'pos_nav_new') }).click();
        await page.getByRole('button', { name: exactly('en', 'pos_type_takeaway') }).click();
        await addPlain(page, 'Garba');
        await addPlain(page, 'Bissap');
        const code = await placeOrder(page);
        expect(code).toMatch(/^[A-Z]{1,3}-\d+$/);
        await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
        const card = page.locator('.pos-order-card.queued').filter({ has: page.getByText(code, { exact: true }) });
        const orderId = (await card.getAttribute('data-order-id')) as string;
        await card.getByRole('link', { name: exactly('en', 'pay_action') }).click();
        // The total as the device priced it, paid in cash with a 5 000 note.
        await page.getByText(exactly('en', 'pay_provisional_total')).waitFor();
        expect(amountOf(await due(page).textContent())).toBe(2500);
        await page
          .locator('.pay-quick')
          .getByRole('button', { name: /(^|\D)5,000$/ })
          .click();
        await submitButton(page).click();
        await page.locator('.pay-answer').getByText(text('en', 'pay_not_sent_yet')).waitFor();
        await page.getByText(exactly('en', 'pay_state_paid_unsent')).waitFor();
        await shoot(cashier, 'offline');
        expect(await paymentsOf(orderId)).toEqual([]);

        await context.setOffline(false);
        await settled([orderId], 1);
        const [payment] = await paymentsOf(orderId);
        expect(payment).toMatchObject({
          method: 'cash',
          amount: 2500,
          tendered: 5000,
          change: 2500,
          shift_id: shift.id,
        });
        const { data: order } = await database()
          .from('orders')
          .select('total, paid, payment_status, provisional_code')
          .eq('id', orderId)
          .single();
        expect(order).toEqual({ total: 2500, paid: 2500, payment_status: 'paid', provisional_code: code });
      } catch (error) {
        throw await withScreenContents(error, { cashier });
      } finally {
        await context.close();
      }
    },
    stepTimeoutMs,
  );
});
