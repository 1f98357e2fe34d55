import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { canAdminister, landingFor, restaurantSelection } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useMemberships } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';
import '#components/restaurant/tenancy.css';

/** The restaurant switcher, for people who work in several; the choice is remembered on this device. */
export default function Restaurants() {
  const navigate = useNavigate();
  const memberships = useMemberships();
  const list = () => {
    const landing = memberships.data ? landingFor(memberships.data) : undefined;
    if (landing?.kind === 'choose') return landing.memberships;
    return landing?.kind === 'restaurant' ? [landing.membership] : [];
  };
  return (
    <main id="main" class="narrow">
      <h1>{m.switcher_title()}</h1>
      <Show when={memberships.data} fallback={<p class="loading">{m.common_loading()}</p>}>
        <Show when={list().length > 0} fallback={<p>{m.switcher_none()}</p>}>
          <ul class="choice-list">
            <For each={list()}>
              {(membership) => (
                <li>
                  <button
                    type="button"
                    class="choice"
                    aria-current={membership.restaurantId === restaurantSelection.currentId() ? 'true' : undefined}
                    onClick={() => {
                      restaurantSelection.select(membership.restaurantId);
                      navigate(canAdminister(membership.role) ? '/admin' : '/', { replace: true });
                    }}
                  >
                    <span class="choice-name">{membership.name}</span>
                    <span class="choice-meta">{roleLabel(membership.role)}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <p class="actions">
        <A href="/onboarding" class="button secondary">
          {m.switcher_create()}
        </A>
        <A href="/join" class="button secondary">
          {m.switcher_join()}
        </A>
      </p>
    </main>
  );
}
