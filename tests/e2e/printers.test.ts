/**
 * Issue 12's admin printers page: the owner sees a printer's failed job with the bridge's last error,
 * its state in words, and retries it; the queue follows live. On the POS, the owner previews an order's
 * receipt (the receipt edge function's SVG) and reprints it as a new job. Screenshots at phone and desktop widths
 * go to $E2E_SHOTS when set.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';
import { addPlain, demoRestaurantId, placeOrder } from './pos.ts';

const harness = useE2eHarness();
const database = () => serviceClient(inject('stack'));
const barPrinterId = '90000000-0000-4000-8000-000000000002';

async function signInAsOwner({ page }: BrowserUser): Promise<void> {
  await page.goto('/sign-in');
  await dismissOfflineReady(page);
  await page.getByLabel(exactly('en', 'email_label')).fill('owner@comanda.test');
  await page.getByLabel(exactly('en', 'password_label')).fill('comanda-owner');
  await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

async function shoot({ page }: BrowserUser, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

describe('the admin printers page', () => {
  it("shows a failed job's last error and state in words, and Retry puts it back in the queue", async () => {
    const error = `Paper out on Bar (${randomUUID().slice(0, 8)})`;
    const { data: job, error: insertError } = await database()
      .from('print_jobs')
      .insert({
        restaurant_id: demoRestaurantId,
        printer_id: barPrinterId,
        document: 'test',
        dedupe_key: `e2e-failed:${randomUUID()}`,
        payload: { document: 'test' },
        status: 'failed',
        attempts: 5,
        last_error: error,
      })
      .select('id')
      .single();
    expect(insertError).toBeNull();

    const owner = await harness().newUser({ viewport: { width: 360, height: 780 } });
    try {
      await signInAsOwner(owner);
      await owner.page.goto('/admin/printers');
      const bar = owner.page.getByRole('listitem', { name: 'Bar', exact: true });
      await bar.getByText(text('en', 'admin_printers_job_error', { error })).waitFor();
      expect(await bar.locator('.status-badge').first().textContent()).toBe(text('en', 'admin_printers_state_failed'));
      await shoot(owner, 'printers-360.png');
      await owner.page.setViewportSize({ width: 1280, height: 900 });
      await shoot(owner, 'printers-desktop.png');

      const jobName = `${text('en', 'admin_printers_doc_test')}`;
      const retry = bar.getByRole('button', { name: text('en', 'admin_printers_retry_named', { job: jobName }) });
      await retry.first().click();
      await bar.getByText(exactly('en', 'admin_printers_retried')).waitFor();
      await expect
        .poll(
          async () => (await database().from('print_jobs').select('status').eq('id', job?.id).single()).data?.status,
        )
        .toBe('queued');
      // The queue follows: the job leaves the failed list and the printer says jobs are waiting.
      await expect.poll(() => bar.getByText(text('en', 'admin_printers_job_error', { error })).count()).toBe(0);
      expect(await bar.locator('.status-badge').first().textContent()).not.toBe(
        text('en', 'admin_printers_state_failed'),
      );
    } catch (failure) {
      throw await withScreenContents(failure, { owner });
    } finally {
      await database().from('print_jobs').delete().eq('id', job?.id);
      await owner.context.close();
    }
  });

  it("previews an order's receipt on the POS and reprints it as a new job", async () => {
    const owner = await harness().newUser({ viewport: { width: 820, height: 1180 } });
    try {
      await signInAsOwner(owner);
      await owner.page.goto('/pos');
      await owner.page.getByRole('button', { name: exactly('en', 'pos_type_takeaway') }).click();
      await addPlain(owner.page, 'Bissap');
      const label = await placeOrder(owner.page);
      const number = Number(label.slice(1));
      const { data: order } = await database()
        .from('orders')
        .select('id')
        .eq('restaurant_id', demoRestaurantId)
        .eq('number', number)
        .single();
      await owner.page.goto(`/pos/orders/${order?.id}`);
      await owner.page.getByRole('button', { name: exactly('en', 'pos_receipt') }).click();
      const dialog = owner.page.getByRole('dialog');
      const image = dialog.getByRole('img', { name: text('en', 'pos_receipt_title', { number }) });
      await image.waitFor();
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await shoot(owner, 'pos-receipt.png');

      const before = await database()
        .from('print_jobs')
        .select('id')
        .eq('order_id', order?.id)
        .eq('document', 'receipt');
      await dialog.getByRole('button', { name: exactly('en', 'pos_reprint_receipt') }).click();
      await dialog.getByText(text('en', 'pos_reprint_queued', { count: 1 })).waitFor();
      const after = await database()
        .from('print_jobs')
        .select('id, payload')
        .eq('order_id', order?.id)
        .eq('document', 'receipt');
      expect(after.data?.length).toBe((before.data?.length ?? 0) + 1);
    } catch (failure) {
      throw await withScreenContents(failure, { owner });
    } finally {
      await owner.context.close();
    }
  });
});
