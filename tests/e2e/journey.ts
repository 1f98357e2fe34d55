/**
 * The newcomer journey's steps, as a person does them: find the control by the label or role they
 * see on screen in their language, type, press. Each step waits for the screen to show its result.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type BrowserUser, waitForServiceWorker } from './browser.ts';
import { exactly, type Locale, text } from './messages.ts';
import { solidPng } from './png.ts';

export const password = 'correct-horse-battery';

export async function signUp({ page }: BrowserUser, email: string, name: string): Promise<void> {
  await page.goto('/');
  await dismissOfflineReady(page);
  // Signed out, the app sends the visitor to sign in, which links to creating an account.
  await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();
  await page.getByRole('link', { name: exactly('en', 'sign_in_to_sign_up') }).click();
  await page.getByRole('heading', { name: exactly('en', 'sign_up_title') }).waitFor();
  await page.getByLabel(exactly('en', 'sign_up_name_label')).fill(name);
  await page.getByLabel(exactly('en', 'email_label')).fill(email);
  await page.getByLabel(exactly('en', 'password_label')).fill(password);
  await page.getByRole('button', { name: exactly('en', 'sign_up_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-up');
}

/**
 * On a device's first visit the app says it now works offline, in a toast over the bottom of the
 * screen; a person reads it and closes it before going on (it would cover buttons below it).
 */
export async function dismissOfflineReady(page: Page, locale: Locale = 'en'): Promise<void> {
  const toast = page.getByRole('status').filter({ hasText: text(locale, 'offline_ready') });
  await toast.getByRole('button', { name: exactly(locale, 'common_dismiss') }).click();
  await toast.waitFor({ state: 'detached' });
}

export async function switchLanguage(page: Page, from: Locale, to: Locale, languageName: string): Promise<void> {
  await page.getByLabel(exactly(from, 'language_label')).selectOption({ label: languageName });
  await page.getByLabel(exactly(to, 'language_label')).waitFor();
}

export interface RestaurantDraft {
  name: string;
  slug: string;
  country: string;
}

/** The three-step wizard, in French, from the onboarding screen to the new restaurant's admin. */
export async function completeOnboardingInFrench(page: Page, restaurant: RestaurantDraft): Promise<void> {
  await page.getByRole('heading', { level: 1, name: exactly('fr', 'onboarding_title') }).waitFor();
  await page.getByLabel(exactly('fr', 'onboarding_name_label')).fill(restaurant.name);
  await page.getByLabel(exactly('fr', 'onboarding_slug_label')).fill(restaurant.slug);
  await page.getByRole('button', { name: exactly('fr', 'onboarding_next') }).click();
  // The country fills in the currency, time zone and usual tax; the defaults are kept.
  await page.getByLabel(exactly('fr', 'tenancy_country_label')).selectOption({ label: restaurant.country });
  await page.getByRole('button', { name: exactly('fr', 'onboarding_next') }).click();
  await page.getByRole('button', { name: exactly('fr', 'onboarding_create') }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin'));
  await page.getByRole('heading', { level: 1, name: restaurant.name }).waitFor();
}

export async function openAdminSection(page: Page, navKey: string, headingKey: string): Promise<void> {
  await page
    .getByRole('navigation', { name: exactly('fr', 'admin_nav_label') })
    .getByRole('link', { name: exactly('fr', navKey) })
    .click();
  await page.getByRole('heading', { level: 1, name: exactly('fr', headingKey) }).waitFor();
}

export async function addCategory(page: Page, name: string): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_menu_categories_title') });
  await section.getByLabel(exactly('fr', 'admin_menu_category_name')).fill(name);
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_category_add') }).click();
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name }) }).waitFor();
}

/** A modifier group with min..max choices and free options (no price change). */
export async function addModifierGroup(
  page: Page,
  group: { name: string; min: number; max: number; options: string[] },
): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_menu_groups_title') });
  await section.getByLabel(exactly('fr', 'admin_menu_group_name')).first().fill(group.name);
  await section.getByLabel(exactly('fr', 'admin_menu_group_min')).first().fill(String(group.min));
  await section.getByLabel(exactly('fr', 'admin_menu_group_max')).first().fill(String(group.max));
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_group_add') }).click();
  // The group's card is the list entry that offers to add options to it.
  const optionForm = section.getByRole('form', {
    name: exactly('fr', 'admin_menu_option_add_to', { name: group.name }),
  });
  const card = section
    .getByRole('listitem')
    .filter({ has: page.getByRole('form', { name: exactly('fr', 'admin_menu_option_add_to', { name: group.name }) }) });
  await card.getByText(text('fr', 'admin_menu_group_rule', { min: group.min, max: group.max })).waitFor();
  for (const option of group.options) {
    await optionForm.getByLabel(exactly('fr', 'admin_menu_option_name')).fill(option);
    await optionForm
      .getByRole('button', { name: exactly('fr', 'admin_menu_option_add_to', { name: group.name }) })
      .click();
    await card.getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: option }) }).waitFor();
  }
}

/** Renames an option and gives it a price change, as an owner fixing a typo and a supplement. */
export async function editOption(page: Page, from: string, to: { name: string; price: string }): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_menu_groups_title') });
  // The option's actions sit in its "⋯" menu.
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: from }) }).click();
  await page.getByRole('menuitem', { name: exactly('fr', 'common_edit') }).click();
  const form = section.getByRole('form', { name: exactly('fr', 'admin_menu_option_edit_named', { name: from }) });
  await form.getByLabel(exactly('fr', 'admin_menu_option_name')).fill(to.name);
  await form.getByLabel(exactly('fr', 'admin_menu_option_price', { currency: 'EUR' })).fill(to.price);
  await form.getByRole('button', { name: exactly('fr', 'common_save') }).click();
  await form.waitFor({ state: 'detached' });
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: to.name }) }).waitFor();
}

export interface ItemDraft {
  name: string;
  price: string;
  category: string;
  requiredGroup?: string;
  photo?: boolean;
}

export async function addItem(page: Page, item: ItemDraft): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_menu_items_title') });
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_item_add') }).click();
  const form = section.getByRole('form', { name: exactly('fr', 'admin_menu_item_new_title') });
  await form.getByLabel(exactly('fr', 'admin_menu_item_name')).fill(item.name);
  await form.getByLabel(exactly('fr', 'admin_menu_item_price', { currency: 'EUR' })).fill(item.price);
  await form.getByLabel(exactly('fr', 'admin_menu_item_category')).selectOption({ label: item.category });
  if (item.requiredGroup) {
    await form.getByLabel(exactly('fr', 'admin_menu_group_required_name', { name: item.requiredGroup })).check();
  }
  if (item.photo) {
    await form.getByLabel(exactly('fr', 'admin_menu_photo')).setInputFiles({
      name: 'plat.png',
      mimeType: 'image/png',
      buffer: solidPng(96, 64, [200, 120, 40]),
    });
    // The picture is resized to WebP before saving; its preview appears once it is ready.
    await form.getByRole('img', { name: exactly('fr', 'admin_menu_photo_alt', { name: item.name }) }).waitFor();
  }
  await form.getByRole('button', { name: exactly('fr', 'admin_menu_item_save') }).click();
  await form.waitFor({ state: 'detached' });
  await section.getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: item.name }) }).waitFor();
}

/** Waits until an image has really arrived (decoded, with a size), not just its <img> element. */
export async function expectImageLoaded(page: Page, name: RegExp): Promise<void> {
  const image = page.getByRole('img', { name });
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 })
    .toBe(true);
}

/**
 * Checks that an image is kept in the service worker's Cache Storage. Chromium's offline emulation
 * does not reach a service worker's own fetches, so "it still shows offline" cannot prove this.
 */
export async function expectImageCachedForOffline(page: Page, name: RegExp): Promise<void> {
  const image = page.getByRole('img', { name });
  await expect
    .poll(() => image.evaluate(async (img: HTMLImageElement) => (await caches.match(img.currentSrc)) !== undefined), {
      timeout: 15_000,
    })
    .toBe(true);
}

export async function addTable(page: Page, label: string, seats: number): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_tables_add_title') });
  await section.getByLabel(exactly('fr', 'admin_tables_label')).fill(label);
  await section.getByLabel(exactly('fr', 'admin_tables_seats')).fill(String(seats));
  await section.getByRole('button', { name: exactly('fr', 'admin_tables_add') }).click();
  await page.getByRole('listitem', { name: label }).waitFor();
}

/** Creates a join code for a role and reads it off the screen, as the owner would read it aloud. */
export async function createJoinCode(page: Page, roleKey: string): Promise<string> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_staff_invite_title') });
  await section.getByLabel(exactly('fr', 'admin_staff_invite_role')).selectOption({ label: text('fr', roleKey) });
  await section.getByRole('button', { name: exactly('fr', 'admin_staff_invite_submit') }).click();
  const created = section
    .getByRole('status')
    .filter({ hasText: text('fr', 'admin_staff_invite_created', { role: text('fr', roleKey) }) });
  await created.waitFor();
  // The code stands on a line of its own, in large type, to be read aloud or copied.
  const lines = (await created.getByRole('paragraph').allTextContents()).map((line) => line.trim());
  const code = lines.find((line) => /^[A-HJKMNP-Z2-9]{10}$/.test(line));
  if (!code) throw new Error(`no join code on screen: ${lines.join(' | ')}`);
  return code;
}

export async function joinWithCode(page: Page, code: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();
  await page.getByRole('link', { name: exactly('en', 'onboarding_to_join') }).click();
  await page.getByRole('heading', { level: 1, name: exactly('en', 'join_title') }).waitFor();
  await page.getByLabel(exactly('en', 'join_code_label')).fill(code);
  await page.getByRole('button', { name: exactly('en', 'join_submit') }).click();
  // Joining lands on the start page, which sends the person on to their role's screen.
  await page.waitForURL((url) => url.pathname !== '/join');
}

/**
 * Cuts the network once the service worker owns the shell, then reloads, as a device losing Wi-Fi.
 * The HTTP cache is emptied first, as a browser short of space would: what still shows then comes
 * from the app's own caches (service worker, IndexedDB), which are what a restaurant relies on.
 */
export async function reloadOffline({ page, context }: BrowserUser): Promise<void> {
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await context.setOffline(true);
  await page.reload();
}
