import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseToml } from 'smol-toml';

/** Slugs the CLI accepts as function names (also the first path segment it routes by). */
export const FUNCTION_SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface FunctionSpec {
  slug: string;
  /** Absolute path of the module that calls Deno.serve. */
  entrypoint: string;
  verifyJwt: boolean;
  /** Absolute path of the import map (deno.json / import_map.json) this function resolves with. */
  importMap: string | null;
}

/** What `supabase functions serve` would serve, read from config.toml and supabase/functions/. */
export interface FunctionsCatalog {
  functions: Map<string, FunctionSpec>;
  /** `[edge_runtime.secrets]` then supabase/functions/.env, as the CLI layers them. */
  secrets: Record<string, string>;
}

interface DeclaredFunction {
  enabled?: boolean;
  verify_jwt?: boolean;
  import_map?: string;
  entrypoint?: string;
}

interface ProjectConfig {
  functions?: Record<string, DeclaredFunction>;
  edge_runtime?: { secrets?: Record<string, string> };
}

export async function readCatalog(supabaseDir: string): Promise<FunctionsCatalog> {
  const config = await readProjectConfig(supabaseDir);
  const functionsDir = path.join(supabaseDir, 'functions');
  const declared = config.functions ?? {};

  const slugs = new Set(Object.keys(declared).filter((s) => FUNCTION_SLUG.test(s)));
  if (existsSync(functionsDir)) {
    for (const entry of await readdir(functionsDir, { withFileTypes: true })) {
      if (entry.isDirectory() && FUNCTION_SLUG.test(entry.name)) {
        if (existsSync(path.join(functionsDir, entry.name, 'index.ts'))) slugs.add(entry.name);
      }
    }
  }

  const functions = new Map<string, FunctionSpec>();
  for (const slug of [...slugs].sort()) {
    const decl = declared[slug] ?? {};
    if (decl.enabled === false) continue;
    const dir = path.join(functionsDir, slug);
    functions.set(slug, {
      slug,
      // CLI resolves config paths against the supabase/ folder.
      entrypoint: decl.entrypoint ? path.resolve(supabaseDir, decl.entrypoint) : path.join(dir, 'index.ts'),
      verifyJwt: decl.verify_jwt ?? true,
      importMap: decl.import_map ? path.resolve(supabaseDir, decl.import_map) : findImportMap(dir, functionsDir),
    });
  }

  const secrets: Record<string, string> = {};
  for (const [k, v] of Object.entries(config.edge_runtime?.secrets ?? {})) {
    const value = substituteEnv(String(v));
    if (value !== undefined) secrets[k] = value;
  }
  const dotenv = path.join(functionsDir, '.env');
  if (existsSync(dotenv)) Object.assign(secrets, parseDotenv(await readFile(dotenv, 'utf8')));
  return { functions, secrets };
}

async function readProjectConfig(supabaseDir: string): Promise<ProjectConfig> {
  const file = path.join(supabaseDir, 'config.toml');
  if (!existsSync(file)) return {};
  return parseToml(await readFile(file, 'utf8')) as ProjectConfig;
}

// The CLI's precedence after an explicit `import_map`.
function findImportMap(fnDir: string, functionsDir: string): string | null {
  const candidates = [
    path.join(fnDir, 'deno.json'),
    path.join(fnDir, 'deno.jsonc'),
    path.join(fnDir, 'import_map.json'),
    path.join(functionsDir, 'import_map.json'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** config.toml's `env(NAME)` indirection; an unset variable drops the secret, as the CLI does. */
function substituteEnv(value: string): string | undefined {
  const m = /^env\((\w+)\)$/.exec(value.trim());
  return m?.[1] ? process.env[m[1]] : value;
}

export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m?.[1]) continue;
    let value = m[2] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[m[1]] = value;
  }
  return out;
}

/**
 * One process hosts every function but Deno takes a single import map, so each function's map
 * becomes a scope over its own folder. Relative targets are made absolute against the map's file.
 */
export async function mergedImportMap(catalog: FunctionsCatalog): Promise<{
  imports: Record<string, string>;
  scopes: Record<string, Record<string, string>>;
}> {
  const scopes: Record<string, Record<string, string>> = {};
  for (const fn of catalog.functions.values()) {
    if (!fn.importMap) continue;
    const imports = await readImports(fn.importMap);
    if (Object.keys(imports).length === 0) continue;
    const scope = pathToFileURL(path.dirname(fn.entrypoint)).href;
    scopes[scope.endsWith('/') ? scope : `${scope}/`] = imports;
  }
  return { imports: {}, scopes };
}

async function readImports(mapFile: string): Promise<Record<string, string>> {
  let parsed: { imports?: Record<string, string> };
  try {
    parsed = JSON.parse(stripJsonComments(await readFile(mapFile, 'utf8')));
  } catch {
    // A broken map surfaces as the function's boot error (unresolvable imports), not the gateway's.
    return {};
  }
  const base = pathToFileURL(mapFile);
  const out: Record<string, string> = {};
  for (const [key, target] of Object.entries(parsed.imports ?? {})) {
    out[key] = /^\.{0,2}\//.test(target) ? new URL(target, base).href : target;
  }
  return out;
}

// deno.jsonc: enough for whole-line and trailing `//` comments outside strings.
function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '');
}
