/**
 * A forgotten password, reset as a person would: "Forgot your password?" on the sign-in page, the
 * mail read from the stack's local inbox, its link followed, a new password chosen, then signing in
 * with it. The account is made for this test, so the demo logins other e2e files use never change.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { linkIn, mailsTo, waitForMail } from '../support/inbox.ts';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { dismissOfflineReady } from './journey.ts';
import { exactly, text } from './messages.ts';

const stack = inject('stack');
const harness = useE2eHarness();

const oldPassword = 'forgotten-password';
const newPassword = 'remembered-at-last';

async function createAccount(email: string): Promise<void> {
  const { error } = await serviceClient(stack).auth.admin.createUser({
    email,
    password: oldPassword,
    email_confirm: true,
  });
  expect(error).toBeNull();
}

async function askForLink(user: BrowserUser, email: string): Promise<void> {
  const { page } = user;
  await page.getByRole('link', { name: exactly('en', 'sign_in_forgot_password') }).click();
  await page.getByRole('heading', { name: exactly('en', 'forgot_password_title') }).waitFor();
  await page.getByLabel(exactly('en', 'email_label')).fill(email);
  await page.getByRole('button', { name: exactly('en', 'forgot_password_submit') }).click();
  await page
    .getByRole('status')
    .filter({ hasText: text('en', 'forgot_password_sent', { email }) })
    .waitFor();
}

describe('password reset through the local inbox', () => {
  it('resets a forgotten password from the emailed link, then signs in with the new one', async () => {
    const email = `reset-${randomUUID().slice(0, 8)}@e2e.comanda.test`;
    const stranger = `nobody-${randomUUID().slice(0, 8)}@e2e.comanda.test`;
    await createAccount(email);
    const user = await harness().newUser();
    const { page, context } = user;
    try {
      await page.goto('/sign-in');
      await dismissOfflineReady(page);

      // An address without an account reads exactly the same answer, and gets no mail.
      await askForLink(user, stranger);
      await page.getByRole('link', { name: exactly('en', 'forgot_password_back') }).click();
      await askForLink(user, email);

      const link = linkIn(await waitForMail(stack.inboxUrl, email));
      expect(await mailsTo(stack.inboxUrl, stranger)).toEqual([]);

      await page.goto(link);
      await page.getByRole('heading', { name: exactly('en', 'reset_password_title') }).waitFor();
      const fresh = page.getByLabel(exactly('en', 'reset_password_label'));
      const again = page.getByLabel(exactly('en', 'reset_password_confirm_label'));
      const save = page.getByRole('button', { name: exactly('en', 'reset_password_submit') });
      await fresh.fill('short');
      await save.click();
      await page.getByText(text('en', 'error_password_too_short', { min: 8 })).waitFor();
      await fresh.fill(newPassword);
      await again.fill(`${newPassword}!`);
      await save.click();
      await page.getByText(text('en', 'reset_password_mismatch')).waitFor();
      await again.fill(newPassword);
      await save.click();
      // Signed in and sent to their screen: a person without a restaurant is offered to create one.
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();

      await page.getByRole('link', { name: exactly('en', 'sign_out') }).click();
      await page
        .getByRole('main')
        .getByRole('button', { name: exactly('en', 'sign_out') })
        .click();
      await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();
      await page.getByLabel(exactly('en', 'email_label')).fill(email);
      await page.getByLabel(exactly('en', 'password_label')).fill(oldPassword);
      await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
      await page.getByText(text('en', 'error_invalid_credentials')).waitFor();
      // Chromium logs the refused sign-in (400) as a console error: expected here, and only that.
      expect(harness().takeProblems()).toEqual([
        expect.stringMatching(/\/auth\/v1\/token\?grant_type=password.* 400 /),
      ]);
      await page.getByLabel(exactly('en', 'password_label')).fill(newPassword);
      await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();

      // The link worked once: opened again, it says so in words and offers to ask again.
      await page.getByRole('link', { name: exactly('en', 'sign_out') }).click();
      await page
        .getByRole('main')
        .getByRole('button', { name: exactly('en', 'sign_out') })
        .click();
      await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();
      await page.goto(link);
      await page
        .getByRole('alert')
        .filter({ hasText: text('en', 'reset_password_link_invalid') })
        .waitFor();
      await page.getByRole('link', { name: exactly('en', 'reset_password_ask_again') }).click();
      await page.getByRole('heading', { name: exactly('en', 'forgot_password_title') }).waitFor();
    } catch (error) {
      throw await withScreenContents(error, { person: user });
    } finally {
      await context.close();
    }
  }, 120_000);
});
