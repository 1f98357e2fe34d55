import { For, type JSX, Show } from 'solid-js';
import * as m from '#paraglide/messages.js';

export interface ReportColumn {
  label: string;
  /** Figures align right so digits line up. */
  numeric?: boolean;
}

/**
 * A captioned table of report figures; scrolls sideways inside itself on a narrow phone rather
 * than squeezing the columns. Cells are already formatted (money, counts).
 */
export function ReportTable(props: {
  caption: string;
  columns: readonly ReportColumn[];
  rows: readonly (readonly JSX.Element[])[];
  /** Shown as the table's last row, bold (totals). */
  footer?: readonly JSX.Element[];
}) {
  return (
    <div class="report-table-wrap">
      <table class="report-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) => (
                <th scope="col" class={column.numeric ? 'numeric' : undefined}>
                  {column.label}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <Show
            when={props.rows.length > 0}
            fallback={
              <tr>
                <td colSpan={props.columns.length} class="report-empty">
                  {m.report_none()}
                </td>
              </tr>
            }
          >
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <For each={row}>
                    {(cell, index) =>
                      index() === 0 ? (
                        <th scope="row">{cell}</th>
                      ) : (
                        <td class={props.columns[index()]?.numeric ? 'numeric' : undefined}>{cell}</td>
                      )
                    }
                  </For>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
        <Show when={props.footer}>
          {(footer) => (
            <tfoot>
              <tr>
                <For each={footer()}>
                  {(cell, index) =>
                    index() === 0 ? (
                      <th scope="row">{cell}</th>
                    ) : (
                      <td class={props.columns[index()]?.numeric ? 'numeric' : undefined}>{cell}</td>
                    )
                  }
                </For>
              </tr>
            </tfoot>
          )}
        </Show>
      </table>
    </div>
  );
}

/** A list of label → figure pairs (a report's summary). */
export function Figures(props: { items: readonly { label: string; value: JSX.Element; strong?: boolean }[] }) {
  return (
    <dl class="report-figures">
      <For each={props.items}>
        {(item) => (
          <div classList={{ strong: item.strong === true }}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
