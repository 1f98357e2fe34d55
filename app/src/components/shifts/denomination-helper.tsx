import { createSignal, For, Show } from 'solid-js';
import { type DenominationCounts, denominationsFor, denominationTotal, parseCount } from '#lib/shifts/denominations.ts';
import * as m from '#paraglide/messages.js';

/**
 * Counting the drawer note by note: how many of each note and coin of the currency, the total
 * as it is typed, and "Use this total" to put it in the amount field. Optional: the amount can be
 * typed directly, and currencies without a list get no helper.
 */
export function DenominationHelper(props: {
  id: string;
  currency: string;
  money: (minor: number) => string;
  onUse: (total: number) => void;
}) {
  const denominations = () => denominationsFor(props.currency);
  const [texts, setTexts] = createSignal<Record<number, string>>({});
  const counts = (): DenominationCounts | null => {
    const result: Record<number, number> = {};
    for (const value of denominations()) {
      const count = parseCount(texts()[value] ?? '');
      if (count === null) return null;
      result[value] = count;
    }
    return result;
  };
  const total = () => {
    const known = counts();
    return known ? denominationTotal(denominations(), known) : null;
  };
  return (
    <Show when={denominations().length > 0}>
      <details class="denominations">
        <summary>{m.drawer_denominations_toggle()}</summary>
        <div class="denominations-grid">
          <For each={denominations()}>
            {(value) => {
              const inputId = `${props.id}-${value}`;
              const invalid = () => parseCount(texts()[value] ?? '') === null;
              return (
                <div class="denomination-row">
                  <label for={inputId}>{m.drawer_denomination_label({ value: props.money(value) })}</label>
                  <input
                    id={inputId}
                    type="text"
                    inputMode="numeric"
                    autocomplete="off"
                    placeholder="0"
                    value={texts()[value] ?? ''}
                    aria-invalid={invalid() ? 'true' : undefined}
                    onInput={(event) => {
                      const text = event.currentTarget.value;
                      setTexts((all) => ({ ...all, [value]: text }));
                    }}
                  />
                </div>
              );
            }}
          </For>
        </div>
        <p class="denominations-total" role="status">
          <Show when={total() !== null} fallback={<span class="field-error">{m.drawer_denominations_invalid()}</span>}>
            {m.drawer_denominations_total({ total: props.money(total() ?? 0) })}
          </Show>
        </p>
        <button
          type="button"
          class="secondary"
          disabled={total() === null}
          onClick={() => {
            const value = total();
            if (value !== null) props.onUse(value);
          }}
        >
          {m.drawer_denominations_use()}
        </button>
      </details>
    </Show>
  );
}
