/**
 * Issue 13's table cards, as an owner prints them: on the admin tables page, "Download card" saves
 * that table's card as a PNG of the chosen size (the table-card edge function, fetched with the
 * session's token), and "Print all cards" opens the print-ready sheet of every active table.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { shoot } from './screens.ts';

const harness = useE2eHarness();

async function signInAsOwner({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill('owner@comanda.test');
  await page.getByLabel(exactly('en', 'password_label')).fill('comanda-owner');
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Width and height from a PNG's IHDR chunk, after checking the file's signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('table cards on the admin tables page', () => {
  it("downloads one table's card as a PNG and opens the sheet of all cards", { timeout: 180_000 }, async () => {
    const owner = await harness().newUser();
    const { page } = owner;
    try {
      await signInAsOwner(owner);
      await page.goto('/admin/tables');
      await page
        .getByRole('button', { name: text('en', 'admin_tables_download_card_named', { name: 'Table 1' }) })
        .waitFor();
      await shoot(owner, 'admin-table-cards');
      const download = (name: string) =>
        Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: text('en', 'admin_tables_download_card_named', { name }) }).click(),
        ]).then(([file]) => file);

      const a6 = await download('Table 1');
      expect(a6.suggestedFilename()).toBe('table-card-table-1-a6.png');
      expect(pngSize(await readFile(await a6.path()))).toEqual({ width: 1260, height: 1776 });

      await page.getByLabel(exactly('en', 'admin_tables_card_size')).selectOption('80mm');
      const strip = await download('Table 2');
      expect(strip.suggestedFilename()).toBe('table-card-table-2-80mm.png');
      expect(pngSize(await readFile(await strip.path()))).toEqual({ width: 576, height: 768 });

      const [sheet] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByRole('button', { name: exactly('en', 'admin_tables_print_all') }).click(),
      ]);
      await sheet.waitForURL(/^blob:/);
      // One card per active table; Table 1 is one of the demo restaurant's.
      await sheet.locator('img[alt="Table 1"]').waitFor({ state: 'attached' });
      expect(await sheet.evaluate(() => getComputedStyle(document.querySelector('img') as Element).width)).toMatch(
        /^272(\.\d+)?px$/,
      );
      await shoot({ context: owner.context, page: sheet }, 'table-cards-sheet', ['desktop']);
      await sheet.close();
    } catch (error) {
      throw await withScreenContents(error, { owner });
    } finally {
      await owner.context.close();
    }
  });
});
