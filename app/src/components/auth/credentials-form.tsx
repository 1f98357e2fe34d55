import { createSignal, type JSX, Show } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { describeFieldError } from '#lib/auth/errors.ts';
import { passwordMinLength, validateCredentials, validateDisplayName } from '#lib/auth/validation.ts';
import * as m from '#paraglide/messages.js';

export interface SubmitOutcome {
  field: 'email' | 'password' | null;
  message: string;
}

export interface Credentials {
  email: string;
  password: string;
  /** On sign-up only: the name the person's colleagues see, trimmed. */
  displayName?: string;
}

export interface CredentialsFormProps {
  purpose: 'sign-in' | 'sign-up';
  submitLabel: string;
  /** Resolves to an error to show, or null when done (the caller navigates). */
  onSubmit: (credentials: Credentials) => Promise<SubmitOutcome | null>;
  children?: JSX.Element;
}

/**
 * Email and password (and, to sign up, the person's name), validated on submit, with server
 * errors placed next to their field.
 */
export function CredentialsForm(props: CredentialsFormProps) {
  const [displayName, setDisplayName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [displayNameError, setDisplayNameError] = createSignal<string | null>(null);
  const [emailError, setEmailError] = createSignal<string | null>(null);
  const [passwordError, setPasswordError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let displayNameInput: HTMLInputElement | undefined;
  let emailInput: HTMLInputElement | undefined;
  let passwordInput: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const signingUp = props.purpose === 'sign-up';
    const credentials: Credentials = { email: email().trim(), password: password() };
    if (signingUp) credentials.displayName = displayName().trim();
    const invalidName = signingUp ? validateDisplayName(displayName()) : null;
    const invalid = validateCredentials(credentials, props.purpose);
    setDisplayNameError(invalidName ? describeFieldError(invalidName, 'display_name') : null);
    setEmailError(invalid?.email ? describeFieldError(invalid.email, 'email') : null);
    setPasswordError(invalid?.password ? describeFieldError(invalid.password, 'password') : null);
    if (invalidName || invalid) {
      // The first field to fix, in screen order.
      (invalidName ? displayNameInput : invalid?.email ? emailInput : passwordInput)?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await props.onSubmit(credentials);
      if (outcome?.field === 'email') setEmailError(outcome.message);
      else if (outcome?.field === 'password') setPasswordError(outcome.message);
      else if (outcome) setFormError(outcome.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
      <Show when={formError()}>
        <p class="notice error" role="alert">
          {formError()}
        </p>
      </Show>
      <Show when={props.purpose === 'sign-up'}>
        <Field
          ref={displayNameInput}
          id="sign-up-display-name"
          label={m.sign_up_name_label()}
          type="text"
          name="name"
          autocomplete="name"
          required
          value={displayName()}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
          error={displayNameError()}
          hint={m.sign_up_name_hint()}
        />
      </Show>
      <Field
        ref={emailInput}
        id={`${props.purpose}-email`}
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
      <Field
        ref={passwordInput}
        id={`${props.purpose}-password`}
        label={m.password_label()}
        type="password"
        name="password"
        autocomplete={props.purpose === 'sign-up' ? 'new-password' : 'current-password'}
        required
        minLength={props.purpose === 'sign-up' ? passwordMinLength : undefined}
        value={password()}
        onInput={(e) => setPassword(e.currentTarget.value)}
        error={passwordError()}
        hint={props.purpose === 'sign-up' ? m.password_hint({ min: passwordMinLength }) : undefined}
      />
      <button type="submit" disabled={busy()}>
        {busy() ? m.common_submitting() : props.submitLabel}
      </button>
      {props.children}
    </form>
  );
}
