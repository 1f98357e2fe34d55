import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { describeAuthError, describeFieldError } from '#lib/auth/errors.ts';
import { recoveryLinkError, setNewPassword } from '#lib/auth/recovery.ts';
import { session } from '#lib/auth/session.ts';
import { passwordMinLength, validatePassword } from '#lib/auth/validation.ts';
import * as m from '#paraglide/messages.js';

/**
 * Where the emailed link lands. A good link has signed the person in already (auth-js reads the
 * session from the URL); a used or expired one comes back with an error in the URL, said in words
 * with a way to ask again. Once the new password is saved, the person goes to their screen.
 */
export default function ResetPassword() {
  const navigate = useNavigate();
  const linkError = recoveryLinkError();
  const [password, setPassword] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [passwordError, setPasswordError] = createSignal<string | null>(null);
  const [confirmationError, setConfirmationError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let passwordInput: HTMLInputElement | undefined;
  let confirmationInput: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const invalid = validatePassword(password(), 'sign-up');
    const mismatch = !invalid && password() !== confirmation();
    setPasswordError(invalid ? describeFieldError(invalid, 'password') : null);
    setConfirmationError(mismatch ? m.reset_password_mismatch() : null);
    if (invalid || mismatch) {
      (invalid ? passwordInput : confirmationInput)?.focus();
      return;
    }
    setBusy(true);
    try {
      const error = await setNewPassword(password());
      if (!error) {
        navigate('/', { replace: true });
        return;
      }
      const described = describeAuthError(error);
      if (described.field === 'password') setPasswordError(described.message);
      else setFormError(described.message);
    } finally {
      setBusy(false);
    }
  };

  const askAgain = (
    <p>
      <A class="button" href="/forgot-password">
        {m.reset_password_ask_again()}
      </A>
    </p>
  );

  return (
    <main id="main" class="narrow">
      <h1>{m.reset_password_title()}</h1>
      <Switch
        fallback={
          <form class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
            {formError() && (
              <p class="notice error" role="alert">
                {formError()}
              </p>
            )}
            <Field
              ref={passwordInput}
              id="reset-password-new"
              label={m.reset_password_label()}
              type="password"
              name="new-password"
              autocomplete="new-password"
              required
              minLength={passwordMinLength}
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
              error={passwordError()}
              hint={m.password_hint({ min: passwordMinLength })}
            />
            <Field
              ref={confirmationInput}
              id="reset-password-confirm"
              label={m.reset_password_confirm_label()}
              type="password"
              name="confirm-password"
              autocomplete="new-password"
              required
              value={confirmation()}
              onInput={(e) => setConfirmation(e.currentTarget.value)}
              error={confirmationError()}
            />
            <button type="submit" disabled={busy()}>
              {busy() ? m.common_submitting() : m.reset_password_submit()}
            </button>
          </form>
        }
      >
        <Match when={linkError}>
          <p class="notice error" role="alert">
            {m.reset_password_link_invalid()}
          </p>
          {askAgain}
        </Match>
        <Match when={session() === undefined}>
          <p class="loading">{m.common_loading()}</p>
        </Match>
        <Match when={session() === null}>
          <p class="notice">{m.reset_password_no_link()}</p>
          {askAgain}
        </Match>
      </Switch>
    </main>
  );
}
