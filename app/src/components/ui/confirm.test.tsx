// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfirmHost, confirmAction } from '#components/ui/confirm.tsx';

// The host loads the dialog on demand; load it once up front so each question renders at once.
beforeAll(() => import('#components/ui/confirm-dialog.tsx'), 30_000);
afterEach(cleanup);

const ask = () => confirmAction({ title: 'Delete “Soup”?', confirmText: 'Delete', tone: 'danger' });

describe('confirmAction', () => {
  it('asks in an alert dialog and resolves true when the action is confirmed', async () => {
    render(() => <ConfirmHost />);
    const answer = ask();
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Soup”?' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await expect(answer).resolves.toBe(true);
    expect(dialog.isConnected).toBe(false);
  });

  it('resolves false on Cancel, which has the focus so Enter never deletes by accident', async () => {
    render(() => <ConfirmHost />);
    const answer = ask();
    await screen.findByRole('alertdialog');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    await expect(answer).resolves.toBe(false);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('resolves false on Escape, and a second question cancels the first', async () => {
    render(() => <ConfirmHost />);
    const first = ask();
    await screen.findByRole('alertdialog');
    const second = confirmAction({ title: 'Leave?', confirmText: 'Leave' });
    await expect(first).resolves.toBe(false);
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await expect(second).resolves.toBe(false);
  });
});
