import { createRoot, createSignal } from 'solid-js';

/** Chromium's install offer (not in TypeScript's DOM types): `prompt()` once, then it is spent. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The browser's offer to install the app, kept when it comes (`beforeinstallprompt`, early in the
 * page's life, so this module loads with the shell) until a person presses Install. Browsers that
 * never offer it (Safari, Firefox) leave it null: no button is shown there.
 */
const state = createRoot(() => {
  const [offer, setOffer] = createSignal<InstallPromptEvent | null>(null);
  if (typeof addEventListener === 'function') {
    addEventListener('beforeinstallprompt', (event) => {
      // Shown as our own button, beside the reason to install, rather than the browser's mini-bar.
      event.preventDefault();
      setOffer(event as InstallPromptEvent);
    });
    addEventListener('appinstalled', () => setOffer(null));
  }
  return { offer, setOffer };
});

/** Whether the browser currently offers installation. */
export const canInstall = () => state.offer() !== null;

/** Shows the browser's install dialog; the offer is spent whatever the person answers. */
export async function install(): Promise<boolean> {
  const offer = state.offer();
  if (!offer) return false;
  state.setOffer(null);
  await offer.prompt();
  return (await offer.userChoice).outcome === 'accepted';
}
