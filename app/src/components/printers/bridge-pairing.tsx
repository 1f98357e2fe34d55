import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { PairingCodeForm } from '#components/printers/pairing-code-form.tsx';
import { confirmAction } from '#components/ui/confirm.tsx';
import { isConnectionFailure, useOnline } from '#components/ui/needs-connection.tsx';
import { formatDateTime, formatTime } from '#lib/format/datetime.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import {
  bridgeKeys,
  bridgesQueryOptions,
  createPairing,
  type NewPairing,
  pairCommand,
  removeBridge,
  revokePairing,
} from '#lib/printers/bridges.ts';
import { describePrintersFailure } from '#lib/printers/errors.ts';
import { invalidate } from '#lib/query.ts';
import * as m from '#paraglide/messages.js';
import './printer-queue.css';

// The admin reads times on its own device, in its own zone.
const zone = () => ({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: currentLocale() });

/**
 * The printers page's print bridges: the paired ones (removing one unpairs it: it stops), the codes
 * waiting, and a new one-time code with the command to type on the store PC.
 */
export function BridgePairing(props: { restaurantId: string }) {
  const bridges = useQuery(() => bridgesQueryOptions(props.restaurantId));
  const refresh = () => invalidate(bridgeKeys.bridges(props.restaurantId));
  const [label, setLabel] = createSignal('');
  const [created, setCreated] = createSignal<NewPairing | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = useOnline();
  const [notice, setNotice] = createSignal<{ text: string; error: boolean } | null>(null);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await createPairing(props.restaurantId, label());
    setBusy(false);
    if (result.ok) {
      setCreated(result.data);
      setNotice(null);
      setLabel('');
    } else if (!isConnectionFailure(result.failure))
      setNotice({ text: describePrintersFailure(result.failure), error: true });
    await refresh();
  };
  const revoke = async (id: string) => {
    const result = await revokePairing(id);
    if (!result.ok) setNotice({ text: describePrintersFailure(result.failure), error: true });
    if (created()?.id === id) setCreated(null);
    await refresh();
  };
  const remove = async (userId: string, name: string) => {
    const ok = await confirmAction({
      title: m.admin_printers_bridge_remove_confirm({ name }),
      confirmText: m.common_delete(),
      tone: 'danger',
    });
    if (!ok) return;
    const result = await removeBridge(props.restaurantId, userId);
    setNotice(
      result.ok
        ? { text: m.admin_printers_bridge_removed(), error: false }
        : { text: describePrintersFailure(result.failure), error: true },
    );
    await refresh();
  };

  return (
    <section class="stack" aria-labelledby="bridges-title">
      <h2 id="bridges-title">{m.admin_printers_bridges_title()}</h2>
      <p class="field-hint">{m.admin_printers_bridges_intro()}</p>
      <Show
        when={bridges.data}
        fallback={<p class="loading">{bridges.isError ? m.common_load_failed() : m.common_loading()}</p>}
      >
        {(data) => (
          <>
            <Show
              when={data().bridges.length > 0}
              fallback={<p class="notice subtle">{m.admin_printers_bridges_empty()}</p>}
            >
              <ul class="printer-failed" aria-label={m.admin_printers_bridges_title()}>
                <For each={data().bridges}>
                  {(bridge) => {
                    const name = () => bridge.display_name ?? m.admin_printers_bridges_title();
                    return (
                      <li class="printer-failed-job">
                        <span>
                          <strong>{name()}</strong> ·{' '}
                          {m.admin_printers_bridge_paired_at({ time: formatDateTime(bridge.created_at, zone()) })}
                        </span>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={m.admin_printers_bridge_remove_named({ name: name() })}
                          onClick={() => void remove(bridge.user_id, name())}
                        >
                          {m.common_delete()}
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <For each={data().pending.filter((p) => p.id !== created()?.id)}>
              {(pairing) => (
                <p class="printer-queue-line">
                  <span>
                    {m.admin_printers_pair_pending({
                      label: pairing.label,
                      time: formatTime(pairing.expires_at, zone()),
                    })}
                  </span>
                  <button type="button" class="secondary" onClick={() => void revoke(pairing.id)}>
                    {m.admin_printers_pair_revoke()}
                  </button>
                </p>
              )}
            </For>
          </>
        )}
      </Show>
      <Show when={created()}>
        {(pairing) => (
          <div class="notice" role="status">
            <p>
              {m.admin_printers_pair_code({ label: pairing().label })}:{' '}
              <strong class="pairing-code">{pairing().code}</strong>
            </p>
            <p>{m.admin_printers_pair_instructions({ time: formatTime(pairing().expires_at, zone()) })}</p>
            <pre class="pairing-command">{pairCommand(pairing().code)}</pre>
            <button type="button" class="secondary" onClick={() => void revoke(pairing().id)}>
              {m.admin_printers_pair_revoke()}
            </button>
          </div>
        )}
      </Show>
      <PairingCodeForm
        idPrefix="pairing"
        labelText={m.admin_printers_pair_label()}
        placeholder={m.admin_printers_pair_label_hint()}
        submitText={m.admin_printers_pair_create()}
        label={label}
        onLabel={setLabel}
        onSubmit={(e) => void create(e)}
        disabled={busy() || !online()}
        notice={notice}
      />
    </section>
  );
}
