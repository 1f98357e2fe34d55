/**
 * Issue 11's menu editor on a 360 px phone with the demo's 35 items: the page never scrolls
 * sideways in any of the four languages; a search narrows the list as one types; a category folds
 * and stays folded on this device; an item moves up from its "⋯" menu by keyboard alone and the
 * database keeps the new order; a category with one dish sold out says "1 of 3 unavailable"; and an
 * item is created with Tab and Enter only, focus landing in the form and coming back after saving.
 * Screenshots at 360 px go to $E2E_SHOTS when it is set.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady, switchLanguage } from './journey.ts';
import { exactly, type Locale, text } from './messages.ts';
import { demoRestaurantId } from './pos.ts';

const stepTimeoutMs = 180_000;
const phone = { width: 360, height: 740 };
const demoOwner = { email: 'owner@comanda.test', password: 'comanda-owner' };
// Categories and dishes no other browser test orders, switches or reorders.
const desserts = { id: 'c0000000-0000-4000-8000-000000000005', name: 'Desserts' };
const flambe = { id: 'd0000000-0000-4000-8000-000000000024', name: 'Banane flambée' };
const hotDrinks = { id: 'c0000000-0000-4000-8000-000000000007', name: 'Boissons chaudes' };
const touba = { id: 'd0000000-0000-4000-8000-000000000033', name: 'Café Touba' };
const tea = { id: 'd0000000-0000-4000-8000-000000000034', name: 'Thé à la menthe' };
const newItem = 'Jus de tamarin e2e';

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));
let hotDrinkPositions: { id: string; position: number }[] = [];

async function hotDrinksInOrder(): Promise<string[]> {
  const { data, error } = await database()
    .from('menu_items')
    .select('name, position')
    .eq('category_id', hotDrinks.id)
    .order('position');
  expect(error).toBeNull();
  return (data ?? []).map((row) => row.name);
}

beforeAll(async () => {
  const { data } = await database().from('menu_items').select('id, position').eq('category_id', hotDrinks.id);
  hotDrinkPositions = data ?? [];
});

afterAll(async () => {
  // Leave the demo as found: the order of the hot drinks, the flambé on sale, no test item.
  for (const row of hotDrinkPositions) {
    await database().from('menu_items').update({ position: row.position }).eq('id', row.id);
  }
  await database().from('menu_items').update({ available: true }).eq('id', flambe.id);
  await database().from('menu_items').delete().eq('restaurant_id', demoRestaurantId).eq('name', newItem);
});

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `menu-editor-${name}.png`), fullPage: true });
}

async function openMenu(page: Page, locale: Locale): Promise<void> {
  await page.goto('/admin/menu');
  await page.getByRole('heading', { level: 1, name: exactly(locale, 'admin_menu_title') }).waitFor();
  await page.getByLabel(exactly(locale, 'admin_menu_search_label')).waitFor();
}

const itemsRegion = (page: Page, locale: Locale) =>
  page.getByRole('region', { name: exactly(locale, 'admin_menu_items_title') });

/** The "⋯" buttons of the items list: one per item row shown. */
const itemRows = (page: Page, locale: Locale) =>
  itemsRegion(page, locale).getByRole('button', {
    name: new RegExp(`^${text(locale, 'admin_menu_actions_named', { name: '' })}`),
  });

describe('the menu editor on a phone', () => {
  let owner: BrowserUser | undefined;

  it(
    'fits 360 px in every language, searches, folds, reorders by keyboard, shows a partial category and creates an item by keyboard',
    async () => {
      try {
        owner = await harness().newUser({ viewport: phone });
        const { page } = owner;
        await page.goto('/sign-in');
        await dismissOfflineReady(page);
        await page.getByLabel(exactly('en', 'email_label')).fill(demoOwner.email);
        await page.getByLabel(exactly('en', 'password_label')).fill(demoOwner.password);
        await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
        await page.waitForURL((url) => url.pathname !== '/sign-in');

        // 360 px, all 35 items, four languages: the page is never wider than the window.
        const languages: [Locale, string][] = [
          ['en', 'English'],
          ['fr', 'Français'],
          ['es', 'Español'],
          ['id', 'Bahasa Indonesia'],
        ];
        let current: Locale = 'en';
        for (const [locale, languageName] of languages) {
          await openMenu(page, current);
          if (locale !== current) {
            await switchLanguage(page, current, locale, languageName);
            current = locale;
            await openMenu(page, current);
          }
          // The demo's 35 items (more if a test running beside this one has added some).
          await expect.poll(() => itemRows(page, locale).count()).toBeGreaterThanOrEqual(35);
          const width = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            inner: window.innerWidth,
          }));
          // What sticks out, to name in the failure (the category row scrolls on its own: not counted).
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((el) => !el.closest('.menu-jump') && el.getBoundingClientRect().right > window.innerWidth + 0.5)
              .slice(0, 8)
              .map(
                (el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`,
              ),
          );
          expect(width.scroll, `menu editor in ${locale}: ${wide.join('; ')}`).toBeLessThanOrEqual(width.inner);
          await shoot(page, `360-${locale}`);
        }
        await switchLanguage(page, 'id', 'en', 'English');
        await openMenu(page, 'en');

        // Search: narrows as one types, accents optional; by category name too; cleared, all back.
        const search = page.getByLabel(exactly('en', 'admin_menu_search_label'));
        await search.pressSequentially('the a la');
        await expect.poll(() => itemRows(page, 'en').count()).toBe(1);
        await itemsRegion(page, 'en')
          .getByRole('button', { name: exactly('en', 'admin_menu_actions_named', { name: tea.name }) })
          .waitFor();
        await search.fill('boissons chaudes');
        await expect.poll(() => itemRows(page, 'en').count()).toBe(3);
        await search.fill('pizza');
        await page.getByText(text('en', 'admin_menu_search_none', { query: 'pizza' })).waitFor();
        await shoot(page, '360-search');
        await search.fill('');
        const all = await itemRows(page, 'en').count();
        expect(all).toBeGreaterThanOrEqual(35);

        // Fold: the desserts' rows go away, stay folded after a reload, and come back.
        const dessertsFold = itemsRegion(page, 'en').getByRole('button', {
          name: new RegExp(`^${desserts.name}\\s.+`),
        });
        await expect.poll(() => dessertsFold.getAttribute('aria-expanded')).toBe('true');
        await dessertsFold.click();
        await expect.poll(() => dessertsFold.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(() => itemRows(page, 'en').count()).toBe(all - 3);
        await openMenu(page, 'en');
        await expect.poll(() => dessertsFold.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(() => itemRows(page, 'en').count()).toBe(all - 3);
        await shoot(page, '360-folded');
        // The category row jumps to a folded category and opens it.
        await page
          .getByRole('navigation', { name: exactly('en', 'admin_menu_jump_label') })
          .getByRole('button', { name: desserts.name, exact: true })
          .click();
        await expect.poll(() => dessertsFold.getAttribute('aria-expanded')).toBe('true');
        await expect.poll(() => itemRows(page, 'en').count()).toBe(all);

        // Partial availability: one dessert sold out from its switch → "1 of 3 unavailable", in
        // words, on the category in both lists; the database has it.
        await itemsRegion(page, 'en')
          .getByRole('checkbox', { name: `${text('en', 'admin_menu_item_available')} — ${flambe.name}` })
          .uncheck();
        const partial = text('en', 'admin_menu_availability_partial', { unavailable: 1, total: 3 });
        await expect.poll(() => page.getByText(partial, { exact: true }).count()).toBe(2);
        await expect
          .poll(
            async () => (await database().from('menu_items').select('available').eq('id', flambe.id).single()).data,
            {
              timeout: 10_000,
            },
          )
          .toEqual({ available: false });
        await shoot(page, '360-partial');

        // Reorder by keyboard: focus the tea's "⋯", open it with Enter, pick "Move up" with the
        // arrow keys; the database has the new order.
        expect(await hotDrinksInOrder()).toEqual([touba.name, tea.name, 'Café expresso']);
        const teaActions = itemsRegion(page, 'en').getByRole('button', {
          name: exactly('en', 'admin_menu_actions_named', { name: tea.name }),
        });
        await teaActions.focus();
        await page.keyboard.press('Enter');
        const moveUp = page.getByRole('menuitem', { name: exactly('en', 'admin_menu_move_up_short') });
        await moveUp.waitFor();
        await page.keyboard.press('ArrowDown'); // Edit → Translations
        await page.keyboard.press('ArrowDown'); // Translations → Move up
        await expect.poll(() => moveUp.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        await expect.poll(hotDrinksInOrder, { timeout: 10_000 }).toEqual([tea.name, touba.name, 'Café expresso']);
        await openMenu(page, 'en');
        const hotList = page.getByRole('list', {
          name: exactly('en', 'admin_menu_items_in', { name: hotDrinks.name }),
        });
        await expect
          .poll(() => hotList.getByRole('listitem').allInnerTexts())
          .toEqual([
            expect.stringContaining(tea.name),
            expect.stringContaining(touba.name),
            expect.stringContaining('Café expresso'),
          ]);

        // Keyboard-only creation: Tab to "Add item", Enter; focus is in the name field; type,
        // Tab to the price, Enter saves; focus is back on "Add item".
        await page.locator('body').focus();
        const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
        for (let presses = 0; presses < 100 && (await activeId()) !== 'menu-item-add'; presses++) {
          await page.keyboard.press('Tab');
        }
        expect(await activeId()).toBe('menu-item-add');
        await page.keyboard.press('Enter');
        await expect.poll(activeId).toBe('item-new-name');
        await page.keyboard.type(newItem);
        await page.keyboard.press('Tab'); // description
        await page.keyboard.press('Tab'); // price
        await expect.poll(activeId).toBe('item-new-price');
        await page.keyboard.type('750');
        await shoot(page, '360-new-item');
        await page.keyboard.press('Enter');
        await page
          .getByRole('form', { name: exactly('en', 'admin_menu_item_new_title') })
          .waitFor({ state: 'detached' });
        await expect.poll(activeId).toBe('menu-item-add');
        const { data: created } = await database()
          .from('menu_items')
          .select('price, category_id')
          .eq('restaurant_id', demoRestaurantId)
          .eq('name', newItem);
        expect(created).toHaveLength(1);
        expect(created?.[0]?.price).toBe(750);
        await itemsRegion(page, 'en')
          .getByRole('button', { name: exactly('en', 'admin_menu_actions_named', { name: newItem }) })
          .waitFor();
      } catch (error) {
        throw await withScreenContents(error, { owner });
      }
    },
    stepTimeoutMs,
  );
});
