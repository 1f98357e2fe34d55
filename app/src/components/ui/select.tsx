import { Select as KSelect } from '@kobalte/core/select';
import { Show } from 'solid-js';
import type { FieldChrome } from './field.tsx';
import './ui.css';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A styled list box for choices that need more than text (a table's state, a station's colour) on
 * tablets and desktops. For plain text choices in forms keep `SelectField`: the native <select>
 * opens the phone's own picker, the best control on a 360 px screen.
 */
export function Select(
  props: Omit<FieldChrome, 'id'> & {
    options: readonly SelectOption[];
    value: string | undefined;
    onChange: (value: string) => void;
    placeholder?: string;
  },
) {
  const selected = () => props.options.find((option) => option.value === props.value) ?? null;
  return (
    <KSelect<SelectOption>
      class="field"
      options={[...props.options]}
      optionValue="value"
      optionTextValue="label"
      value={selected()}
      onChange={(option) => option && props.onChange(option.value)}
      placeholder={props.placeholder}
      validationState={props.error ? 'invalid' : 'valid'}
      itemComponent={(item) => (
        <KSelect.Item item={item.item} class="popover-item">
          <KSelect.ItemLabel>{item.item.rawValue.label}</KSelect.ItemLabel>
          <KSelect.ItemIndicator>✓</KSelect.ItemIndicator>
        </KSelect.Item>
      )}
    >
      <KSelect.Label>{props.label}</KSelect.Label>
      <KSelect.Trigger class="button select-trigger">
        <KSelect.Value<SelectOption>>{(state) => state.selectedOption().label}</KSelect.Value>
        <KSelect.Icon aria-hidden="true">▾</KSelect.Icon>
      </KSelect.Trigger>
      <Show when={props.hint}>
        <KSelect.Description class="field-hint">{props.hint}</KSelect.Description>
      </Show>
      <KSelect.ErrorMessage class="field-error">{props.error}</KSelect.ErrorMessage>
      <KSelect.Portal>
        <KSelect.Content class="popover">
          <KSelect.Listbox />
        </KSelect.Content>
      </KSelect.Portal>
    </KSelect>
  );
}
