import { VitePWA } from 'vite-plugin-pwa';
import { supabasePath } from '../scripts/lan/proxy.ts';

/**
 * The installable shell: every built asset is precached so staff screens open with no network, and
 * a new version waits for the user's consent (registerType "prompt") because reloading a POS in the
 * middle of an order would lose what is on screen.
 */
export function pwaPlugin() {
  return VitePWA({
    registerType: 'prompt',
    // main.tsx registers through virtual:pwa-register/solid to drive the update prompt.
    injectRegister: false,
    includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon-180.png'],
    manifest: {
      id: '/',
      name: 'Comanda',
      short_name: 'Comanda',
      description: 'Point of sale, kitchen display and guest ordering for small restaurants.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      background_color: '#ffffff',
      theme_color: '#0f766e',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      // Client-side routes all resolve to the shell, offline included.
      navigateFallback: '/index.html',
      // Except the Supabase paths, which `npm start -- --lan` serves on the app's own origin: the link
      // in an auth email (/auth/v1/verify…) must reach the server, not the shell.
      // The guests' pages (/t/<token>) are their own entry, guest.html: never the staff shell.
      navigateFallbackDenylist: [supabasePath, /^\/t\//],
      cleanupOutdatedCaches: true,
      // The first install takes the open page at once, so photos and QR codes it shows get cached.
      // Updates still wait for the prompt: a waiting worker only activates when the user agrees.
      clientsClaim: true,
      // The API is on another origin, so Workbox only matches these patterns from the URL's start.
      runtimeCaching: [
        {
          // Menu photos, as stored or rendered to a screen's box (the kiosk's): a new upload gets a new
          // object name, so a cached one never goes stale.
          urlPattern: /^https?:\/\/[^/]+\/storage\/v1\/(object|render\/image)\/public\/menu-images\//,
          handler: 'CacheFirst',
          options: {
            cacheName: 'menu-images',
            // <img> fetches cross-origin without CORS: the responses are opaque (status 0).
            cacheableResponse: { statuses: [0, 200] },
            expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 30, purgeOnQuotaError: true },
          },
        },
        {
          // Table QR codes: the URL holds the token, so a rotated token is a new URL; refreshed when online.
          urlPattern: /^https?:\/\/[^/]+\/functions\/v1\/table-qr\?/,
          handler: 'StaleWhileRevalidate',
          options: {
            cacheName: 'table-qr',
            cacheableResponse: { statuses: [0, 200] },
            expiration: { maxEntries: 200, maxAgeSeconds: 60 * 60 * 24 * 30, purgeOnQuotaError: true },
          },
        },
      ],
    },
  });
}
