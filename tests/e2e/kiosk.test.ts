/**
 * Issue 15's self-order kiosk, in Chromium on a landscape tablet against the production build and a
 * real stack: the owner creates a kiosk pairing code on the admin's devices list and a fresh tablet
 * pairs with it at /kiosk; a customer orders two dishes with options in Indonesian and reads a big
 * number; the POS lists it as a kiosk order awaiting payment, the cashier takes the payment and the
 * kitchen display shows it. In direct mode the order reaches the KDS at once, and an 86'd dish leaves
 * the open menu. Offline, three orders
 * get provisional numbers, survive a reload and arrive exactly once when the network returns. Left
 * alone, the kiosk asks "still there?" and clears the order. Revoking it in the admin signs the
 * tablet out. The kiosk is this file's own (created here), on the shared demo restaurant.
 */
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { signInAsCook, ticket } from './kitchen.ts';
import { exactly, text } from './messages.ts';
import { signInAsCashier } from './pos.ts';
import { shoot } from './screens.ts';

const stepTimeoutMs = 180_000;
const tablet = { width: 1180, height: 820 };
const demoOwner = { email: 'owner@comanda.test', password: 'comanda-owner' };
const kioskLabel = `Kiosk e2e ${Date.now().toString(36)}`;

const harness = useE2eHarness();
let owner: SupabaseClient;
let admin: BrowserUser | undefined;
let kiosk: BrowserUser | undefined;
let cashier: BrowserUser | undefined;
let cook: BrowserUser | undefined;
let kioskId = '';

beforeAll(async () => {
  owner = await signedInClient(inject('stack'), demoOwner.email, demoOwner.password);
});

afterAll(async () => {
  // Nothing of the shared restaurant changes but this file's own kiosk: revoke it if a test stopped early.
  if (kioskId) await owner.rpc('revoke_kiosk', { p_kiosk_id: kioskId });
});

async function step(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    throw await withScreenContents(error, { admin, kiosk, cashier, cook });
  }
}

/** What the tablet shows now (a modal sheet is drawn where the customer sees it), to $E2E_SHOTS. */
async function shootKiosk(name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir && kiosk) await kiosk.page.screenshot({ path: path.join(dir, `kiosk-${name}-tablet.png`) });
}

async function settings(values: Record<string, unknown>): Promise<void> {
  const { error } = await owner.rpc('update_kiosk', { p_kiosk_id: kioskId, p_settings: values });
  if (error) throw new Error(`update_kiosk: ${error.message}`);
}

/** Gnamakoudji: a drink no other e2e file touches, switched off and on again by this one. */
const gnamakoudji = 'd0000000-0000-4000-8000-000000000026';

async function setAvailable(itemId: string, available: boolean): Promise<void> {
  const { error } = await owner.from('menu_items').update({ available }).eq('id', itemId);
  if (error) throw error;
}

interface StoredOrder {
  id: string;
  status: string;
  source: string;
  number: number | null;
  provisional_code: string | null;
}

async function kioskOrders(): Promise<StoredOrder[]> {
  const { data, error } = await owner
    .from('orders')
    .select('id, status, source, number, provisional_code')
    .eq('kiosk_id', kioskId);
  if (error) throw error;
  return data as StoredOrder[];
}

/** Polls the database until `check` holds (the outbox and Realtime answer in their own time). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const number = (page: Page) => page.locator('.kiosk-number');
/** The number on the confirmation: a provisional code ("K-3") or the day's number. */
const shownNumber = async (page: Page) => ((await page.locator('.kiosk-number-value').textContent()) ?? '').trim();
const sheet = (page: Page) => page.getByRole('dialog');

/** Opens a dish, ticks its options, adds it (the guests' item sheet, in the kiosk's language). */
async function addDish(page: Page, locale: 'id' | 'fr', dish: string, options: string[]): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${dish},`) }).click();
  const dialog = sheet(page);
  // An option's label carries its price when it has one ("Sauce oignon +F CFA 200").
  for (const option of options) await dialog.getByLabel(option).check();
  await dialog.getByRole('button', { name: new RegExp(`^${text(locale, 'guest_add_to_order')}`) }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** From the menu: review, take away, place; answers the number on the confirmation. */
async function placeTakeaway(page: Page, locale: 'id' | 'fr', count: number): Promise<string> {
  await page.getByRole('button', { name: exactly(locale, 'kiosk_view_order', { count }) }).click();
  await page.getByRole('button', { name: exactly(locale, 'kiosk_takeaway') }).click();
  await page.getByRole('button', { name: exactly(locale, 'kiosk_place_order') }).click();
  await number(page).waitFor();
  return shownNumber(page);
}

describe('a self-order kiosk', () => {
  it(
    'pairs with the admin code; an Indonesian order with options waits for payment; the cashier takes it; the kitchen gets it',
    () =>
      step(async () => {
        admin = await harness().newUser();
        await admin.page.goto('/sign-in');
        await dismissOfflineReady(admin.page);
        await admin.page.getByLabel(exactly('en', 'email_label')).fill(demoOwner.email);
        await admin.page.getByLabel(exactly('en', 'password_label')).fill(demoOwner.password);
        await admin.page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
        await admin.page.waitForURL((url) => url.pathname !== '/sign-in');
        await admin.page.goto('/admin/printers');
        const section = admin.page.locator('section', {
          has: admin.page.getByRole('heading', { name: exactly('en', 'admin_kiosks_title') }),
        });
        await section.getByLabel(exactly('en', 'admin_kiosks_label')).first().fill(kioskLabel);
        await section.getByRole('button', { name: exactly('en', 'admin_kiosks_create') }).click();
        const code = ((await section.getByTestId('kiosk-pairing-code').textContent()) ?? '').trim();
        expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
        await shoot(admin, 'kiosk-admin', ['desktop']);
        const { data: row } = await owner.from('kiosks').select('id').eq('label', kioskLabel).single();
        kioskId = (row as { id: string }).id;
        await settings({ mode: 'pay_at_counter' });

        kiosk = await harness().newUser({ viewport: tablet });
        const { page } = kiosk;
        await page.goto('/kiosk');
        // The staff shell's news shows on the pairing screen (staff set the tablet up)…
        const offlineReady = page.getByRole('status').filter({ hasText: text('en', 'offline_ready') });
        await offlineReady.waitFor();
        await page.getByRole('heading', { name: exactly('en', 'kiosk_pair_title') }).waitFor();
        expect(await page.locator('.app-header').count()).toBe(0);
        await shootKiosk('pairing');
        await page.getByLabel(exactly('en', 'kiosk_pair_code_label')).fill(code.toLowerCase());
        await page.getByRole('button', { name: exactly('en', 'kiosk_pair_submit') }).click();
        // The restaurant's language (French) on the attract screen, whatever the browser's.
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Maquis Chez Awa' }).waitFor();
        // …never on the customers' screens, though nobody dismissed it.
        expect(await page.locator('.toast').count()).toBe(0);
        await shootKiosk('attract-first-load');
        // Paired for good: a reload is still this kiosk.
        await page.reload();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).waitFor();
        await shootKiosk('attract');
        const { data: kioskRow } = await owner.from('kiosks').select('claimed_at').eq('id', kioskId).single();
        expect((kioskRow as { claimed_at: string | null }).claimed_at).not.toBeNull();

        await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
        await page.getByRole('button', { name: exactly('id', 'kiosk_touch_to_order') }).click();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
        await page.getByRole('button', { name: /^Entrecôte,/ }).waitFor();
        await shootKiosk('menu');
        // Portrait too: the categories go above the dishes.
        await shoot(kiosk, 'kiosk-menu-portrait', ['tablet']);
        // Required choices first: adding without them says so (in Indonesian) and adds nothing.
        await page.getByRole('button', { name: /^Entrecôte,/ }).click();
        await sheet(page)
          .getByRole('button', { name: new RegExp(`^${text('id', 'guest_add_to_order')}`) })
          .click();
        await sheet(page).getByText(text('id', 'guest_choose_required')).waitFor();
        await shootKiosk('item-sheet');
        await sheet(page)
          .getByRole('button', { name: exactly('id', 'guest_close') })
          .click();
        await addDish(page, 'id', 'Entrecôte', ['À point', 'Frites', 'Piment']);
        await addDish(page, 'id', 'Poulet braisé', ['Alloco', 'Sauce oignon']);
        await page.getByRole('button', { name: exactly('id', 'kiosk_view_order', { count: 2 }) }).click();
        await page.getByRole('heading', { name: exactly('id', 'kiosk_review_title') }).waitFor();
        await page.getByText(exactly('id', 'kiosk_pay_hint')).waitFor();
        await shootKiosk('review');
        await page.getByRole('button', { name: exactly('id', 'kiosk_add_more') }).click();
        const shown = await placeTakeaway(page, 'id', 2);
        expect(shown).toMatch(/^K[A-Z]*-\d+$/);
        await page.getByText(exactly('id', 'kiosk_confirm_pay')).waitFor();
        await shootKiosk('confirmation');

        const [draft] = await eventually(kioskOrders, (rows) => rows.length === 1);
        expect(draft).toMatchObject({ source: 'kiosk', status: 'draft', number: null, provisional_code: shown });

        cashier = await harness().newUser();
        await signInAsCashier(cashier);
        await cashier.page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
        const card = cashier.page.locator(`.pos-order-card[data-order-id="${draft?.id}"]`);
        await card.getByText(exactly('en', 'pos_order_from_kiosk')).waitFor();
        await card.getByText(exactly('en', 'pos_awaiting_payment')).waitFor();
        await card.getByText(shown).waitFor();
        await card.getByRole('link', { name: exactly('en', 'pay_action') }).click();
        await cashier.page.getByRole('button', { name: exactly('en', 'pay_method_card') }).click();
        await cashier.page
          .getByRole('button', { name: new RegExp(`^${text('en', 'pay_submit', { amount: 'X' }).split('X')[0]}`) })
          .click();
        await cashier.page.getByText(exactly('en', 'pay_nothing_due')).waitFor();
        const [paid] = await eventually(kioskOrders, (rows) => rows[0]?.status === 'placed');
        expect(paid?.number).toEqual(expect.any(Number));

        cook = await harness().newUser();
        await signInAsCook(cook);
        await ticket(cook.page, paid?.number ?? 0).waitFor();
      }),
    stepTimeoutMs,
  );

  it(
    'in direct mode the order reaches the kitchen at once and the screen shows the day’s number',
    () =>
      step(async () => {
        if (!kiosk || !cook) throw new Error('the first test did not pair the kiosk');
        const { page } = kiosk;
        await settings({ mode: 'direct' });
        await page.getByRole('button', { name: exactly('id', 'kiosk_done') }).click();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).click();
        await addDish(page, 'fr', 'Bissap', []);
        await page.getByRole('button', { name: exactly('fr', 'kiosk_view_order', { count: 1 }) }).click();
        await page.getByText(exactly('fr', 'kiosk_direct_hint')).waitFor();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_add_more') }).click();
        await placeTakeaway(page, 'fr', 1);
        await page.locator('.kiosk-number[data-synced="true"]').waitFor();
        const shown = await shownNumber(page);
        expect(shown).toMatch(/^\d+$/);
        await page.getByText(exactly('fr', 'kiosk_confirm_kitchen')).waitFor();
        await ticket(cook.page, Number(shown)).waitFor();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_done') }).click();

        // 86: a dish the kitchen runs out of leaves the open menu live, and comes back.
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).click();
        const dish = page.getByRole('button', { name: /^Gnamakoudji,/ });
        await dish.waitFor();
        try {
          await setAvailable(gnamakoudji, false);
          await dish.waitFor({ state: 'detached' });
        } finally {
          await setAvailable(gnamakoudji, true);
        }
        await dish.waitFor();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_start_over') }).click();
      }),
    stepTimeoutMs,
  );

  it(
    'offline: three orders with provisional numbers survive a reload and arrive exactly once',
    () =>
      step(async () => {
        if (!kiosk) throw new Error('the first test did not pair the kiosk');
        const { page, context } = kiosk;
        await waitForServiceWorker(page);
        const before = (await kioskOrders()).length;
        await context.setOffline(true);
        const codes: string[] = [];
        for (let n = 0; n < 3; n++) {
          await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).click();
          await addDish(page, 'fr', 'Bissap', []);
          codes.push(await placeTakeaway(page, 'fr', 1));
          await page.getByText(exactly('fr', 'kiosk_confirm_offline')).waitFor();
          if (n < 2) await page.getByRole('button', { name: exactly('fr', 'kiosk_done') }).click();
        }
        await shootKiosk('offline-confirmation');
        expect(new Set(codes).size).toBe(3);
        for (const code of codes) expect(code).toMatch(/^K[A-Z]*-\d+$/);
        expect((await kioskOrders()).length).toBe(before);

        // A restart without the network: the shell, the menu and the three orders are on the tablet.
        await page.reload();
        await expect.poll(() => shownNumber(page)).toBe(codes[2]);
        await context.setOffline(false);
        const rows = await eventually(
          kioskOrders,
          (list) =>
            list.filter((row) => codes.includes(row.provisional_code ?? '') && row.number !== null).length === 3,
        );
        expect(rows.length).toBe(before + 3);
        // The confirmation's provisional code gives way to the day's number.
        await page.locator('.kiosk-number[data-synced="true"]').waitFor();
        const last = rows.find((row) => row.provisional_code === codes[2]);
        expect(await shownNumber(page)).toBe(String(last?.number));
        await page.getByRole('button', { name: exactly('fr', 'kiosk_done') }).click();
      }),
    stepTimeoutMs,
  );

  it(
    'left alone it asks whether the customer is still there, then clears the order; staff leave with the PIN',
    () =>
      step(async () => {
        if (!kiosk) throw new Error('the first test did not pair the kiosk');
        const { page } = kiosk;
        await settings({ idle_reset_seconds: 30 });
        await page.reload();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).click();
        await addDish(page, 'fr', 'Bissap', []);
        await page.getByRole('button', { name: exactly('fr', 'kiosk_view_order', { count: 1 }) }).waitFor();
        const prompt = page.getByRole('dialog', { name: exactly('fr', 'kiosk_still_there') });
        await prompt.waitFor({ timeout: 60_000 });
        await shootKiosk('still-there');
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).click();
        // The next customer starts with nothing.
        await page.getByRole('button', { name: exactly('fr', 'kiosk_view_order', { count: 0 }) }).waitFor();
        expect(
          await page.getByRole('button', { name: exactly('fr', 'kiosk_view_order', { count: 0 }) }).isDisabled(),
        ).toBe(true);
        await page.getByRole('button', { name: exactly('fr', 'kiosk_start_over') }).click();

        await page.getByRole('button', { name: exactly('fr', 'kiosk_staff') }).click();
        const exit = page.getByRole('dialog', { name: exactly('fr', 'kiosk_exit_title') });
        await exit.getByLabel(exactly('fr', 'kiosk_exit_pin')).fill('9999');
        await exit.getByRole('button', { name: exactly('fr', 'kiosk_exit_title') }).click();
        await exit.getByText(exactly('fr', 'db_error_kiosk_pin_wrong')).waitFor();
        await exit.getByLabel(exactly('fr', 'kiosk_exit_pin')).fill('1234');
        await exit.getByRole('button', { name: exactly('fr', 'kiosk_exit_title') }).click();
        await page.getByRole('heading', { name: exactly('fr', 'kiosk_exit_panel_title') }).waitFor();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_resume') }).click();
        await page.getByRole('button', { name: exactly('fr', 'kiosk_touch_to_order') }).waitFor();
      }),
    stepTimeoutMs,
  );

  it(
    'revoked in the admin, the tablet is signed out back to the pairing screen',
    () =>
      step(async () => {
        if (!kiosk || !admin) throw new Error('the first test did not pair the kiosk');
        await admin.page.reload();
        const row = admin.page.locator(`[data-kiosk-id="${kioskId}"]`);
        await row.getByText(kioskLabel, { exact: true }).waitFor();
        await row
          .getByRole('button', { name: exactly('en', 'admin_kiosks_revoke_named', { label: kioskLabel }) })
          .click();
        await admin.page
          .getByRole('alertdialog')
          .getByRole('button', { name: exactly('en', 'admin_kiosks_revoke') })
          .click();
        await admin.page.getByText(exactly('en', 'admin_kiosks_revoked')).waitFor();
        await kiosk.page.getByText(exactly('fr', 'kiosk_revoked_notice')).waitFor();
        await kiosk.page.getByRole('heading', { name: exactly('fr', 'kiosk_pair_title') }).waitFor();
        await shootKiosk('revoked');
        await kiosk.page.reload();
        await kiosk.page.getByRole('heading', { name: exactly('fr', 'kiosk_pair_title') }).waitFor();
        kioskId = '';
      }),
    stepTimeoutMs,
  );
});
