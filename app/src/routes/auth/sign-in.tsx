import { A, useNavigate } from '@solidjs/router';
import { CredentialsForm } from '#components/auth/credentials-form.tsx';
import { signIn } from '#lib/auth/commands.ts';
import { describeAuthError } from '#lib/auth/errors.ts';
import * as m from '#paraglide/messages.js';

export default function SignIn() {
  const navigate = useNavigate();
  return (
    <main id="main" class="narrow">
      <h1>{m.sign_in_title()}</h1>
      <CredentialsForm
        purpose="sign-in"
        submitLabel={m.sign_in_submit()}
        onSubmit={async (credentials) => {
          const error = await signIn(credentials);
          if (error) return describeAuthError(error);
          navigate('/', { replace: true });
          return null;
        }}
      >
        <p>
          <A href="/forgot-password">{m.sign_in_forgot_password()}</A>
        </p>
        <p>
          {m.sign_in_no_account()} <A href="/sign-up">{m.sign_in_to_sign_up()}</A>
        </p>
      </CredentialsForm>
    </main>
  );
}
