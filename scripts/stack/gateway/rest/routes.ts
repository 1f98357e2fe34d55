import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import pg from 'pg';
import { parse as parseToml } from 'smol-toml';
import type { GatewayConfig } from '../config.ts';
import { guardPool } from '../db-errors.ts';
import { projectJwtKeys } from '../jwt.ts';
import type { GatewayPart } from '../part.ts';
import { handleRest, type RestSettings } from './handler.ts';
import { SchemaState } from './schema/schema-state.ts';

/** `[api]` of config.toml with the CLI's defaults: exposed schemas, extra search path, max rows. */
function apiSettings(cfg: GatewayConfig): Omit<RestSettings, 'jwtSecret' | 'keys'> {
  let api: { schemas?: unknown; extra_search_path?: unknown; max_rows?: unknown } = {};
  try {
    const toml = parseToml(readFileSync(path.join(cfg.supabaseDir, 'config.toml'), 'utf8')) as { api?: typeof api };
    api = toml.api ?? {};
  } catch {
    // No config.toml: the CLI's defaults below.
  }
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : d);
  return {
    schemas: strings(api.schemas, []).length ? strings(api.schemas, []) : ['public', 'graphql_public'],
    extraSearchPath: strings(api.extra_search_path, ['public', 'extensions']),
    maxRows: typeof api.max_rows === 'number' && api.max_rows > 0 ? api.max_rows : 1000,
  };
}

/**
 * `/rest/v1`: PostgREST v14 semantics in-process. Connects as `authenticator` and switches to the
 * request's role inside one transaction per request; the schema cache follows `NOTIFY pgrst`.
 */
export function restPart(cfg: GatewayConfig): GatewayPart {
  const settings: RestSettings = { ...apiSettings(cfg), jwtSecret: projectJwtKeys(cfg), keys: cfg.keys };
  // pipeline: node-postgres sends a request's statements without waiting for each answer (see
  // transaction.ts); the option is passed through to every pooled Client.
  const pool = new pg.Pool({
    connectionString: cfg.db.authenticator,
    max: 10,
    idleTimeoutMillis: 30_000,
    ...({ pipeline: true } as object),
  });
  guardPool(pool, cfg.log, 'rest');
  // Every exposed schema has its cache; Accept-Profile / Content-Profile pick one (first by default).
  const schema = new SchemaState(pool, cfg.db.authenticator, settings.schemas, cfg.log);
  const routes = new Hono();
  routes.all('*', (c) => handleRest({ pool, schema, settings, log: cfg.log }, c.req.raw));
  return {
    routes,
    ready: () => schema.start(),
    close: async () => {
      await schema.close();
      await pool.end();
    },
  };
}
