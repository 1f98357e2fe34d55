/**
 * Issue 10's service, screen to screen, as a restaurant runs it: the cashier takes a dine-in order
 * on the till and later a second round for the same table; the kitchen display shows the round as
 * its own ticket; the cook starts and bumps; the till shows the order ready; the cashier hands it
 * over; the customers' board shows the number ready, then no more. Only the screens are used.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserUser, useE2eHarness, withScreenContents } from './browser.ts';
import { demoBoardToken, signInAsCook } from './kitchen.ts';
import { exactly, text } from './messages.ts';
import { addPlain, placeOrder, signInAsCashier } from './pos.ts';

const harness = useE2eHarness();

/** Every ticket of order `number` on the kitchen rail (one per round). */
const tickets = ({ page }: BrowserUser, number: number) =>
  page.locator('.kds-rail').getByRole('article', { name: `#${number}`, exact: true });

describe('a service', () => {
  it('takes a table order and a second round, cooks both tickets, shows it ready, hands it over; the board follows', async () => {
    const cashier = await harness().newUser({ viewport: { width: 820, height: 1180 } });
    const cook = await harness().newUser({ viewport: { width: 1280, height: 800 } });
    const board = await harness().newUser({ viewport: { width: 1280, height: 720 } });
    try {
      await signInAsCashier(cashier);
      await signInAsCook(cook);
      await cook.page.getByText(exactly('en', 'connection_live')).waitFor();
      await board.page.goto(`/board/${demoBoardToken}`);
      const ready = board.page.locator('.board-numbers[data-kind="ready"]');

      // The till: Table 2, one dish.
      await cashier.page.getByRole('button', { name: exactly('en', 'pos_type_dine_in') }).click();
      await cashier.page.getByLabel(exactly('en', 'pos_table_label')).selectOption({ label: 'Table 2' });
      await addPlain(cashier.page, 'Garba');
      const label = await placeOrder(cashier.page);
      expect(label).toMatch(/^#\d+$/);
      const number = Number(label.slice(1));
      await tickets(cook, number).first().waitFor();

      // Drinks later: a second round for the table reaches the kitchen as its own ticket.
      await cashier.page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
      await cashier.page.getByRole('link', { name: new RegExp(`${label}\\b`) }).click();
      await cashier.page.getByRole('link', { name: exactly('en', 'pos_add_items') }).click();
      await addPlain(cashier.page, 'Bissap');
      await cashier.page.getByRole('button', { name: exactly('en', 'pos_send_round') }).click();
      await expect.poll(() => tickets(cook, number).count(), { timeout: 10_000 }).toBe(2);
      await tickets(cook, number)
        .filter({ hasText: text('en', 'kds_round', { round: 2 }) })
        .waitFor();

      // The cook starts and bumps until nothing of the order is left on the rail.
      for (let taps = 0; (await tickets(cook, number).count()) > 0; taps++) {
        expect(taps, 'the tickets should leave the rail after start and bump').toBeLessThan(8);
        const first = tickets(cook, number).first();
        const action = first.getByRole('button', {
          name: new RegExp(`^(${text('en', 'kds_start')}|${text('en', 'kds_bump')})$`),
        });
        await action.click();
        await cook.page.waitForTimeout(300);
      }

      // The till shows it ready; the cashier hands it over.
      await cashier.page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
      const card = cashier.page.getByRole('link', { name: new RegExp(`${label}\\b`) });
      await card.getByText(exactly('en', 'pos_status_ready')).waitFor({ timeout: 10_000 });
      await ready.getByText(String(number), { exact: true }).waitFor();
      await card.click();
      await cashier.page.getByRole('button', { name: exactly('en', 'pos_complete') }).click();

      // Gone from the board and from the open orders.
      await ready.getByText(String(number), { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
      await cashier.page.getByRole('link', { name: exactly('en', 'pos_nav_orders') }).click();
      await cashier.page.getByRole('link', { name: new RegExp(`${label}\\b`) }).waitFor({ state: 'detached' });
    } catch (error) {
      throw await withScreenContents(error, { cashier, cook, board });
    } finally {
      await cashier.context.close();
      await cook.context.close();
      await board.context.close();
    }
  }, 150_000);
});
