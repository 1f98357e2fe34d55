// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialsForm, type CredentialsFormProps } from './credentials-form.tsx';

function renderForm(onSubmit = vi.fn<CredentialsFormProps['onSubmit']>(async () => null)) {
  render(() => <CredentialsForm purpose="sign-up" submitLabel="Create account" onSubmit={onSubmit} />);
  return { onSubmit, email: screen.getByLabelText('Email'), password: screen.getByLabelText('Password') };
}

// Vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(cleanup);

describe('CredentialsForm', () => {
  it('shows each problem next to its field and sends nothing', async () => {
    const { onSubmit, email, password } = renderForm();
    fireEvent.input(email, { target: { value: 'not-an-email' } });
    fireEvent.input(password, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter a valid email address, like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('sign-up-email-error');
    expect(password.getAttribute('aria-describedby')).toBe('sign-up-password-hint sign-up-password-error');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits trimmed credentials and shows the server answer on its field', async () => {
    const onSubmit = vi.fn<CredentialsFormProps['onSubmit']>(async () => ({
      field: 'email',
      message: 'Already taken.',
    }));
    const { email, password } = renderForm(onSubmit);
    fireEvent.input(email, { target: { value: '  owner@example.com ' } });
    fireEvent.input(password, { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Already taken.')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith({ email: 'owner@example.com', password: 'long enough' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});
