import { createRoot, createSignal } from 'solid-js';
import { getLocale, isLocale, type Locale, locales, overwriteGetLocale, setLocale } from '#paraglide/runtime.js';

/** Native names, so each language is recognisable to the people who speak it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  id: 'Bahasa Indonesia',
};

export { type Locale, locales };

/**
 * Makes Paraglide's locale a Solid signal: every `m.key()` call reads `getLocale()`, so switching
 * language re-renders the text in place instead of reloading the page (which would lose an
 * order being typed). The initial value comes from Paraglide's strategy: the saved choice
 * (localStorage), else the browser language, else English.
 */
const [currentLocale, setCurrentLocale] = createRoot(() => createSignal<Locale>(getLocale()));
overwriteGetLocale(() => currentLocale());

export { currentLocale };

export function changeLocale(next: string): void {
  if (!isLocale(next)) return;
  // Paraglide remembers the choice in localStorage; reload: false keeps the app's state.
  setLocale(next, { reload: false });
  setCurrentLocale(next);
  applyDocumentLocale(next);
}

export function applyDocumentLocale(locale: Locale = currentLocale()): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
