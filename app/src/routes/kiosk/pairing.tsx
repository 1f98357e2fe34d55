import { createSignal, Show } from 'solid-js';
import { claimKioskPairing, signInKioskDevice } from '#lib/kiosk/api.ts';
import { rememberPairing } from '#lib/kiosk/device.ts';
import { describeKioskFailure } from '#lib/kiosk/errors.ts';
import * as m from '#paraglide/messages.js';

/** The tablet's first screen: the one-time code from the admin makes it this restaurant's kiosk. */
export function PairingScreen(props: { revoked: boolean; onPaired: () => void }) {
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const pair = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    const signedIn = await signInKioskDevice();
    const claimed = signedIn.ok ? await claimKioskPairing(code().trim().toUpperCase()) : signedIn;
    setBusy(false);
    if (!claimed.ok) {
      setError(describeKioskFailure(claimed.failure));
      return;
    }
    if (claimed.data.status !== 'paired') {
      setError(describeKioskFailure({ code: claimed.data.code }));
      return;
    }
    rememberPairing(claimed.data.kiosk, claimed.data.restaurant_name);
    props.onPaired();
  };

  return (
    <main id="main" class="kiosk-page kiosk-centered">
      <h1 class="kiosk-heading">{m.kiosk_pair_title()}</h1>
      <Show when={props.revoked}>
        <p class="kiosk-notice" role="status">
          {m.kiosk_revoked_notice()}
        </p>
      </Show>
      <p class="kiosk-lead">{m.kiosk_pair_intro()}</p>
      <form class="kiosk-pair-form" onSubmit={(e) => void pair(e)}>
        <label class="kiosk-field">
          <span>{m.kiosk_pair_code_label()}</span>
          <input
            value={code()}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            required
            placeholder="ABCDE-FGHJK"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="kiosk-button primary" disabled={busy()}>
          {busy() ? m.kiosk_pairing() : m.kiosk_pair_submit()}
        </button>
      </form>
      <Show when={error()}>
        <p class="kiosk-error" role="alert">
          {error()}
        </p>
      </Show>
    </main>
  );
}
