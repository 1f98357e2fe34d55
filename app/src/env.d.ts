/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/solid" />

interface ImportMetaEnv {
  /** An absolute URL, or `same-origin`: the API is proxied on the page's own origin (`npm start -- --lan`). */
  readonly VITE_SUPABASE_URL: string;
  /** Where the app is opened, for table QR codes and links; the page's origin when unset. */
  readonly VITE_SITE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY: string;
  /** Identifies the build so cached reads from an older build are dropped. */
  readonly VITE_APP_BUILD?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
