/**
 * A tablet on the restaurant's Wi-Fi, as `npm start -- --lan` serves it: the app on a LAN-like
 * address (127.0.0.2, a loopback alias Linux routes with no set-up, so CI needs no network) over
 * HTTPS, the API reached through the app server on the same origin. The cook signs in, the kitchen
 * goes live over Realtime through the proxy, the service worker installs (a secure context), and
 * the app reopens signed in with the network gone.
 */
import { describe, expect, it } from 'vitest';
import { useE2eHarness, waitForServiceWorker, withScreenContents } from './browser.ts';
import { reloadOffline } from './journey.ts';
import { signInAsCook } from './kitchen.ts';
import { exactly } from './messages.ts';

const lanHost = '127.0.0.2';
const harness = useE2eHarness({ lanHost });

describe('on the restaurant Wi-Fi', () => {
  it('signs in over HTTPS on the LAN address, goes live through the proxy, installs the service worker and opens offline', async () => {
    const appUrl = new URL(harness().appUrl);
    expect(appUrl.protocol).toBe('https:');
    expect(appUrl.hostname).toBe(lanHost);

    const tablet = await harness().newUser({ viewport: { width: 1024, height: 768 } });
    const { page, context } = tablet;
    // Every request and socket of the page must go to the one origin: nothing mixed, nothing else to type.
    const elsewhere: string[] = [];
    const sockets: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== appUrl.origin) elsewhere.push(request.url());
    });
    page.on('websocket', (socket) => sockets.push(socket.url()));
    try {
      await signInAsCook(tablet);
      await page.getByText(exactly('en', 'connection_live')).waitFor();

      expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.randomUUID])).toEqual([true, 'function']);
      expect(sockets.some((url) => url.startsWith(`wss://${appUrl.host}/realtime/v1/websocket`))).toBe(true);
      expect(elsewhere).toEqual([]);

      await waitForServiceWorker(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(appUrl.href);

      // The service worker serves the signed-in shell with no network at all (what each screen then
      // shows offline is its own journey's business).
      await reloadOffline(tablet);
      await page.getByRole('link', { name: exactly('en', 'sign_out') }).waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${appUrl.origin}/sw.js`);
    } catch (error) {
      throw await withScreenContents(error, { tablet });
    } finally {
      await context.close();
    }
  }, 120_000);
});
