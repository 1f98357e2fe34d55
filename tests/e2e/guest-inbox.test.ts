/**
 * Issue 13's staff side in Debian's Chromium against the production PWA and the seeded demo
 * restaurant (draft-first): guests (anonymous supabase-js clients holding a table's QR token) send
 * orders and call the waiter; the cashier's tablet shows each live in the guest inbox with the
 * nav's count, accepts one (it gets its number and shows in open orders marked QR), rejects
 * another with a reason the guest reads, and marks a waiter call done. The owner then gives an
 * item a Spanish name in the menu editor and guest_menu(p_locale 'es') answers it. Any console
 * error fails the test.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { demoRestaurantId, signInAsCashier } from './pos.ts';
import { shoot } from './screens.ts';

const stepTimeoutMs = 150_000;
const tablet = { width: 820, height: 1180 };

const demoCashierId = 'b0000000-0000-4000-8000-000000000003';
const demoOwner = { email: 'owner@comanda.test', password: 'comanda-owner' };
const table4 = '70000000-0000-4000-8000-000000000004';
const table5 = '70000000-0000-4000-8000-000000000005';
const garba = 'd0000000-0000-4000-8000-000000000005';
const bissap = 'd0000000-0000-4000-8000-000000000025';
const egg = 'f0000000-0000-4000-8000-000000000011';

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));
let staff: BrowserUser | undefined;
let owner: BrowserUser | undefined;
const tokens = new Map<string, string>();

beforeAll(async () => {
  const { data, error } = await database().from('dining_tables').select('id, qr_token').in('id', [table4, table5]);
  if (error) throw error;
  for (const row of data as { id: string; qr_token: string }[]) tokens.set(row.id, row.qr_token);
});

afterAll(async () => {
  // The Spanish name belongs to this file; the demo menu goes back to the restaurant's own text.
  await database().from('menu_translations').delete().eq('entity_id', garba);
  await database().from('restaurants').update({ guest_lines_per_order: 30 }).eq('id', demoRestaurantId);
});

async function step(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    throw await withScreenContents(error, { staff, owner });
  }
}

const until = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** A new phone at the table: an anonymous sign-in that has opened the table's menu. */
async function newGuest(tableId: string): Promise<{ client: SupabaseClient; token: string }> {
  const client = anonClient(inject('stack'));
  const { error } = await client.auth.signInAnonymously();
  if (error) throw error;
  const token = tokens.get(tableId) ?? '';
  const menu = await client.rpc('guest_menu', { p_qr_token: token, p_locale: 'en' });
  if (menu.error) throw new Error(`guest_menu: ${menu.error.message}`);
  return { client, token };
}

async function guestOrder(
  guest: { client: SupabaseClient; token: string },
  lines: Record<string, unknown>[],
  note = '',
): Promise<string> {
  const id = randomUUID();
  const { error } = await guest.client.rpc('guest_place_order', {
    p_qr_token: guest.token,
    p_order: { id, note, lines },
  });
  if (error) throw new Error(`guest_place_order: ${error.message}`);
  return id;
}

/** The open dialog alone at phone and tablet sizes (the menu page behind it is very long). */
async function shootDialog(user: BrowserUser, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  for (const [size, viewport] of [
    ['phone', { width: 360, height: 740 }],
    ['tablet', tablet],
  ] as const) {
    await user.page.setViewportSize(viewport);
    await user.page.screenshot({ path: path.join(dir, `${name}-${size}.png`) });
  }
  await user.page.setViewportSize(tablet);
}

const inboxLink = (page: Page) => page.getByRole('link', { name: exactly('en', 'pos_guest_inbox_link') });

async function openInbox(user: BrowserUser): Promise<void> {
  await signInAsCashier(user);
  await user.page.getByText(exactly('en', 'connection_live')).waitFor();
  await inboxLink(user.page).click();
  await user.page.getByRole('heading', { level: 1, name: exactly('en', 'pos_guest_inbox_link') }).waitFor();
}

describe('the POS guest inbox', () => {
  it(
    'shows a guest draft live with the count; Accept numbers it and it shows in open orders as QR',
    () =>
      step(async () => {
        staff = await harness().newUser({ viewport: tablet });
        const { page } = staff;
        await openInbox(staff);

        const guest = await newGuest(table4);
        const orderId = await guestOrder(
          guest,
          [
            { item_id: garba, qty: 1, modifiers: [egg], note: '<b>sans piment</b>' },
            { item_id: bissap, qty: 2 },
          ],
          '<script>alert(1)</script>',
        );
        const card = page.locator(`[data-order-id="${orderId}"]`);
        await card.waitFor();
        await card.getByRole('heading', { name: 'Table 4' }).waitFor();
        await card.getByText('1 × Garba').waitFor();
        await card.getByText('2 × Bissap', { exact: false }).waitFor();
        await card.getByText('Œuf').waitFor();
        // Guests' words are text, never markup.
        await card.getByText('<b>sans piment</b>', { exact: true }).waitFor();
        await card.getByText('<script>alert(1)</script>', { exact: true }).waitFor();
        await card.getByText(exactly('en', 'pos_guest_status_new')).waitFor();
        const badge = inboxLink(page).locator('.pos-guest-badge');
        await badge.waitFor();
        expect(Number(await badge.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
        await shoot(staff, 'guest-inbox');

        await card.getByRole('button', { name: exactly('en', 'pos_guest_accept') }).click();
        await card.waitFor({ state: 'detached' });
        const { data } = await database().from('orders').select('status, number, source').eq('id', orderId).single();
        expect(data).toMatchObject({ status: 'placed', source: 'qr' });
        const number = (data as { number: number }).number;
        expect(number).toBeGreaterThan(0);
        await page.getByText(text('en', 'pos_guest_accepted', { number })).waitFor();

        await page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
        const listed = page.locator(`[data-order-id="${orderId}"]`);
        await listed.getByText(`#${number}`).waitFor();
        await listed.getByText(exactly('en', 'pos_order_from_qr')).waitFor();
      }),
    stepTimeoutMs,
  );

  it(
    'rejects a guest draft only with a reason, which the guest reads',
    () =>
      step(async () => {
        if (!staff) throw new Error('the first test signs the cashier in');
        const { page } = staff;
        await inboxLink(page).click();
        const guest = await newGuest(table5);
        const orderId = await guestOrder(guest, [{ item_id: bissap, qty: 1 }]);
        const card = page.locator(`[data-order-id="${orderId}"]`);
        await card.getByRole('heading', { name: 'Table 5' }).waitFor();

        await card.getByRole('button', { name: exactly('en', 'pos_guest_reject') }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('button', { name: exactly('en', 'pos_guest_reject_confirm') }).click();
        await dialog.getByText(exactly('en', 'pos_guest_reject_reason_required')).waitFor();
        await shoot(staff, 'guest-inbox-reject', ['phone', 'tablet']);
        await dialog.getByLabel(exactly('en', 'pos_guest_reject_reason')).fill('No more bissap tonight');
        await dialog.getByRole('button', { name: exactly('en', 'pos_guest_reject_confirm') }).click();
        await card.waitFor({ state: 'detached' });
        await page.getByText(exactly('en', 'pos_guest_rejected')).waitFor();

        const { data, error } = await guest.client.rpc('guest_order', { p_order_id: orderId });
        if (error) throw error;
        expect(data).toMatchObject({ status: 'rejected', status_reason: 'No more bissap tonight', number: null });
      }),
    stepTimeoutMs,
  );

  it(
    'shows a waiter call and a bill request live; Done acknowledges the call',
    () =>
      step(async () => {
        if (!staff) throw new Error('the first test signs the cashier in');
        const { page } = staff;
        const guest = await newGuest(table4);
        const call = randomUUID();
        const bill = randomUUID();
        for (const [id, kind] of [
          [call, 'call_waiter'],
          [bill, 'bill'],
        ]) {
          const { error } = await guest.client.rpc('guest_request_service', {
            p_qr_token: guest.token,
            p_request: { id, kind },
          });
          if (error) throw new Error(`guest_request_service: ${error.message}`);
        }
        const callCard = page.locator(`[data-request-id="${call}"]`);
        await callCard.getByText(exactly('en', 'pos_guest_call_waiter', { table: 'Table 4' })).waitFor();
        const billCard = page.locator(`[data-request-id="${bill}"]`);
        await billCard.getByText(exactly('en', 'pos_guest_bill', { table: 'Table 4' })).waitFor();
        await shoot(staff, 'guest-inbox-calls');

        await callCard.getByRole('button', { name: exactly('en', 'pos_guest_acknowledge') }).click();
        await callCard.waitFor({ state: 'detached' });
        await until(async () => {
          const { data } = await database()
            .from('service_requests')
            .select('status, acknowledged_by')
            .eq('id', call)
            .single();
          return data?.status === 'acknowledged' && data.acknowledged_by === demoCashierId;
        });
        // The bill request stays until someone deals with it.
        await billCard.waitFor();
        await billCard.getByRole('button', { name: exactly('en', 'pos_guest_acknowledge') }).click();
        await billCard.waitFor({ state: 'detached' });
      }),
    stepTimeoutMs,
  );

  it(
    'a Spanish name saved in the menu editor is what guest_menu answers in Spanish',
    () =>
      step(async () => {
        owner = await harness().newUser({ viewport: tablet });
        const { page } = owner;
        await page.goto('/sign-in');
        await dismissOfflineReady(page);
        await page.getByLabel(exactly('en', 'email_label')).fill(demoOwner.email);
        await page.getByLabel(exactly('en', 'password_label')).fill(demoOwner.password);
        await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
        await page.waitForURL((url) => url.pathname !== '/sign-in');
        await page.goto('/admin/menu');
        await page.getByRole('button', { name: exactly('en', 'admin_menu_actions_named', { name: 'Garba' }) }).click();
        await page.getByRole('menuitem', { name: exactly('en', 'admin_menu_translations') }).click();
        const dialog = page.getByRole('dialog', {
          name: exactly('en', 'admin_menu_translations_title', { name: 'Garba' }),
        });
        const spanishName = dialog.getByLabel(exactly('en', 'admin_menu_translation_name', { language: 'Spanish' }));
        await spanishName.fill('Garba de atún');
        await dialog
          .getByLabel(exactly('en', 'admin_menu_translation_description', { language: 'Spanish' }))
          .fill('Attiéké con atún frito');
        // A description without its name is refused before anything is sent.
        await dialog
          .getByLabel(exactly('en', 'admin_menu_translation_description', { language: 'French' }))
          .fill('Sans nom');
        await dialog.getByRole('button', { name: exactly('en', 'common_save') }).click();
        await dialog.getByText(text('en', 'admin_menu_error_required')).waitFor();
        await shootDialog(owner, 'menu-translations');
        await dialog.getByLabel(exactly('en', 'admin_menu_translation_description', { language: 'French' })).fill('');
        await dialog.getByRole('button', { name: exactly('en', 'common_save') }).click();
        await dialog.waitFor({ state: 'detached' });

        const guest = await newGuest(table4);
        const itemOf = async (locale: string) => {
          const { data, error } = await guest.client.rpc('guest_menu', { p_qr_token: guest.token, p_locale: locale });
          if (error) throw error;
          return (data as { items: { id: string; name: string; description: string }[] }).items.find(
            (item) => item.id === garba,
          );
        };
        expect(await itemOf('es')).toMatchObject({ name: 'Garba de atún', description: 'Attiéké con atún frito' });
        expect(await itemOf('fr')).toMatchObject({ name: 'Garba' });

        // Reopened, the dialog shows what is stored; emptying the language deletes it.
        await page.getByRole('button', { name: exactly('en', 'admin_menu_actions_named', { name: 'Garba' }) }).click();
        await page.getByRole('menuitem', { name: exactly('en', 'admin_menu_translations') }).click();
        await expect.poll(() => spanishName.inputValue()).toBe('Garba de atún');
        await spanishName.fill('');
        await dialog.getByLabel(exactly('en', 'admin_menu_translation_description', { language: 'Spanish' })).fill('');
        await dialog.getByRole('button', { name: exactly('en', 'common_save') }).click();
        await dialog.waitFor({ state: 'detached' });
        expect(await itemOf('es')).toMatchObject({ name: 'Garba' });
      }),
    stepTimeoutMs,
  );

  it(
    'the owner sets the guest limits beside the guest ordering mode, checked against their range',
    () =>
      step(async () => {
        if (!owner) throw new Error('the menu test signs the owner in');
        const { page } = owner;
        await page.goto('/admin/settings');
        const lines = page.getByLabel(exactly('en', 'admin_settings_guest_lines_per_order'));
        await expect.poll(() => lines.inputValue()).toBe('30');
        await lines.fill('101');
        await page.getByRole('button', { name: exactly('en', 'admin_settings_save') }).click();
        await page
          .getByText(text('en', 'admin_settings_guest_limit_range', { min: 1, max: 100 }))
          .first()
          .waitFor();
        await expect.poll(() => lines.getAttribute('aria-invalid')).toBe('true');
        await shoot(owner, 'settings-guest-limits');
        await lines.fill('25');
        await page.getByRole('button', { name: exactly('en', 'admin_settings_save') }).click();
        await page.getByText(exactly('en', 'admin_settings_saved')).waitFor();
        const { data } = await database()
          .from('restaurants')
          .select('guest_lines_per_order')
          .eq('id', demoRestaurantId)
          .single();
        expect(data).toEqual({ guest_lines_per_order: 25 });
      }),
    stepTimeoutMs,
  );
});
