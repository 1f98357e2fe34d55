import { For, Match, Switch } from 'solid-js';
import { subscribeTopic } from '#lib/realtime/client.ts';
import { type DevicePresence, parseDevicePresence } from '#lib/realtime/device.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import * as m from '#paraglide/messages.js';

/** The POS and kitchen screens open now, from presence on the restaurant's orders topic. */
export function DevicesOnline(props: { restaurantId: string }) {
  const topic = subscribeTopic(`restaurant:${props.restaurantId}:orders`, {});
  const devices = () => {
    const seen = new Map<string, DevicePresence>();
    for (const entry of topic.presence()) {
      const device = parseDevicePresence(entry.meta);
      if (device && !seen.has(entry.key)) seen.set(entry.key, device);
    }
    return [...seen.values()].sort((a, b) => a.screen.localeCompare(b.screen) || a.device.localeCompare(b.device));
  };
  return (
    <section class="devices-online" aria-labelledby="devices-online-title">
      <h2 id="devices-online-title">{m.presence_title()}</h2>
      <Switch>
        <Match when={topic.status() === 'down'}>
          <p class="notice subtle">{m.presence_unavailable()}</p>
        </Match>
        <Match when={devices().length === 0}>
          <p>{m.presence_none()}</p>
        </Match>
        <Match when>
          <ul>
            <For each={devices()}>
              {(device) => (
                <li>
                  <strong>{device.device}</strong> ·{' '}
                  {device.screen === 'kitchen' ? m.presence_kitchen() : m.presence_pos()} ·{' '}
                  {roleLabel(device.role as MemberRole)}
                  {device.station ? ` · ${m.presence_station({ station: device.station })}` : ''}
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}
