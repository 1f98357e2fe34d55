import { For } from 'solid-js';
import { changeLocale, currentLocale, localeNames, locales } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';

/** The screen a passer-by sees: the restaurant, one big "touch to order", the languages by name. */
export function AttractScreen(props: { name: string; onStart: () => void; onStaff: () => void }) {
  return (
    <main id="main" class="kiosk-page kiosk-attract">
      <h1 class="kiosk-attract-name">{props.name}</h1>
      <button type="button" class="kiosk-touch" onClick={() => props.onStart()}>
        {m.kiosk_touch_to_order()}
      </button>
      <fieldset class="kiosk-languages">
        <legend>{m.kiosk_choose_language()}</legend>
        <For each={locales}>
          {(locale) => (
            <button
              type="button"
              class="kiosk-button"
              lang={locale}
              aria-pressed={currentLocale() === locale}
              onClick={() => changeLocale(locale)}
            >
              {localeNames[locale]}
            </button>
          )}
        </For>
      </fieldset>
      <button type="button" class="kiosk-staff" onClick={() => props.onStaff()}>
        {m.kiosk_staff()}
      </button>
    </main>
  );
}
