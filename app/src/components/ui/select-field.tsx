import { For, type JSX, Show, splitProps } from 'solid-js';
import { describedBy, type FieldChrome, FieldFrame, fieldChromeKeys, invalid } from '#components/ui/field.tsx';

export interface SelectOption {
  value: string;
  label: string;
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
        <For each={choice.options}>
          {(option) => (
            <option value={option.value} selected={option.value === choice.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </FieldFrame>
  );
}
