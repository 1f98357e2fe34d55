import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { Field } from '#components/ui/field.tsx';
import { joinRestaurant } from '#lib/restaurant/commands.ts';
import { restaurantSelection } from '#lib/restaurant/current.ts';
import { describeRestaurantError } from '#lib/restaurant/errors.ts';
import { refreshMemberships } from '#lib/restaurant/queries.ts';
import { joinCodeLength, normalizeJoinCode } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

/** Join a restaurant with the code an owner or manager gave (`accept_invite`). */
export default function Join() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ code?: string }>();
  const [code, setCode] = createSignal(typeof params.code === 'string' ? params.code : '');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const normalized = normalizeJoinCode(code());
    if (!normalized.ok) {
      setError(describeRestaurantError(normalized.error));
      input?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const joined = await joinRestaurant(normalized.code);
      if (!joined.ok) {
        setError(describeRestaurantError(joined.failure));
        input?.focus();
        return;
      }
      await refreshMemberships().catch(() => undefined);
      restaurantSelection.select(joined.data.restaurant_id);
      navigate('/', { replace: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="narrow">
      <h1>{m.join_title()}</h1>
      <p>{m.join_intro()}</p>
      <form class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
        <Field
          ref={input}
          id="join-code"
          label={m.join_code_label()}
          hint={m.join_code_hint({ length: joinCodeLength })}
          autocapitalize="characters"
          autocomplete="one-time-code"
          spellcheck={false}
          maxLength={20}
          value={code()}
          onInput={(e) => setCode(e.currentTarget.value)}
          error={error()}
        />
        <button type="submit" disabled={busy()}>
          {busy() ? m.common_submitting() : m.join_submit()}
        </button>
      </form>
      <p>
        {m.join_no_code()} <A href="/onboarding">{m.join_to_onboarding()}</A>
      </p>
    </main>
  );
}
