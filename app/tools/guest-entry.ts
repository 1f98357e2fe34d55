import type { Connect, Plugin } from 'vite';

/** The guests' pages: `/t/<qr token>` and `/t/<qr token>/orders/<order id>`. */
export const guestPathPattern = /^\/t\/[^/?#]+/;

/**
 * Vite plugin: a page under /t/ gets guest.html (the guests' small entry, app/src/routes/guest/) instead of
 * the staff shell, in the dev server and in `vite preview` (what `npm start -- --prod` and the e2e
 * tests serve). A static host needs the same rewrite (`/t/*` → `/guest.html`); the service worker
 * leaves /t/ to the network (app/pwa.config.ts).
 */
export function guestEntry(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const accept = req.headers.accept ?? '';
    if (req.url && guestPathPattern.test(req.url) && (accept === '' || accept.includes('text/html'))) {
      req.url = '/guest.html';
    }
    next();
  };
  return {
    name: 'comanda:guest-entry',
    // After the PWA plugin, whose manifest link this takes out of guest.html.
    enforce: 'post',
    configureServer: (server) => {
      server.middlewares.use(rewrite);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(rewrite);
    },
    // The PWA plugin links its manifest into every page: a guest's phone must not be offered to
    // install the staff app.
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        context.filename.endsWith('guest.html') ? html.replace(/<link rel="manifest"[^>]*>/g, '') : html,
    },
  };
}
