// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberName } from '#components/staff/member-row.tsx';
import { RenameSelf, type RenameSelfProps } from '#components/staff/rename-self.tsx';
import type { Membership } from '#lib/staff/queries.ts';

type Save = NonNullable<RenameSelfProps['save']>;

const membership = (displayName: string | null): Membership => ({
  restaurant_id: 'r1',
  user_id: 'a1b2c3d4-0000-4000-8000-000000000000',
  role: 'cashier',
  display_name: displayName,
  created_at: '2026-11-21T00:00:00Z',
});

function renderRename(save: Save, currentName: string | null = 'Amina') {
  render(() => <RenameSelf restaurantId="r1" currentName={currentName} save={save} />);
  fireEvent.click(screen.getByRole('button', { name: 'Change your name' }));
  return screen.getByLabelText('Your name') as HTMLInputElement;
}

// Vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(cleanup);

describe('memberName', () => {
  it("shows a colleague's name, one's own with “(you)”, and a placeholder when there is none", () => {
    expect(memberName(membership(' Kofi '), false)).toBe('Kofi');
    expect(memberName(membership('Amina'), true)).toBe('Amina (you)');
    expect(memberName(membership(null), true)).toBe('You');
    expect(memberName(membership(null), false)).toBe('Staff member a1b2c3');
  });
});

describe('RenameSelf', () => {
  it('opens on the current name and focused; a blank name is refused next to the field, unsent', async () => {
    const save = vi.fn<Save>();
    const input = renderRename(save);
    expect(input.value).toBe('Amina');
    expect(document.activeElement).toBe(input);
    fireEvent.input(input, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Enter your name.')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toBe('rename-self-r1-error');
    expect(save).not.toHaveBeenCalled();
  });

  it('sends the trimmed name and closes, giving focus back to its button', async () => {
    const save = vi.fn<Save>(async () => ({ ok: true, data: { ...membership('Amina D.') } }));
    const input = renderRename(save);
    fireEvent.input(input, { target: { value: ' Amina D. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    const opener = await screen.findByRole('button', { name: 'Change your name' });
    expect(save).toHaveBeenCalledWith('r1', 'Amina D.');
    expect(screen.queryByLabelText('Your name')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("shows the database's refusal in the person's language next to the field", async () => {
    const save = vi.fn<Save>(async () => ({
      ok: false,
      failure: { transient: false, code: 'display_name_too_long', message: 'display_name_too_long', status: 400 },
    }));
    const input = renderRename(save, null);
    expect(input.value).toBe('');
    fireEvent.input(input, { target: { value: 'Amina' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('The name can have at most 100 characters.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
