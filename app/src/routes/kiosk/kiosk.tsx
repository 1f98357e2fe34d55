import { createSignal, lazy, onCleanup, Show } from 'solid-js';
import { signOutKioskDevice } from '#lib/kiosk/api.ts';
import { forgetPairing, pairing } from '#lib/kiosk/device.ts';
import { clearQueryCache } from '#lib/query.ts';
import { KioskSession } from './session.tsx';
import '../guest/guest.css';
import './kiosk.css';

// Needed once per tablet: not part of a paired kiosk's first download.
const PairingScreen = lazy(() => import('./pairing.tsx').then((module) => ({ default: module.PairingScreen })));

/**
 * `/kiosk`: a store tablet where customers order by themselves (issue 15). Unpaired, it asks for a
 * kiosk pairing code from the admin; paired (remembered across reloads), it is the kiosk until the
 * admin revokes it — then it forgets everything and asks for a code again.
 */
export default function Kiosk() {
  const [revoked, setRevoked] = createSignal(false);
  document.body.classList.add('kiosk-body');
  onCleanup(() => document.body.classList.remove('kiosk-body'));

  const unpair = async (byAdmin: boolean) => {
    forgetPairing();
    setRevoked(byAdmin);
    await signOutKioskDevice();
    await clearQueryCache();
  };

  return (
    <Show
      when={pairing()}
      keyed
      fallback={
        <div class="kiosk-root">
          <PairingScreen revoked={revoked()} onPaired={() => setRevoked(false)} />
        </div>
      }
    >
      {(current) => <KioskSession pairing={current} onUnpaired={(byAdmin) => void unpair(byAdmin)} />}
    </Show>
  );
}
