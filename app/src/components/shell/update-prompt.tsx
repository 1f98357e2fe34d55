import { useRegisterSW } from 'virtual:pwa-register/solid';
import { createEffect, Show } from 'solid-js';
import { customerFacing } from '#lib/kiosk/customer-facing.ts';
import * as m from '#paraglide/messages.js';

/**
 * The service worker's news: the app now works offline, or a new version waits. Updating is the
 * user's call, never automatic, so nobody loses the order on screen to a reload.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  // The customers' board is a TV nobody taps, with nothing to lose: it takes a new version by
  // itself and never shows the prompts.
  const unattended = () => location.pathname.startsWith('/board/');
  createEffect(() => {
    if (unattended() && needRefresh()) void updateServiceWorker(true);
  });
  // A kiosk's customer never sees staff news. "Ready offline" is moot by the time staff look again;
  // a new version waits for the kiosk's paused (staff) screen, where reloading loses no order.
  createEffect(() => {
    if (customerFacing() && offlineReady()) setOfflineReady(false);
  });

  return (
    <Show when={!unattended() && !customerFacing() && (needRefresh() || offlineReady())}>
      <div class="toast" role="status" aria-live="polite">
        <Show
          when={needRefresh()}
          fallback={
            <>
              <p>{m.offline_ready()}</p>
              <button type="button" class="secondary" onClick={() => setOfflineReady(false)}>
                {m.common_dismiss()}
              </button>
            </>
          }
        >
          <p>{m.update_available()}</p>
          <div class="actions">
            <button type="button" onClick={() => void updateServiceWorker(true)}>
              {m.update_reload()}
            </button>
            <button type="button" class="secondary" onClick={() => setNeedRefresh(false)}>
              {m.update_later()}
            </button>
          </div>
        </Show>
      </div>
    </Show>
  );
}
