import { For } from 'solid-js';
import { changeLocale, currentLocale, localeNames, locales } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';

export function LanguagePicker() {
  return (
    <div class="language-picker">
      <label for="language">{m.language_label()}</label>
      <select id="language" value={currentLocale()} onChange={(event) => changeLocale(event.currentTarget.value)}>
        <For each={locales}>
          {(locale) => (
            <option value={locale} lang={locale}>
              {localeNames[locale]}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
