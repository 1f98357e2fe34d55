/**
 * Issue 13's guest at the table, in Chromium on a 360 px phone in Spanish, against the production
 * build and a real stack: the table's URL opens the guests' own page; two dishes with options and a
 * note go to the POS guest inbox, the cashier accepts, the kitchen display shows the ticket, and
 * the phone follows accepted (with its number) → preparing → ready without a reload. A second order
 * is rejected with a reason the guest reads; a waiter call reaches the POS and its acknowledgement
 * comes back; in auto-accept mode an order reaches the kitchen with no staff action; a rotated
 * token turns the open page into "ask the staff". Tables 7 and 8 are this file's (guest-inbox.test.ts
 * uses 4 and 5).
 */
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { signInAsCook, ticket } from './kitchen.ts';
import { exactly, text } from './messages.ts';
import { demoCashier, demoRestaurantId, signInAsCashier } from './pos.ts';
import { shoot } from './screens.ts';

const stepTimeoutMs = 150_000;
/**
 * How long a status may take to reach the phone: live within a second or two, but a Realtime
 * message lost on a loaded machine is caught by the page's own re-read (every 10 s while its topic
 * is down, every 30 s while live), which this covers once.
 */
const statusWait = { timeout: 40_000 };
const phone = { width: 360, height: 740 };
const demoOwner = { email: 'owner@comanda.test', password: 'comanda-owner' };
const table7 = '70000000-0000-4000-8000-000000000007';
const table8 = '70000000-0000-4000-8000-000000000008';
const thieboudienne = 'd0000000-0000-4000-8000-000000000012';

const harness = useE2eHarness();
let owner: SupabaseClient;
let cashierDb: SupabaseClient;
let guest: BrowserUser | undefined;
let cashier: BrowserUser | undefined;
let cook: BrowserUser | undefined;
let token7 = '';

async function tokenOf(tableId: string): Promise<string> {
  const { data, error } = await owner.from('dining_tables').select('qr_token').eq('id', tableId).single();
  if (error) throw error;
  return (data as { qr_token: string }).qr_token;
}

async function setMode(mode: 'draft_first' | 'auto_accept'): Promise<void> {
  const { error } = await owner.from('restaurants').update({ guest_ordering: mode }).eq('id', demoRestaurantId);
  if (error) throw error;
}

beforeAll(async () => {
  owner = await signedInClient(inject('stack'), demoOwner.email, demoOwner.password);
  cashierDb = await signedInClient(inject('stack'), demoCashier.email, demoCashier.password);
  token7 = await tokenOf(table7);
});

afterAll(async () => {
  await setMode('draft_first').catch(() => undefined);
});

async function step(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    throw await withScreenContents(error, { guest, cashier, cook });
  }
}

/**
 * What the phone's screen shows right now (`shoot` takes the whole page, where a modal sheet is
 * not drawn where the guest sees it), to $E2E_SHOTS as `<name>-phone-screen.png`.
 */
async function shootScreen(user: BrowserUser, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await user.page.screenshot({ path: path.join(dir, `${name}-phone-screen.png`) });
}

/** A phone in Spanish: the browser's language is the page's. */
const newPhone = () => harness().newUser({ viewport: phone, locale: 'es-ES' });

/** The open item sheet (a modal dialog named after the dish). */
const sheet = (page: Page) => page.getByRole('dialog');

/** The order card on the guest's page, by the order's id in the URL the page moved to. */
const orderCard = (page: Page, orderId: string) => page.locator(`article#order-${orderId}`);

async function sendCart(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Ver pedido/ }).click();
  await sheet(page)
    .getByRole('button', { name: exactly('es', 'guest_send_order') })
    .click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

async function numberOf(orderId: string): Promise<number> {
  const { data, error } = await cashierDb.from('orders').select('number').eq('id', orderId).single();
  if (error) throw error;
  return (data as { number: number }).number;
}

let firstOrder = '';

describe('a guest orders from the table', () => {
  it(
    'two dishes with options and a note; the POS accepts, the KDS shows it; the phone follows it live',
    () =>
      step(async () => {
        guest = await newPhone();
        const { page } = guest;
        await page.goto(`/t/${token7}`);
        await page.getByRole('heading', { level: 1, name: 'Maquis Chez Awa' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
        await page.getByText('Table 7', { exact: true }).waitFor();
        // The guests' own page: no staff shell, no service worker registered by it.
        expect(await page.locator('.app-header').count()).toBe(0);
        await shoot(guest, 'guest-menu', ['phone']);
        // Readable on the narrowest phones: nothing wider than 320 px.
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await page.setViewportSize(phone);
        // Every control a thumb aims at is at least 44 × 44 px.
        const small = await page.evaluate(() =>
          [...document.querySelectorAll('button, a, select')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && (box.width < 44 || box.height < 44);
            })
            .map((element) => element.outerHTML.slice(0, 80)),
        );
        expect(small).toEqual([]);

        await page.getByRole('button', { name: /^Entrecôte/ }).click();
        const dialog = sheet(page);
        // Required choices first: adding without them says so and adds nothing.
        await dialog.getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) }).click();
        await dialog.getByText(text('es', 'guest_choose_required')).waitFor();
        await shootScreen(guest, 'guest-item-sheet');
        await dialog.getByLabel('À point').check();
        await dialog.getByLabel('Frites').check();
        await dialog.getByLabel('Piment').check();
        await dialog.getByLabel(text('es', 'guest_note_label')).fill('<b>bien chaud</b>');
        await dialog.getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) }).click();
        await dialog.waitFor({ state: 'detached' });

        await page.getByRole('button', { name: /^Poulet braisé/ }).click();
        await dialog.getByLabel('Alloco').check();
        await dialog.getByLabel('Sauce oignon').check();
        await dialog.getByRole('button', { name: exactly('es', 'guest_more') }).click();
        await dialog.getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) }).click();
        await dialog.waitFor({ state: 'detached' });

        await page.getByRole('button', { name: /^Ver pedido · 3 artículos/ }).click();
        await sheet(page)
          .getByRole('button', { name: exactly('es', 'guest_send_order') })
          .waitFor();
        await shootScreen(guest, 'guest-cart');
        await sheet(page)
          .getByRole('button', { name: exactly('es', 'guest_close') })
          .click();
        firstOrder = await sendCart(page);
        const card = orderCard(page, firstOrder);
        await card.getByText(exactly('es', 'guest_status_sent')).first().waitFor();
        // What the database stored: its lines, its options, the note as text (never as markup).
        await card.getByText('1 × Entrecôte').waitFor();
        await card.getByText('2 × Poulet braisé').waitFor();
        await card.getByText('<b>bien chaud</b>').waitFor();
        expect(await card.locator('b').count()).toBe(0);

        cashier = await harness().newUser({ viewport: { width: 820, height: 1180 } });
        await signInAsCashier(cashier);
        await cashier.page.goto('/pos/guests');
        const draft = cashier.page.locator(`li[data-order-id="${firstOrder}"]`);
        await draft.getByText('<b>bien chaud</b>').waitFor();
        await draft.getByRole('button', { name: exactly('en', 'pos_guest_accept') }).click();

        const number = await (async () => {
          const deadline = Date.now() + 20_000;
          for (;;) {
            const value = await numberOf(firstOrder);
            if (value) return value;
            if (Date.now() > deadline) throw new Error('the order was never accepted');
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        })();
        await card.getByRole('heading', { name: text('es', 'guest_order_number', { number }) }).waitFor(statusWait);
        await card
          .locator('[data-status="placed"]')
          .getByText(exactly('es', 'guest_status_accepted'))
          .waitFor(statusWait);

        cook = await harness().newUser();
        await signInAsCook(cook);
        const kdsTicket = ticket(cook.page, number);
        await kdsTicket.waitFor();
        await kdsTicket.getByText('Entrecôte').first().waitFor();
        await kdsTicket.getByRole('button', { name: exactly('en', 'kds_start') }).click();
        await card
          .locator('[data-status="preparing"]')
          .getByText(exactly('es', 'guest_status_preparing'))
          .waitFor(statusWait);
        await kdsTicket.getByRole('button', { name: exactly('en', 'kds_bump') }).click();
        await card.locator('[data-status="ready"]').getByText(exactly('es', 'guest_status_ready')).waitFor(statusWait);
        await shoot(guest, 'guest-order-ready', ['phone']);
      }),
    stepTimeoutMs,
  );

  it(
    'a second order is rejected with a reason the guest reads; a third, sent twice over a lost answer, is one order the guest cancels',
    () =>
      step(async () => {
        if (!guest || !cashier) throw new Error('the first test did not open the guest and the POS');
        const { page } = guest;
        await page.getByRole('link', { name: exactly('es', 'guest_tab_menu') }).click();
        await page.getByRole('button', { name: /^Attiéké/ }).click();
        await sheet(page)
          .getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) })
          .click();
        const second = await sendCart(page);
        const card = orderCard(page, second);
        await card.getByText(exactly('es', 'guest_status_sent')).first().waitFor();

        const draft = cashier.page.locator(`li[data-order-id="${second}"]`);
        await draft.getByRole('button', { name: exactly('en', 'pos_guest_reject') }).click();
        const reject = cashier.page.getByRole('dialog');
        await reject.getByLabel(exactly('en', 'pos_guest_reject_reason')).fill('Plus d’attiéké ce soir');
        await reject.getByRole('button', { name: exactly('en', 'pos_guest_reject_confirm') }).click();

        await card
          .locator('[data-status="rejected"]')
          .getByText(exactly('es', 'guest_status_rejected'))
          .waitFor(statusWait);
        await card.getByText('Plus d’attiéké ce soir').waitFor(statusWait);
        // The first order is still there, ready: several orders in one visit.
        await orderCard(page, firstOrder).locator('[data-status="ready"]').waitFor();
        await shoot(guest, 'guest-order-rejected', ['phone']);

        // An answer lost on the way back: the order is stored, the phone saw a network failure. Sent
        // again, it is the same order (the same id), not a second one; the guest then cancels it.
        await page.getByRole('link', { name: exactly('es', 'guest_tab_menu') }).click();
        await page.getByRole('button', { name: /^Alloco/ }).click();
        await sheet(page)
          .getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) })
          .click();
        let sentId = '';
        await page.route('**/rest/v1/rpc/guest_place_order', async (route) => {
          sentId = (JSON.parse(route.request().postData() ?? '{}') as { p_order: { id: string } }).p_order.id;
          await route.fetch();
          await route.abort('connectionreset');
        });
        await page.getByRole('button', { name: /^Ver pedido/ }).click();
        const cart = sheet(page);
        await cart.getByRole('button', { name: exactly('es', 'guest_send_order') }).click();
        await cart.getByText(text('es', 'guest_error_network')).waitFor();
        await page.unroute('**/rest/v1/rpc/guest_place_order');
        expect(
          harness()
            .takeProblems()
            .every((problem) => /ERR_CONNECTION_RESET/.test(problem)),
        ).toBe(true);
        await cart.getByRole('button', { name: exactly('es', 'guest_send_order') }).click();
        await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
        const third = new URL(page.url()).pathname.split('/').pop() ?? '';
        expect(third).toBe(sentId);
        const { count } = await cashierDb
          .from('orders')
          .select('id', { count: 'exact', head: true })
          .eq('table_id', table7)
          .eq('status', 'draft');
        expect(count).toBe(1);
        const cancelled = orderCard(page, third);
        await cancelled.getByRole('button', { name: exactly('es', 'guest_cancel_order') }).click();
        await cancelled
          .locator('[data-status="cancelled"]')
          .getByText(exactly('es', 'guest_status_cancelled'))
          .waitFor();
      }),
    stepTimeoutMs,
  );

  it(
    'the waiter call reaches the POS and its acknowledgement comes back',
    () =>
      step(async () => {
        if (!guest || !cashier) throw new Error('the first test did not open the guest and the POS');
        const { page } = guest;
        await page.getByRole('button', { name: exactly('es', 'guest_call_waiter') }).click();
        await page.getByText(exactly('es', 'guest_waiter_called')).waitFor();
        const call = cashier.page
          .locator('li[data-kind="call_waiter"]')
          .filter({ hasText: text('en', 'pos_guest_call_waiter', { table: 'Table 7' }) });
        await call.getByRole('button', { name: exactly('en', 'pos_guest_acknowledge') }).click();
        await page.getByText(exactly('es', 'guest_waiter_coming')).waitFor(statusWait);
      }),
    stepTimeoutMs,
  );

  it(
    'a dish that sells out greys out while the guest looks at the menu',
    () =>
      step(async () => {
        if (!guest) throw new Error('the first test did not open the guest');
        const { page } = guest;
        await page.getByRole('link', { name: exactly('es', 'guest_tab_menu') }).click();
        const dish = page.getByRole('button', { name: /^Thiéboudienne/ });
        await expect.poll(() => dish.isEnabled()).toBe(true);
        const setAvailable = async (available: boolean) => {
          const { error } = await owner.from('menu_items').update({ available }).eq('id', thieboudienne);
          if (error) throw error;
        };
        await setAvailable(false);
        try {
          await dish.getByText(exactly('es', 'guest_sold_out')).waitFor();
          expect(await dish.isDisabled()).toBe(true);
          await dish.scrollIntoViewIfNeeded();
          await shootScreen(guest, 'guest-sold-out');
        } finally {
          await setAvailable(true);
        }
        await dish.getByText(exactly('es', 'guest_sold_out')).waitFor({ state: 'detached' });
      }),
    stepTimeoutMs,
  );

  it(
    'in auto-accept mode an order reaches the kitchen with no staff action',
    () =>
      step(async () => {
        if (!guest || !cook) throw new Error('the first test did not open the guest and the KDS');
        const { page } = guest;
        await setMode('auto_accept');
        try {
          await page.getByRole('link', { name: exactly('es', 'guest_tab_menu') }).click();
          await page.getByRole('button', { name: /^Riz blanc/ }).click();
          await sheet(page)
            .getByRole('button', { name: new RegExp(`^${text('es', 'guest_add_to_order')}`) })
            .click();
          const third = await sendCart(page);
          const number = await numberOf(third);
          expect(number).toBeGreaterThan(0);
          const card = orderCard(page, third);
          await card.getByRole('heading', { name: text('es', 'guest_order_number', { number }) }).waitFor();
          await ticket(cook.page, number).getByText('Riz blanc').waitFor();
        } finally {
          await setMode('draft_first');
        }
      }),
    stepTimeoutMs,
  );

  it(
    'the language is switchable and remembered; a rotated token turns the open page into "ask the staff"',
    () =>
      step(async () => {
        const phone8 = await newPhone();
        const { page } = phone8;
        const token8 = await tokenOf(table8);
        await page.goto(`/t/${token8}`);
        await page.getByText('Table 8', { exact: true }).waitFor();
        // The guest switches to English; a reload keeps it.
        await page.getByRole('combobox', { name: exactly('es', 'guest_language') }).selectOption('en');
        await page.getByRole('link', { name: exactly('en', 'guest_tab_orders') }).waitFor();
        await page.reload();
        await page.getByRole('link', { name: exactly('en', 'guest_tab_orders') }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

        const { error } = await owner.rpc('rotate_table_token', { p_table_id: table8 });
        expect(error).toBeNull();
        await page.getByRole('heading', { name: exactly('en', 'guest_invalid_title') }).waitFor();
        await page.getByText(exactly('en', 'guest_invalid_body')).waitFor();
        await shoot(phone8, 'guest-code-rotated', ['phone']);

        // Opened again from the old card: the same page, from the database's refusal.
        await page.reload();
        await page.getByRole('heading', { name: exactly('en', 'guest_invalid_title') }).waitFor();
        // The browser logs the refused request (HTTP 400) as a console error: expected here, and only that.
        const problems = harness().takeProblems();
        expect(problems.every((problem) => /status of 400/.test(problem))).toBe(true);
        await phone8.context.close();
      }),
    stepTimeoutMs,
  );
});
