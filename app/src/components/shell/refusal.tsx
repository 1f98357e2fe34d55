import { A } from '@solidjs/router';
import type { MembershipSummary } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import * as m from '#paraglide/messages.js';

/** Says which role the person has where, and that this screen is not theirs. */
export function Refusal(props: { membership: MembershipSummary; title?: string; body?: string }) {
  return (
    <main id="main" class="narrow">
      <h1>{props.title ?? m.common_refused_title()}</h1>
      <p>
        {props.body ??
          m.common_refused_body({ role: roleLabel(props.membership.role), restaurant: props.membership.name })}
      </p>
      <p>
        <A href="/" class="button secondary">
          {m.common_back_to_start()}
        </A>
      </p>
    </main>
  );
}
