import { createMemo, For, type JSX, Show, splitProps } from 'solid-js';
import { describedBy, type FieldChrome, FieldFrame, fieldChromeKeys, invalid } from '#components/ui/field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  /** Consecutive options with the same group are shown under it (an <optgroup>); '' for none. */
  group?: string;
}

/** Options cut into runs of one group, in order. */
export function groupOptions(options: readonly SelectOption[]): { group: string; options: SelectOption[] }[] {
  const runs: { group: string; options: SelectOption[] }[] = [];
  for (const option of options) {
    const group = option.group ?? '';
    const last = runs.at(-1);
    if (last && last.group === group) last.options.push(option);
    else runs.push({ group, options: [option] });
  }
  return runs;
}

export interface SelectFieldProps
  extends FieldChrome,
    Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange'> {
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** Shown first with an empty value, for "nothing chosen yet". */
  placeholder?: string;
}

/** A labelled <select> whose hint and error are tied to it, like Field for inputs. */
export function SelectField(props: SelectFieldProps) {
  const [own, choice, select] = splitProps(props, fieldChromeKeys, ['options', 'value', 'onChange', 'placeholder']);
  const runs = createMemo(() => groupOptions(choice.options));
  const option = (o: SelectOption) => (
    <option value={o.value} selected={o.value === choice.value}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame {...own}>
      <select
        {...select}
        id={own.id}
        aria-invalid={invalid(own)}
        aria-describedby={describedBy(own)}
        onChange={(e) => choice.onChange(e.currentTarget.value)}
      >
        <Show when={choice.placeholder !== undefined}>
          <option value="" selected={choice.value === ''}>
            {choice.placeholder}
          </option>
        </Show>
        <For each={runs()}>
          {(run) => (
            <Show when={run.group !== ''} fallback={<For each={run.options}>{option}</For>}>
              <optgroup label={run.group}>
                <For each={run.options}>{option}</For>
              </optgroup>
            </Show>
          )}
        </For>
      </select>
    </FieldFrame>
  );
}
