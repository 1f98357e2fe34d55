/** The card's fixed words in the languages the app speaks; the restaurant's locale picks one. */
const SCAN_TO_ORDER = {
  en: 'Scan to order',
  fr: 'Scannez pour commander',
  es: 'Escanea para pedir',
  id: 'Pindai untuk memesan',
} as const;

export type CardLanguage = keyof typeof SCAN_TO_ORDER;

/** `fr-CI` → `fr`; a language the app does not speak → English. */
export function cardLanguage(locale: string | null | undefined): CardLanguage {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return language in SCAN_TO_ORDER ? (language as CardLanguage) : 'en';
}

export const scanToOrder = (locale: string | null | undefined): string => SCAN_TO_ORDER[cardLanguage(locale)];
