import { NumberField as KNumberField } from '@kobalte/core/number-field';
import { Show } from 'solid-js';
import * as m from '#paraglide/messages.js';
import './ui.css';

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  minValue?: number;
  maxValue?: number;
  step?: number;
  hint?: string | undefined;
  error?: string | null | undefined;
  name?: string;
}

/**
 * A whole or decimal number with − and + buttons big enough for a thumb (quantities, covers,
 * seats); typing works too, in the user's number format. Arrow keys step; the bounds are enforced.
 */
export function NumberField(props: NumberFieldProps) {
  return (
    <KNumberField
      class="field"
      rawValue={props.value}
      onRawValueChange={(value) => !Number.isNaN(value) && props.onChange(value)}
      minValue={props.minValue}
      maxValue={props.maxValue}
      step={props.step ?? 1}
      validationState={props.error ? 'invalid' : 'valid'}
      name={props.name}
    >
      <KNumberField.Label>{props.label}</KNumberField.Label>
      <div class="number-field-control">
        <KNumberField.DecrementTrigger class="secondary" aria-label={m.common_decrease()}>
          −
        </KNumberField.DecrementTrigger>
        <KNumberField.Input inputMode="decimal" />
        <KNumberField.IncrementTrigger class="secondary" aria-label={m.common_increase()}>
          +
        </KNumberField.IncrementTrigger>
      </div>
      <Show when={props.hint}>
        <KNumberField.Description class="field-hint">{props.hint}</KNumberField.Description>
      </Show>
      <KNumberField.ErrorMessage class="field-error">{props.error}</KNumberField.ErrorMessage>
    </KNumberField>
  );
}
