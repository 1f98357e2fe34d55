import { For, type JSX, Show, splitProps } from 'solid-js';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  id: string;
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** Shown first with an empty value, for "nothing chosen yet". */
  placeholder?: string;
  error?: string | null | undefined;
  hint?: string | undefined;
}

/** A labelled <select> whose hint and error are tied to it, like Field for inputs. */
export function SelectField(props: SelectFieldProps) {
  const [own, select] = splitProps(props, [
    'id',
    'label',
    'options',
    'value',
    'onChange',
    'placeholder',
    'error',
    'hint',
  ]);
  const describedBy = () =>
    [own.hint ? `${own.id}-hint` : null, own.error ? `${own.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <select
        {...select}
        id={own.id}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        onChange={(e) => own.onChange(e.currentTarget.value)}
      >
        <Show when={own.placeholder !== undefined}>
          <option value="" selected={own.value === ''}>
            {own.placeholder}
          </option>
        </Show>
        <For each={own.options}>
          {(option) => (
            <option value={option.value} selected={option.value === own.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <Show when={own.hint}>
        <p id={`${own.id}-hint`} class="field-hint">
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p id={`${own.id}-error`} class="field-error">
          {own.error}
        </p>
      </Show>
    </div>
  );
}
