import { For, Show } from 'solid-js';
import type { StationGap } from '#lib/stations/coverage.ts';
import * as m from '#paraglide/messages.js';
import './stations.css';

/** The stations items use that no active kitchen printer prints, each said in words on amber. */
export function StationGaps(props: { gaps: readonly StationGap[] }) {
  return (
    <Show when={props.gaps.length > 0}>
      <ul class="station-gaps" aria-live="polite">
        <For each={props.gaps}>
          {(gap) => (
            <li class="notice warning" data-station={gap.station}>
              {m.admin_stations_no_printer({ station: gap.station, count: gap.items })}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
