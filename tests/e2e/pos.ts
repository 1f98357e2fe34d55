/**
 * The till's steps, as a cashier does them: sign in as the demo cashier, pick items by search or
 * tap, choose options, place. Each step waits for the screen to answer.
 */
import type { Page } from 'playwright-core';
import type { BrowserUser } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';

export const demoRestaurantId = 'a0000000-0000-4000-8000-000000000001';
export const demoCashier = { email: 'cashier@comanda.test', password: 'comanda-cashier' };

export async function signInAsCashier({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill(demoCashier.email);
  await page.getByLabel(exactly('en', 'password_label')).fill(demoCashier.password);
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.goto('/pos');
  await page.getByLabel(exactly('en', 'pos_search_label')).waitFor();
}

/** Types a search and presses Enter: the single available match goes in the cart (or its options open). */
export async function addBySearch(page: Page, query: string): Promise<void> {
  const search = page.getByLabel(exactly('en', 'pos_search_label'));
  await search.fill(query);
  await search.press('Enter');
}

/** Adds an item with no choice to make: its options, if any are offered, are all optional and left out. */
export async function addPlain(page: Page, query: string): Promise<void> {
  await addBySearch(page, query);
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible({ timeout: 0 }).catch(() => false)) await chooseOptions(page, []);
  else {
    await page.waitForTimeout(300);
    if (await dialog.isVisible()) await chooseOptions(page, []);
  }
}

/** Chooses options in the open picker and adds the item. */
export async function chooseOptions(page: Page, options: string[]): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (const option of options) await dialog.getByLabel(option, { exact: true }).check();
  await dialog
    .getByRole('button', { name: new RegExp(`^${text('en', 'pos_picker_add', { price: 'X' }).split('X')[0]}`) })
    .click();
  await dialog.waitFor({ state: 'detached' });
}

/** Places the cart and answers what the screen said: "#12" or the provisional code. */
export async function placeOrder(page: Page): Promise<string> {
  await page.getByRole('button', { name: exactly('en', 'pos_place_order') }).click();
  const answer = page.locator('.pos-answer');
  await answer.waitFor();
  return (await answer.locator('.order-label').innerText()).trim();
}
