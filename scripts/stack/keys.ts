/**
 * The Supabase CLI's well-known local secrets and the API keys derived from them, so that tools which
 * know the CLI defaults (and copy-pasted tutorials) work against this stack too. They are public
 * knowledge: never use them on hosted Supabase.
 */
export const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

// HS256 JWTs signed with JWT_SECRET: {"iss":"supabase-demo","role":"anon"|"service_role","exp":1983812996}
export const ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

// Opaque keys of the new format: the gateway translates them to the JWTs above.
export const PUBLISHABLE_KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

export const DEFAULT_PORTS = { api: 54321, db: 54322, inbox: 54324, smtp: 54325, app: 5173 } as const;

/** Passwords of the local database roles; local only, like the CLI's. */
export const DB_PASSWORD = 'postgres';
