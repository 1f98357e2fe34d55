import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { effectiveBearer } from '../api-keys.ts';
import type { GatewayConfig } from '../config.ts';
import { projectJwtKeys, verifyJwt } from '../jwt.ts';
import type { GatewayPart } from '../part.ts';
import { type FunctionsCatalog, readCatalog } from './catalog.ts';
import { DenoHost, HostStartError } from './deno-host.ts';
import { forward, isRefused } from './proxy.ts';

/** Where the gateway mounts this part; functions see the path after it, as on hosted. */
const FUNCTIONS_PREFIX = '/functions/v1';

const unauthorized = (msg: string) =>
  new Response(JSON.stringify({ msg }), { status: 401, headers: { 'content-type': 'application/json' } });

/**
 * `/functions/v1/<slug>/…` as the CLI's edge-runtime serves it: `verify_jwt` from config.toml
 * (default on), API keys translated to JWTs, then the request streamed to one Deno process that
 * runs every `supabase/functions/<slug>/index.ts`.
 */
export function functionsPart(cfg: GatewayConfig): GatewayPart {
  const host = new DenoHost({
    supabaseDir: cfg.supabaseDir,
    // An inherited DENO_DIR lets throw-away stacks (tests, CI) share one npm download cache.
    denoDir: process.env.DENO_DIR || path.join(cfg.localDir, 'deno'),
    functionEnv: (catalog) => functionEnv(cfg, catalog),
    log: cfg.log,
    ...(cfg.watchChild ? { watchChild: cfg.watchChild } : {}),
    onHealth: (reason) => cfg.health?.set('functions', reason),
  });

  let catalog: Promise<FunctionsCatalog> | null = null;
  const currentCatalog = () => {
    if (!catalog) {
      const reading = readCatalog(cfg.supabaseDir);
      catalog = reading;
      reading.catch(() => {
        if (catalog === reading) catalog = null;
      });
    }
    return catalog;
  };
  // Like `supabase functions serve`: an edited function or config is picked up by the next request.
  const watchers = watchSources(cfg.supabaseDir, () => {
    catalog = null;
    host.restart();
  });

  const routes = new Hono();
  routes.all('*', async (c) => {
    const url = new URL(c.req.url);
    const at = url.pathname.indexOf(FUNCTIONS_PREFIX);
    const fnPath = at >= 0 ? url.pathname.slice(at + FUNCTIONS_PREFIX.length) : url.pathname;
    const slug = fnPath.split('/')[1] ?? '';
    const fns = await currentCatalog();
    const fn = fns.functions.get(slug);
    if (!fn) return c.text('Function not found', 404);

    const authorization = c.req.header('authorization') ?? null;
    const bearer = effectiveBearer({ authorization, apikey: c.req.header('apikey') ?? null }, cfg.keys);
    if (c.req.method !== 'OPTIONS' && fn.verifyJwt) {
      if (!bearer) {
        return unauthorized(
          authorization ? "Error: Auth header is not 'Bearer {token}'" : 'Error: Missing authorization header',
        );
      }
      try {
        await verifyJwt(bearer, projectJwtKeys(cfg));
      } catch {
        return unauthorized('Invalid JWT');
      }
    }

    const headers = new Headers(c.req.raw.headers);
    // Kong hands every upstream the translated bearer, so a publishable-key caller reads as anon.
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);

    try {
      let port = await host.port(fns);
      try {
        return await forward(c.req.raw, port, `${fnPath}${url.search}`, headers);
      } catch (e) {
        if (!isRefused(e)) throw e;
        host.discard(port);
        port = await host.port(fns);
        return await forward(c.req.raw, port, `${fnPath}${url.search}`, headers);
      }
    } catch (e) {
      cfg.log(`functions: ${slug}: ${e instanceof Error ? e.message : e}`);
      if (e instanceof HostStartError) {
        return c.json({ code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' }, 503);
      }
      return c.json({ code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' }, 500);
    }
  });

  return {
    routes,
    ready: async () => {
      // Booting Deno early only saves the first caller a wait; a failure is retried per request.
      try {
        await host.port(await currentCatalog());
      } catch (e) {
        cfg.log(`functions: Deno host not started yet: ${e instanceof Error ? e.message : e}`);
      }
    },
    close: async () => {
      for (const w of watchers) w.close();
      await host.stop();
    },
  };
}

/** What the CLI injects (§5.2 of the contract) over the project's own secrets, which cannot override it. */
function functionEnv(cfg: GatewayConfig, catalog: FunctionsCatalog): Record<string, string> {
  return {
    ...catalog.secrets,
    SUPABASE_URL: cfg.apiUrl,
    SUPABASE_ANON_KEY: cfg.keys.anon,
    SUPABASE_SERVICE_ROLE_KEY: cfg.keys.serviceRole,
    SUPABASE_DB_URL: cfg.db.postgres,
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: cfg.keys.publishable }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: cfg.keys.secret }),
  };
}

function watchSources(supabaseDir: string, onChange: () => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  const tryWatch = (target: string, recursive: boolean, accept: (file: string | null) => boolean) => {
    try {
      const w = watch(target, { recursive, persistent: false }, (_event, file) => {
        if (accept(file)) onChange();
      });
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // No functions folder yet, or a platform without recursive watch: changes need a restart.
    }
  };
  tryWatch(path.join(supabaseDir, 'functions'), true, () => true);
  tryWatch(supabaseDir, false, (file) => file === 'config.toml');
  return watchers;
}
