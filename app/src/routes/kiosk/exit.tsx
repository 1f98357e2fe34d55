import { createSignal, onMount, Show } from 'solid-js';
import { kioskExit } from '#lib/kiosk/api.ts';
import type { KioskPairing } from '#lib/kiosk/device.ts';
import { describeKioskFailure } from '#lib/kiosk/errors.ts';
import { outboxState } from '#lib/sync.ts';
import * as m from '#paraglide/messages.js';

/** Staff leave kiosk mode with the restaurant's PIN, checked (and rate-limited) by the database. */
export function ExitDialog(props: { onClose: () => void; onExited: () => void }) {
  let dialog!: HTMLDialogElement;
  const [pin, setPin] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => dialog.showModal());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    const result = await kioskExit(pin());
    setBusy(false);
    setPin('');
    if (!result.ok) setError(describeKioskFailure(result.failure));
    else if (result.data.status === 'ok') props.onExited();
    else setError(describeKioskFailure({ code: result.data.code }));
  };

  return (
    <dialog
      ref={dialog}
      class="kiosk-dialog"
      aria-labelledby="kiosk-exit-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="kiosk-exit-title" class="kiosk-heading">
          {m.kiosk_exit_title()}
        </h2>
        <label class="kiosk-field">
          <span>{m.kiosk_exit_pin()}</span>
          <input
            type="password"
            inputmode="numeric"
            autocomplete="off"
            maxLength={8}
            required
            value={pin()}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </label>
        <Show when={error()}>
          <p class="kiosk-error" role="alert">
            {error()}
          </p>
        </Show>
        <div class="kiosk-actions">
          <button type="button" class="kiosk-button" onClick={() => props.onClose()}>
            {m.common_cancel()}
          </button>
          <button type="submit" class="kiosk-button primary" disabled={busy()}>
            {m.kiosk_exit_title()}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Kiosk mode paused for staff: what is still unsent, back to kiosk mode, or unpair the tablet. */
export function PausedScreen(props: {
  pairing: KioskPairing;
  label: string;
  onResume: () => void;
  onUnpair: () => void;
}) {
  return (
    <main id="main" class="kiosk-page kiosk-centered">
      <h1 class="kiosk-heading">{m.kiosk_exit_panel_title()}</h1>
      <p class="kiosk-lead">
        {m.kiosk_exit_panel_body({
          label: props.label,
          restaurant: props.pairing.restaurantName,
          count: outboxState().unsynced,
        })}
      </p>
      <div class="kiosk-actions">
        <button type="button" class="kiosk-button primary big" onClick={() => props.onResume()}>
          {m.kiosk_resume()}
        </button>
        <button type="button" class="kiosk-button" onClick={() => props.onUnpair()}>
          {m.kiosk_unpair()}
        </button>
      </div>
    </main>
  );
}
