import { Switch as KSwitch } from '@kobalte/core/switch';
import { Show } from 'solid-js';
import './ui.css';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Overrides the visible label as the accessible name, when rows share it ("Available" — which?). */
  name?: string | undefined;
  description?: string | undefined;
  disabled?: boolean;
}

/**
 * An on/off setting that takes effect at once (an item's availability, guest ordering): a switch
 * role for screen readers, its label and state in words, the whole row a 44 px target.
 */
export function Switch(props: SwitchProps) {
  return (
    <KSwitch class="switch" checked={props.checked} onChange={props.onChange} disabled={props.disabled ?? false}>
      <KSwitch.Input class="switch-input" aria-label={props.name} />
      <KSwitch.Control class="switch-control">
        <KSwitch.Thumb class="switch-thumb" />
      </KSwitch.Control>
      <KSwitch.Label class="switch-label">{props.label}</KSwitch.Label>
      <Show when={props.description}>
        <KSwitch.Description class="field-hint">{props.description}</KSwitch.Description>
      </Show>
    </KSwitch>
  );
}
