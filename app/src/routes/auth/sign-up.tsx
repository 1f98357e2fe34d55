import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { CredentialsForm } from '#components/auth/credentials-form.tsx';
import { signUp } from '#lib/auth/commands.ts';
import { describeAuthError } from '#lib/auth/errors.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';

export default function SignUp() {
  const navigate = useNavigate();
  const [confirmEmail, setConfirmEmail] = createSignal<string | null>(null);
  return (
    <main id="main" class="narrow">
      <h1>{m.sign_up_title()}</h1>
      <Show
        when={confirmEmail()}
        fallback={
          <CredentialsForm
            purpose="sign-up"
            submitLabel={m.sign_up_submit()}
            onSubmit={async ({ email, password, displayName }) => {
              const outcome = await signUp({ email, password, displayName, locale: currentLocale() });
              if (!outcome.ok) return describeAuthError(outcome.error);
              // With email confirmations on (hosted default) there is no session until confirmed.
              if (outcome.signedIn) navigate('/', { replace: true });
              else setConfirmEmail(email);
              return null;
            }}
          >
            <p>
              {m.sign_up_have_account()} <A href="/sign-in">{m.sign_up_to_sign_in()}</A>
            </p>
          </CredentialsForm>
        }
      >
        {(email) => (
          <p class="notice" role="status">
            {m.sign_up_check_email({ email: email() })}
          </p>
        )}
      </Show>
    </main>
  );
}
