import { Tabs as KTabs } from '@kobalte/core/tabs';
import { For, type JSX } from 'solid-js';
import './ui.css';

export interface Tab {
  value: string;
  label: string;
  content: () => JSX.Element;
}

/**
 * Panels of one screen switched in place (the POS's categories, the kitchen's stations): arrow
 * keys move between tabs, each tab a 44 px target, the row scrolls sideways on a phone.
 */
export function Tabs(props: {
  label: string;
  tabs: readonly Tab[];
  value?: string | undefined;
  onChange?: (value: string) => void;
}) {
  return (
    <KTabs value={props.value} onChange={props.onChange}>
      <KTabs.List class="tabs-list" aria-label={props.label}>
        <For each={props.tabs}>
          {(tab) => (
            <KTabs.Trigger class="tabs-trigger" value={tab.value}>
              {tab.label}
            </KTabs.Trigger>
          )}
        </For>
      </KTabs.List>
      <For each={props.tabs}>{(tab) => <KTabs.Content value={tab.value}>{tab.content()}</KTabs.Content>}</For>
    </KTabs>
  );
}
