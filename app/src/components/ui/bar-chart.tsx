import { For, Show } from 'solid-js';
import './bar-chart.css';

export interface Bar {
  /** Short label under the bar ("14"). */
  label: string;
  value: number;
  /** What a screen reader hears and a tooltip shows ("14:00–15:00: 12 orders, 84 000 F CFA"). */
  description: string;
}

/**
 * A small bar chart drawn in SVG, for figures a person would rather look at than read (sales by
 * hour). The bars are an image with a summary; the same figures are always given as a table
 * beside it (`tableCaption` names it), which is what screen readers and printouts rely on.
 */
export function BarChart(props: { title: string; bars: readonly Bar[]; summary: string }) {
  const width = 640;
  const height = 220;
  const bottom = 24;
  const top = 8;
  const max = () => Math.max(1, ...props.bars.map((bar) => bar.value));
  // A few bars stay bar-shaped (at least eight slots wide), centred.
  const slot = () => width / Math.max(8, props.bars.length);
  const offset = () => (width - slot() * props.bars.length) / 2;
  const barHeight = (value: number) => ((height - bottom - top) * value) / max();
  return (
    <figure class="bar-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${props.title}. ${props.summary}`}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={height - bottom} x2={width} y2={height - bottom} class="bar-chart-axis" />
        <For each={props.bars}>
          {(bar, index) => (
            <g>
              <title>{bar.description}</title>
              <rect
                class="bar-chart-bar"
                x={offset() + index() * slot() + slot() * 0.15}
                y={height - bottom - barHeight(bar.value)}
                width={slot() * 0.7}
                height={barHeight(bar.value)}
                rx="3"
              />
              <text
                class="bar-chart-label"
                x={offset() + index() * slot() + slot() / 2}
                y={height - 6}
                text-anchor="middle"
              >
                {bar.label}
              </text>
            </g>
          )}
        </For>
      </svg>
      <Show when={props.bars.length > 0}>
        <figcaption class="bar-chart-caption">{props.summary}</figcaption>
      </Show>
    </figure>
  );
}
