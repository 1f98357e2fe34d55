import * as m from '#paraglide/messages.js';

/** The restaurant list could not be read and nothing is cached: say so and offer a retry. */
export function LoadFailed(props: { onRetry: () => void }) {
  return (
    <main id="main" class="narrow">
      <p class="notice error" role="alert">
        {m.tenancy_load_failed()}
      </p>
      <button type="button" onClick={() => props.onRetry()}>
        {m.common_retry()}
      </button>
    </main>
  );
}
