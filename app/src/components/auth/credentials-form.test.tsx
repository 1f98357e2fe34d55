// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialsForm, type CredentialsFormProps } from '#components/auth/credentials-form.tsx';

function renderForm(onSubmit = vi.fn<CredentialsFormProps['onSubmit']>(async () => null)) {
  render(() => <CredentialsForm purpose="sign-up" submitLabel="Create account" onSubmit={onSubmit} />);
  return {
    onSubmit,
    name: screen.getByLabelText('Your name'),
    email: screen.getByLabelText('Email'),
    password: screen.getByLabelText('Password'),
  };
}

// Vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(cleanup);

describe('CredentialsForm', () => {
  it('shows each problem next to its field and sends nothing', async () => {
    const { onSubmit, name, email, password } = renderForm();
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.input(email, { target: { value: 'not-an-email' } });
    fireEvent.input(password, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter a valid email address, like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(name.getAttribute('aria-describedby')).toBe('sign-up-display-name-hint sign-up-display-name-error');
    // Focus goes to the first field to fix.
    expect(document.activeElement).toBe(name);
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
    const { name, email, password } = renderForm(onSubmit);
    fireEvent.input(name, { target: { value: ' Amina Diallo ' } });
    fireEvent.input(email, { target: { value: '  owner@example.com ' } });
    fireEvent.input(password, { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Already taken.')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'owner@example.com',
      password: 'long enough',
      displayName: 'Amina Diallo',
    });
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for a name on sign-up only, and refuses one over 100 characters', async () => {
    const onSubmit = vi.fn<CredentialsFormProps['onSubmit']>(async () => null);
    render(() => <CredentialsForm purpose="sign-in" submitLabel="Sign in" onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Your name')).toBeNull();
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'cook@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ email: 'cook@example.com', password: 'x' }));
    cleanup();

    const signUp = renderForm();
    fireEvent.input(signUp.name, { target: { value: 'a'.repeat(101) } });
    fireEvent.input(signUp.email, { target: { value: 'cook@example.com' } });
    fireEvent.input(signUp.password, { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Use at most 100 characters.')).toBeTruthy();
    expect(signUp.onSubmit).not.toHaveBeenCalled();
  });
});
