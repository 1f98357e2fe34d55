import { For, Show } from 'solid-js';
import './ui.css';

export interface RadioOption<Value extends string> {
  value: Value;
  label: string;
  /** A sentence under the label saying what choosing it does. */
  description?: string;
}

export interface RadioFieldProps<Value extends string> {
  name: string;
  legend: string;
  options: readonly RadioOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
}

/** A fieldset of radio buttons: each one is a labelled, 44 px tall target. */
export function RadioField<Value extends string>(props: RadioFieldProps<Value>) {
  return (
    <fieldset class="radio-field">
      <legend>{props.legend}</legend>
      <For each={props.options}>
        {(option) => {
          const id = `${props.name}-${option.value}`;
          return (
            <div class="radio-option">
              <input
                type="radio"
                id={id}
                name={props.name}
                value={option.value}
                checked={props.value === option.value}
                aria-describedby={option.description ? `${id}-description` : undefined}
                onChange={() => props.onChange(option.value)}
              />
              <div>
                <label for={id}>{option.label}</label>
                <Show when={option.description}>
                  <p id={`${id}-description`} class="field-hint">
                    {option.description}
                  </p>
                </Show>
              </div>
            </div>
          );
        }}
      </For>
    </fieldset>
  );
}
