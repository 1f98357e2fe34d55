import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { PairingCodeForm } from '#components/printers/pairing-code-form.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { isConnectionFailure, useOnline } from '#components/ui/needs-connection.tsx';
import { formatDateTime, formatTime } from '#lib/format/datetime.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import {
  createKioskPairing,
  type KioskRow,
  kioskAdminKeys,
  kioskState,
  kiosksQueryOptions,
  type NewKioskPairing,
  revokeKiosk,
  setKioskExitPin,
  updateKiosk,
} from '#lib/kiosk/admin.ts';
import type { KioskMode } from '#lib/kiosk/api.ts';
import { describeKioskFailure } from '#lib/kiosk/errors.ts';
import { invalidate } from '#lib/query.ts';
import * as m from '#paraglide/messages.js';
import './kiosk-devices.css';

// The admin reads times on its own device, in its own zone.
const zone = () => ({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: currentLocale() });

type Notice = { text: string; error: boolean } | null;

/**
 * The devices list's kiosks (issue 15): a new one-time pairing code for a tablet, each kiosk with
 * its state (waiting, paired, revoked), its settings and a Revoke that signs the tablet out at
 * once; and the restaurant's exit PIN. Loaded lazily by the printers page.
 */
export default function KioskDevices(props: { restaurantId: string }) {
  const kiosks = useQuery(() => kiosksQueryOptions(props.restaurantId));
  const refresh = () => invalidate(kioskAdminKeys.kiosks(props.restaurantId));
  const online = useOnline();
  const [label, setLabel] = createSignal('');
  const [created, setCreated] = createSignal<NewKioskPairing | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice>(null);
  const kioskUrl = () => `${location.origin}/kiosk`;

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await createKioskPairing(props.restaurantId, label());
    setBusy(false);
    if (result.ok) {
      setCreated(result.data);
      setNotice(null);
      setLabel('');
    } else if (!isConnectionFailure(result.failure))
      setNotice({ text: describeKioskFailure(result.failure), error: true });
    await refresh();
  };

  const revoke = async (kiosk: Pick<KioskRow, 'id' | 'label'>) => {
    const ok = await confirmAction({
      title: m.admin_kiosks_revoke_confirm({ label: kiosk.label }),
      confirmText: m.admin_kiosks_revoke(),
      tone: 'danger',
    });
    if (!ok) return;
    const result = await revokeKiosk(kiosk.id);
    setNotice(
      result.ok
        ? { text: m.admin_kiosks_revoked(), error: false }
        : { text: describeKioskFailure(result.failure), error: true },
    );
    if (created()?.id === kiosk.id) setCreated(null);
    await refresh();
  };

  return (
    <section class="stack" aria-labelledby="kiosks-title">
      <h2 id="kiosks-title">{m.admin_kiosks_title()}</h2>
      <p class="field-hint">{m.admin_kiosks_intro({ url: kioskUrl() })}</p>
      <Show
        when={kiosks.data}
        fallback={<p class="loading">{kiosks.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="notice subtle">{m.admin_kiosks_empty()}</p>}>
            <ul class="kiosk-admin-list" aria-label={m.admin_kiosks_title()}>
              <For each={rows()}>
                {(kiosk) => <KioskItem kiosk={kiosk} onRevoke={() => void revoke(kiosk)} onSaved={refresh} />}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={created()}>
        {(pairing) => (
          <div class="notice" role="status">
            <p>
              {m.admin_kiosks_code({ label: pairing().label })}:{' '}
              <strong class="pairing-code" data-testid="kiosk-pairing-code">
                {pairing().code}
              </strong>
            </p>
            <p>{m.admin_kiosks_code_instructions({ time: formatTime(pairing().expires_at, zone()) })}</p>
          </div>
        )}
      </Show>
      <PairingCodeForm
        idPrefix="kiosk-pairing"
        labelText={m.admin_kiosks_label()}
        placeholder={m.admin_kiosks_label_hint()}
        submitText={m.admin_kiosks_create()}
        label={label}
        onLabel={setLabel}
        onSubmit={(e) => void create(e)}
        disabled={busy() || !online()}
        notice={notice}
      />
      <ExitPin restaurantId={props.restaurantId} />
    </section>
  );
}

function KioskItem(props: { kiosk: KioskRow; onRevoke: () => void; onSaved: () => Promise<void> }) {
  const state = () => kioskState(props.kiosk);
  const stateText = () => {
    switch (state()) {
      case 'paired':
        return m.admin_kiosks_paired({ time: formatDateTime(props.kiosk.claimed_at ?? '', zone()) });
      case 'waiting':
        return m.admin_kiosks_waiting({ time: formatTime(props.kiosk.expires_at, zone()) });
      case 'expired':
        return m.admin_kiosks_expired();
      default:
        return m.admin_kiosks_revoked_state();
    }
  };
  return (
    <li class="kiosk-admin-item" data-kiosk-id={props.kiosk.id} data-state={state()}>
      <p class="printer-queue-line">
        <span>
          <strong>{props.kiosk.label}</strong>
          <Show when={props.kiosk.device_code}>{(code) => <> ({code()})</>}</Show> · {stateText()}
        </span>
        <Show when={state() === 'paired' || state() === 'waiting'}>
          <button
            type="button"
            class="secondary"
            aria-label={m.admin_kiosks_revoke_named({ label: props.kiosk.label })}
            onClick={() => props.onRevoke()}
          >
            {m.admin_kiosks_revoke()}
          </button>
        </Show>
      </p>
      <Show when={state() === 'paired' || state() === 'waiting'}>
        <details>
          <summary>{m.admin_kiosks_settings_named({ label: props.kiosk.label })}</summary>
          <KioskSettingsForm kiosk={props.kiosk} onSaved={props.onSaved} />
        </details>
      </Show>
    </li>
  );
}

function KioskSettingsForm(props: { kiosk: KioskRow; onSaved: () => Promise<void> }) {
  const online = useOnline();
  const [notice, setNotice] = createSignal<Notice>(null);
  const [busy, setBusy] = createSignal(false);
  const id = (field: string) => `kiosk-${props.kiosk.id}-${field}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const number = (name: string) => Number(form.get(name));
    setBusy(true);
    const result = await updateKiosk(props.kiosk.id, {
      label: String(form.get('label') ?? ''),
      mode: String(form.get('mode')) as KioskMode,
      idle_reset_seconds: number('idle_reset_seconds'),
      max_lines: number('max_lines'),
      max_items: number('max_items'),
    });
    setBusy(false);
    setNotice(
      result.ok
        ? { text: m.admin_kiosks_saved(), error: false }
        : { text: describeKioskFailure(result.failure), error: true },
    );
    if (result.ok) await props.onSaved();
  };

  return (
    <form class="stack kiosk-settings" onSubmit={(e) => void save(e)}>
      <label for={id('label')}>{m.admin_kiosks_label()}</label>
      <input id={id('label')} name="label" value={props.kiosk.label} maxLength={60} required />
      <label for={id('mode')}>{m.admin_kiosks_mode()}</label>
      <select id={id('mode')} name="mode" value={props.kiosk.mode}>
        <option value="pay_at_counter">{m.admin_kiosks_mode_pay()}</option>
        <option value="direct">{m.admin_kiosks_mode_direct()}</option>
      </select>
      <label for={id('idle')}>{m.admin_kiosks_idle()}</label>
      <input
        id={id('idle')}
        name="idle_reset_seconds"
        type="number"
        min="30"
        max="900"
        required
        value={props.kiosk.idle_reset_seconds}
      />
      <label for={id('lines')}>{m.admin_kiosks_max_lines()}</label>
      <input id={id('lines')} name="max_lines" type="number" min="1" max="100" required value={props.kiosk.max_lines} />
      <label for={id('items')}>{m.admin_kiosks_max_items()}</label>
      <input id={id('items')} name="max_items" type="number" min="1" max="500" required value={props.kiosk.max_items} />
      <button type="submit" disabled={busy() || !online()}>
        {m.common_save()}
      </button>
      <Show when={notice()}>
        {(n) => (
          <p class="notice" classList={{ error: n().error }} role="status">
            {n().text}
          </p>
        )}
      </Show>
    </form>
  );
}

function ExitPin(props: { restaurantId: string }) {
  const online = useOnline();
  const [pin, setPin] = createSignal('');
  const [notice, setNotice] = createSignal<Notice>(null);
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await setKioskExitPin(props.restaurantId, pin());
    setNotice(
      result.ok
        ? { text: m.admin_kiosks_pin_saved(), error: false }
        : { text: describeKioskFailure(result.failure), error: true },
    );
    if (result.ok) setPin('');
  };
  return (
    <form class="stack" aria-labelledby="kiosk-pin-title" onSubmit={(e) => void save(e)}>
      <h3 id="kiosk-pin-title">{m.admin_kiosks_pin_title()}</h3>
      <p class="field-hint" id="kiosk-pin-hint">
        {m.admin_kiosks_pin_hint()}
      </p>
      <div class="printer-queue-line">
        <label>
          {m.admin_kiosks_pin_label()}
          <input
            type="password"
            inputmode="numeric"
            autocomplete="new-password"
            pattern="[0-9]{4,8}"
            maxLength={8}
            required
            aria-describedby="kiosk-pin-hint"
            value={pin()}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!online()}>
          {m.admin_kiosks_pin_save()}
        </button>
      </div>
      <Show when={notice()}>
        {(n) => (
          <p class="notice" classList={{ error: n().error }} role="status">
            {n().text}
          </p>
        )}
      </Show>
    </form>
  );
}
