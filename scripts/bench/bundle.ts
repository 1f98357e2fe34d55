/**
 * The PWA's download cost per surface: a production build (with Vite's manifest) into a temporary
 * folder, then, for each surface, the JavaScript a browser must fetch before that surface works —
 * the entry's static imports plus the surface's lazy route chunks and their static imports — gzipped.
 * Sizes, not timings: a build is deterministic, so this is the number the budget is judged on.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { binDir, repoRoot } from '../stack/paths.ts';

/** Issue 5: the admin's initial JS must stay within 120 kB gzip. */
export const ADMIN_BUDGET_GZIP_BYTES = 120_000;

/** A surface is the shell plus the lazy route chunks whose source matches. */
const surfaces: { name: string; routes: RegExp; budgetBytes?: number }[] = [
  { name: 'sign-in / onboarding', routes: /^src\/routes\/(sign-in|sign-up|onboarding|join)[./]/ },
  { name: 'admin', routes: /^src\/routes\/admin[./]/, budgetBytes: ADMIN_BUDGET_GZIP_BYTES },
];

/** One record of Vite's build manifest (.vite/manifest.json), keyed by source path relative to app/. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface SurfaceCost {
  name: string;
  /** Lazy route chunks counted besides the shell (their source paths). */
  routes: string[];
  jsFiles: number;
  jsBytes: number;
  gzipBytes: number;
  budgetBytes?: number;
}

export interface BundleReport {
  shell: SurfaceCost;
  surfaces: SurfaceCost[];
  largestLazyChunk: { source: string; file: string; gzipBytes: number } | null;
}

export async function benchBundle(): Promise<BundleReport> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'comanda-bench-bundle-'));
  try {
    await buildWithManifest(outDir);
    const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const report = await measure(manifest, outDir);
    printBundleTable(report);
    return report;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function measure(manifest: Manifest, outDir: string): Promise<BundleReport> {
  const gzipCache = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = async (file: string) => {
    let size = gzipCache.get(file);
    if (!size) {
      const bytes = await readFile(path.join(outDir, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      gzipCache.set(file, size);
    }
    return size;
  };
  const cost = async (name: string, roots: string[], routes: string[], budgetBytes?: number): Promise<SurfaceCost> => {
    const files = [...staticClosure(manifest, roots)]
      .map((key) => manifest[key]?.file)
      .filter((file): file is string => file?.endsWith('.js') === true);
    let jsBytes = 0;
    let gzipBytes = 0;
    for (const file of new Set(files)) {
      const size = await sizeOf(file);
      jsBytes += size.raw;
      gzipBytes += size.gzip;
    }
    return { name, routes, jsFiles: new Set(files).size, jsBytes, gzipBytes, ...(budgetBytes ? { budgetBytes } : {}) };
  };

  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('the build manifest has no entry chunk');
  const shellKeys = staticClosure(manifest, [entryKey]);

  const surfaceCosts: SurfaceCost[] = [];
  for (const surface of surfaces) {
    const routes = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry && surface.routes.test(key));
    surfaceCosts.push(await cost(surface.name, [entryKey, ...routes], routes, surface.budgetBytes));
  }

  // A lazy chunk is anything the shell does not load up front.
  let largestLazyChunk: BundleReport['largestLazyChunk'] = null;
  for (const [key, chunk] of Object.entries(manifest)) {
    if (shellKeys.has(key) || !chunk.file.endsWith('.js')) continue;
    const { gzip } = await sizeOf(chunk.file);
    if (!largestLazyChunk || gzip > largestLazyChunk.gzipBytes) {
      largestLazyChunk = { source: chunk.src ?? key, file: chunk.file, gzipBytes: gzip };
    }
  }

  return { shell: await cost('shell (entry only)', [entryKey], []), surfaces: surfaceCosts, largestLazyChunk };
}

/** Manifest keys reachable from `roots` through static imports (what loads before the code runs). */
function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

export function printBundleTable(report: BundleReport): void {
  console.log('\n## PWA bundle: initial JS per surface (production build, gzip -9, 1 kB = 1000 bytes)\n');
  console.log('| surface | route chunks | JS files | JS kB | JS gzip kB | budget gzip kB | within budget |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const s of [report.shell, ...report.surfaces]) {
    const budget = s.budgetBytes === undefined ? '—' : kB(s.budgetBytes);
    const within = s.budgetBytes === undefined ? '—' : s.gzipBytes <= s.budgetBytes ? 'yes' : '**NO**';
    const routes = s.name.startsWith('shell') ? '—' : s.routes.length === 0 ? '0 (none built yet)' : s.routes.length;
    console.log(
      `| ${s.name} | ${routes} | ${s.jsFiles} | ${kB(s.jsBytes)} | ${kB(s.gzipBytes)} | ${budget} | ${within} |`,
    );
  }
  const lazy = report.largestLazyChunk;
  console.log(
    lazy ? `\nLargest lazy chunk: ${lazy.source} (${lazy.file}), ${kB(lazy.gzipBytes)} kB gzip.` : '\nNo lazy chunks.',
  );
}

/** The build reads compiled messages from app/src/paraglide, as `npm run build` compiles them first. */
async function buildWithManifest(outDir: string): Promise<void> {
  await runTsx(['app/tools/compile-messages.ts']);
  const { build } = await import('vite');
  await build({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

async function runTsx(args: string[]): Promise<void> {
  const child = spawn(path.join(binDir, 'tsx'), args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`tsx ${args.join(' ')} exited with ${code}`);
}

// `tsx scripts/bench/bundle.ts` runs just this benchmark, without a stack.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchBundle();
}
