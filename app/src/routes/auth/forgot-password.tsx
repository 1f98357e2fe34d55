import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { describeAuthError, describeFieldError } from '#lib/auth/errors.ts';
import { requestPasswordReset } from '#lib/auth/recovery.ts';
import { validateEmail } from '#lib/auth/validation.ts';
import * as m from '#paraglide/messages.js';

/**
 * "Forgot your password?": the address, then the same words whether or not an account uses it —
 * the server answers alike, and so does this page, so it never tells who has an account.
 */
export default function ForgotPassword() {
  const [email, setEmail] = createSignal('');
  const [emailError, setEmailError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let emailInput: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const address = email().trim();
    const invalid = validateEmail(address);
    setEmailError(invalid ? describeFieldError(invalid, 'email') : null);
    if (invalid) {
      emailInput?.focus();
      return;
    }
    setBusy(true);
    try {
      const error = await requestPasswordReset(address);
      if (!error) {
        setSentTo(address);
        return;
      }
      const described = describeAuthError(error);
      if (described.field === 'email') setEmailError(described.message);
      else setFormError(described.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="narrow">
      <h1>{m.forgot_password_title()}</h1>
      <Show
        when={sentTo()}
        fallback={
          <form class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
            <p>{m.forgot_password_intro()}</p>
            <Show when={formError()}>
              <p class="notice error" role="alert">
                {formError()}
              </p>
            </Show>
            <Field
              ref={emailInput}
              id="forgot-password-email"
              label={m.email_label()}
              type="email"
              name="email"
              autocomplete="email"
              inputmode="email"
              required
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
              error={emailError()}
            />
            <button type="submit" disabled={busy()}>
              {busy() ? m.common_submitting() : m.forgot_password_submit()}
            </button>
          </form>
        }
      >
        {(address) => (
          <p class="notice" role="status">
            {m.forgot_password_sent({ email: address() })}
          </p>
        )}
      </Show>
      <p>
        <A href="/sign-in">{m.forgot_password_back()}</A>
      </p>
    </main>
  );
}
