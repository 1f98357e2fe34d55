/**
 * Issue 11's stations in Debian's Chromium against the production PWA: a new owner's restaurant
 * (French) starts with the stations Cuisine and Bar; the owner adds a station on the printers page,
 * moves an item to it in the menu editor (a select, not free text), sees in words that no kitchen
 * printer prints it, ticks it on the kitchen printer, and the warning goes. Offline, the station
 * controls are disabled and say they need a connection.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { useE2eHarness, withScreenContents } from './browser.ts';
import { completeOnboardingInFrench, openAdminSection, signUp, switchLanguage } from './journey.ts';
import { exactly, text } from './messages.ts';

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));

/** Opens an item's form in the menu editor, from its row's Edit button or its actions menu. */
async function openItemEditor(page: Page, name: string): Promise<void> {
  const section = page.getByRole('region', { name: exactly('fr', 'admin_menu_items_title') });
  const edit = section.getByRole('button', { name: exactly('fr', 'common_edit_named', { name }) });
  if ((await edit.count()) > 0) return edit.click();
  await section
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole('menuitem', { name: exactly('fr', 'common_edit') }).click();
}

describe('stations', () => {
  it('a new station, an item moved to it, the no-printer warning, and the warning gone once a printer prints it', async () => {
    const owner = await harness().newUser({ viewport: { width: 360, height: 780 } });
    const { page, context } = owner;
    const restaurantName = `Chez Poste ${randomUUID().slice(0, 6)}`;
    try {
      await signUp(owner, `stations-${randomUUID().slice(0, 8)}@e2e.comanda.test`, 'Awa');
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();
      await switchLanguage(page, 'en', 'fr', 'Français');
      await completeOnboardingInFrench(page, {
        name: restaurantName,
        slug: `chez-poste-${randomUUID().slice(0, 6)}`,
        country: 'France',
      });

      // The restaurant starts with its language's stations; a dish and a kitchen printer for Cuisine.
      const db = database();
      const { data: restaurant } = await db.from('restaurants').select('id').eq('name', restaurantName).single();
      const restaurantId = restaurant?.id as string;
      const { data: defaults } = await db
        .from('stations')
        .select('name')
        .eq('restaurant_id', restaurantId)
        .order('position');
      expect(defaults?.map((s) => s.name)).toEqual(['Cuisine', 'Bar']);
      const { error: itemError } = await db
        .from('menu_items')
        .insert({ restaurant_id: restaurantId, name: 'Brochettes', price: 1200, station: 'Cuisine' });
      expect(itemError).toBeNull();
      const { error: printerError } = await db.from('printers').insert({
        restaurant_id: restaurantId,
        name: 'Imprimante cuisine',
        kind: 'kitchen',
        stations: ['Cuisine', 'Bar'],
      });
      expect(printerError).toBeNull();

      await openAdminSection(page, 'admin_nav_printers', 'admin_printers_title');
      const stations = page.getByRole('region', { name: exactly('fr', 'admin_stations_title') });
      await stations.getByRole('listitem', { name: 'Bar', exact: true }).waitFor();
      expect(await page.locator('.notice.warning').count()).toBe(0);
      await stations.getByLabel(exactly('fr', 'admin_stations_name')).fill('Grill');
      await stations.getByRole('button', { name: exactly('fr', 'admin_stations_add') }).click();
      await stations.getByRole('listitem', { name: 'Grill', exact: true }).waitFor();

      // The item's station is chosen from the restaurant's list.
      await openAdminSection(page, 'admin_nav_menu', 'admin_menu_title');
      await openItemEditor(page, 'Brochettes');
      const station = page.getByLabel(exactly('fr', 'admin_menu_item_station'));
      expect(await station.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await station.locator('option').allTextContents()).toEqual(['Cuisine', 'Bar', 'Grill']);
      await station.selectOption({ label: 'Grill' });
      await page.getByRole('button', { name: exactly('fr', 'admin_menu_item_save') }).click();
      await expect
        .poll(
          async () =>
            (
              await db
                .from('menu_items')
                .select('station')
                .eq('name', 'Brochettes')
                .eq('restaurant_id', restaurantId)
                .single()
            ).data?.station,
        )
        .toBe('Grill');

      // No active kitchen printer prints Grill: said in words, on amber.
      await openAdminSection(page, 'admin_nav_printers', 'admin_printers_title');
      const warning = page.getByText(text('fr', 'admin_stations_no_printer', { station: 'Grill', count: 1 }));
      await warning.waitFor();
      expect(await warning.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

      // Tick Grill on the kitchen printer: the warning goes.
      const printer = page.getByRole('listitem', { name: 'Imprimante cuisine', exact: true });
      await printer
        .getByRole('button', { name: exactly('fr', 'common_edit_named', { name: 'Imprimante cuisine' }) })
        .click();
      const grill = printer.getByRole('checkbox', { name: 'Grill', exact: true });
      expect(await printer.getByRole('checkbox', { name: 'Cuisine', exact: true }).isChecked()).toBe(true);
      await grill.check();
      await printer.getByRole('button', { name: exactly('fr', 'common_save') }).click();
      await warning.waitFor({ state: 'detached' });
      const { data: stored } = await db.from('printers').select('stations').eq('restaurant_id', restaurantId).single();
      expect(stored?.stations).toEqual(['Cuisine', 'Bar', 'Grill']);

      // Offline: the station controls are disabled and say why, next to them.
      await context.setOffline(true);
      await stations.getByText(exactly('fr', 'offline_needs_connection')).first().waitFor();
      expect(await stations.getByRole('button', { name: exactly('fr', 'admin_stations_add') }).isDisabled()).toBe(true);
      expect(
        await stations
          .getByRole('button', { name: exactly('fr', 'admin_stations_rename_named', { name: 'Grill' }) })
          .isDisabled(),
      ).toBe(true);
      await context.setOffline(false);
    } catch (failure) {
      throw await withScreenContents(failure, { owner });
    } finally {
      await context.close();
    }
  }, 180_000);
});
