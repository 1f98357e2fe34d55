/**
 * Issue 5's newcomer journey in Debian's Chromium against the production PWA and a real stack:
 * sign-up, onboarding in French, the menu, tables, staff; a second person joins by code; the owner
 * reloads offline. Driven only through roles and labels, as a person would; any console error or
 * uncaught exception fails the test it happened in. The journey's steps run in order and share the
 * two people's browsers, so a failing step also fails the ones after it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import {
  addCategory,
  addItem,
  addModifierGroup,
  addTable,
  completeOnboardingInFrench,
  createJoinCode,
  editOption,
  expectImageCachedForOffline,
  expectImageLoaded,
  joinWithCode,
  openAdminSection,
  password,
  reloadOffline,
  signUp,
  switchLanguage,
} from './journey.ts';
import { exactly, text } from './messages.ts';

const stepTimeoutMs = 90_000;

const harness = useE2eHarness();

const newEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@e2e.comanda.test`;

describe('the PWA in Chromium', () => {
  it('counts console errors and uncaught exceptions as failures (the harness guards itself)', async () => {
    const { page, context } = await harness().newUser();
    await page.goto('/sign-in');
    await page.evaluate(() => {
      console.error('e2e probe: console error');
      setTimeout(() => {
        throw new Error('e2e probe: uncaught');
      });
    });
    await page.waitForEvent('pageerror');
    const problems = harness().takeProblems();
    expect(problems.some((p) => p.includes('e2e probe: console error'))).toBe(true);
    expect(problems.some((p) => p.includes('e2e probe: uncaught'))).toBe(true);
    await context.close();
  });

  it(
    'signs up, signs out, signs back in, and reopens offline after a reload',
    async () => {
      const user = await harness().newUser();
      const { page, context } = user;
      const email = newEmail('visitor');
      await signUp(user, email, 'Visitor');

      await page.getByRole('link', { name: exactly('en', 'sign_out') }).click();
      await page.getByRole('heading', { name: exactly('en', 'sign_out_title') }).waitFor();
      await page
        .getByRole('main')
        .getByRole('button', { name: exactly('en', 'sign_out') })
        .click();
      await page.getByRole('heading', { name: exactly('en', 'sign_in_title') }).waitFor();

      await page.getByLabel(exactly('en', 'email_label')).fill(email);
      await page.getByLabel(exactly('en', 'password_label')).fill(password);
      await page.getByRole('button', { name: exactly('en', 'sign_in_submit') }).click();
      // Someone with no restaurant yet is offered to create one.
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();

      await reloadOffline(user);
      await page.getByText(text('en', 'offline_notice')).waitFor();
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();
      await page.getByRole('link', { name: exactly('en', 'sign_out') }).waitFor();
      await context.close();
    },
    stepTimeoutMs,
  );

  it(
    'opens the admin, not onboarding, for a restaurant created after the cached memberships said none',
    async () => {
      const user = await harness().newUser();
      const { page, context } = user;
      await signUp(user, newEmail('stale'), 'Stale');
      await page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();
      // The cached "no restaurant" is saved to IndexedDB at most a second later, and stays fresh 30 s.
      await page.waitForTimeout(1_500);
      // The restaurant appears elsewhere (another tab, a closed browser) through the API itself.
      const stack = inject('stack');
      const token = await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'));
        return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token : '';
      });
      const slug = `stale-${randomUUID().slice(0, 8)}`;
      const created = await fetch(`${stack.apiUrl}/rest/v1/rpc/create_restaurant`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          p_name: 'Chez Stale',
          p_slug: slug,
          p_country: 'CI',
          p_currency: 'XOF',
          p_timezone: 'Africa/Abidjan',
        }),
      });
      expect(created.status).toBe(200);

      await page.goto('/');
      await page.waitForURL((url) => url.pathname.startsWith('/admin'));
      await page.getByRole('heading', { level: 1, name: 'Chez Stale' }).waitFor();
      await context.close();
    },
    stepTimeoutMs,
  );
});

describe('a newcomer sets up a restaurant in French and a cashier joins', () => {
  const restaurant = { name: 'Chez Amina', slug: `chez-amina-${randomUUID().slice(0, 6)}`, country: 'France' };
  const categories = ['Entrées', 'Plats', 'Desserts'];
  const cooking = { name: 'Cuisson', min: 1, max: 1, options: ['Saignant', 'À point', 'Bien cuit'] };
  const items = [
    { name: 'Salade de chèvre', price: '9,50', category: 'Entrées' },
    { name: 'Steak frites', price: '18,90', category: 'Plats', requiredGroup: cooking.name, photo: true },
    { name: 'Tarte Tatin', price: '7', category: 'Desserts' },
  ];
  const tables = ['Table 1', 'Table 2', 'Table 3', 'Terrasse'];
  const people = { owner: 'Amina Diallo', cashier: 'Kofi Mensah' };
  let owner: BrowserUser;
  let cashier: BrowserUser;
  let joinCode: string;
  // Each step builds on the previous one: after a failure the rest fail at once, naming the cause.
  let failedStep: string | null = null;
  const step = (name: string, body: () => Promise<void>) =>
    it(
      name,
      async () => {
        if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
        try {
          await body();
        } catch (error) {
          failedStep = name;
          throw await withScreenContents(error, { owner, cashier });
        }
      },
      stepTimeoutMs,
    );

  afterAll(async () => {
    await owner?.context.close();
    await cashier?.context.close();
  });

  step('signs up, switches the app to French and completes onboarding', async () => {
    owner = await harness().newUser();
    await signUp(owner, newEmail('owner'), people.owner);
    await owner.page.getByRole('heading', { level: 1, name: exactly('en', 'onboarding_title') }).waitFor();
    await switchLanguage(owner.page, 'en', 'fr', 'Français');
    await completeOnboardingInFrench(owner.page, restaurant);
    await owner.page.getByText(text('fr', 'admin_home_role', { role: text('fr', 'tenancy_role_owner') })).waitFor();
  });

  step('builds a 3-category menu with a required modifier group and a photo', async () => {
    const { page } = owner;
    await openAdminSection(page, 'admin_nav_menu', 'admin_menu_title');
    for (const category of categories) await addCategory(page, category);
    await addModifierGroup(page, cooking);
    await editOption(page, 'Bien cuit', { name: 'Très bien cuit', price: '0,50' });
    const groups = page.getByRole('region', { name: exactly('fr', 'admin_menu_groups_title') });
    await groups.getByText(/^\+0,50\s€$/).waitFor();
    for (const item of items) await addItem(page, item);
    // The photo went to Storage and comes back from it, shown on the item.
    await expectImageLoaded(page, exactly('fr', 'admin_menu_photo_alt', { name: 'Steak frites' }));
  });

  step('adds 4 tables', async () => {
    const { page } = owner;
    await openAdminSection(page, 'admin_nav_tables', 'admin_tables_title');
    for (const [i, label] of tables.entries()) await addTable(page, label, 2 + i);
    const list = page.getByRole('list', { name: exactly('fr', 'admin_tables_title') });
    expect(await list.getByRole('listitem').count()).toBe(tables.length);
  });

  step('invites a cashier with a join code', async () => {
    await openAdminSection(owner.page, 'admin_nav_staff', 'admin_staff_title');
    joinCode = await createJoinCode(owner.page, 'tenancy_role_cashier');
    expect(joinCode).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
  });

  step('a second person signs up on a phone and joins with the code as cashier', async () => {
    cashier = await harness().newUser({ viewport: { width: 360, height: 740 } });
    await signUp(cashier, newEmail('cashier'), people.cashier);
    await joinWithCode(cashier.page, joinCode);
    // A cashier lands on the till of the restaurant she joined.
    await cashier.page.waitForURL((url) => url.pathname === '/pos');
    await cashier.page.getByLabel(exactly('en', 'pos_search_label')).waitFor();
  });

  step("the owner's staff screen lists the cashier by the name they signed up with; she renames herself", async () => {
    const { page } = owner;
    // Away and back: opening the staff screen reads who joined meanwhile.
    await openAdminSection(page, 'admin_nav_tables', 'admin_tables_title');
    await openAdminSection(page, 'admin_nav_staff', 'admin_staff_title');
    const members = page.getByRole('region', { name: exactly('fr', 'admin_staff_members') }).getByRole('list');
    await members.getByRole('listitem').filter({ hasText: people.cashier }).waitFor();
    await members.getByText(exactly('fr', 'admin_staff_you_named', { name: people.owner })).waitFor();
    await expect(members.getByRole('listitem').count()).resolves.toBe(2);
    // On her own row only, the owner can change the name her staff see.
    await members.getByRole('button', { name: exactly('fr', 'admin_staff_rename') }).click();
    await members.getByLabel(exactly('fr', 'admin_staff_rename_label')).fill('Amina D.');
    await members.getByRole('button', { name: exactly('fr', 'admin_staff_rename_save') }).click();
    await members.getByText(exactly('fr', 'admin_staff_you_named', { name: 'Amina D.' })).waitFor();
    await expect(members.getByRole('button', { name: exactly('fr', 'admin_staff_rename') }).count()).resolves.toBe(1);
  });

  step("the owner's device goes offline, reloads, and still shows the admin with its data", async () => {
    const { page } = owner;
    await openAdminSection(page, 'admin_nav_tables', 'admin_tables_title');
    await openAdminSection(page, 'admin_nav_menu', 'admin_menu_title');
    await reloadOffline(owner);
    await page.getByText(text('fr', 'offline_notice')).waitFor();
    await page.getByRole('heading', { level: 1, name: exactly('fr', 'admin_menu_title') }).waitFor();
    const categoryList = page.getByRole('region', { name: exactly('fr', 'admin_menu_categories_title') });
    for (const category of categories) {
      await categoryList
        .getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: category }) })
        .waitFor();
    }
    const itemList = page.getByRole('region', { name: exactly('fr', 'admin_menu_items_title') });
    for (const item of items) {
      await itemList
        .getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: item.name }) })
        .waitFor();
    }
    await page
      .getByRole('button', { name: exactly('fr', 'admin_menu_actions_named', { name: cooking.name }) })
      .waitFor();
    // Photos and QR codes are kept by the service worker, for when the HTTP cache has let them go.
    const photo = exactly('fr', 'admin_menu_photo_alt', { name: 'Steak frites' });
    await expectImageLoaded(page, photo);
    await expectImageCachedForOffline(page, photo);

    await openAdminSection(page, 'admin_nav_tables', 'admin_tables_title');
    const list = page.getByRole('list', { name: exactly('fr', 'admin_tables_title') });
    for (const label of tables) {
      await list.getByRole('listitem', { name: label }).waitFor();
      const qr = exactly('fr', 'admin_tables_qr_alt', { name: label });
      await expectImageLoaded(page, qr);
      await expectImageCachedForOffline(page, qr);
    }
  });
});
