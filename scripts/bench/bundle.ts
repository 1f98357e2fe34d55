/**
 * The PWA's download cost per surface, from a production build (with Vite's manifest) in a temporary
 * folder, gzipped. A screen's initial JS is what the browser must fetch before that screen renders
 * when it is the first page opened (a bookmark, a reload): the entry's static imports plus the
 * screen's route chunks (its layout's too) and their static imports. Anything fetched later by a
 * dynamic import is a lazy chunk: a screen opened from the menu, the item editor opened on click, or
 * the IndexedDB driver that the outbox and the query cache pull in right after the first paint (listed
 * separately, so nothing downloaded at start is hidden). Sizes, not timings: a build is deterministic.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { binDir, repoRoot } from '../stack/paths.ts';

/** Issue 5: the admin's initial JS must stay within 120 kB gzip, whichever admin screen opens first. */
export const ADMIN_BUDGET_GZIP_BYTES = 120_000;
/** Issue 10: the till and the kitchen display open first on their devices, every shift. */
export const POS_BUDGET_GZIP_BYTES = 110_000;
export const KDS_BUDGET_GZIP_BYTES = 100_000;
/** Issue 13: the guests' menu opens on cheap phones over slow networks, from its own entry. */
export const GUEST_BUDGET_GZIP_BYTES = 70_000;
/** Issue 15: the self-order kiosk's first screen, from the staff shell (it places orders through its outbox). */
export const KIOSK_BUDGET_GZIP_BYTES = 90_000;

/**
 * A surface is a set of screens (route sources relative to app/), each behind its layouts, opened
 * from the staff shell (index.html) unless it has an entry page of its own.
 */
const surfaces: { name: string; entry?: string; layouts: string[]; screens: string[]; budgetBytes?: number }[] = [
  {
    name: 'sign-in / onboarding',
    layouts: [],
    screens: [
      'src/routes/auth/sign-in.tsx',
      'src/routes/auth/sign-up.tsx',
      'src/routes/onboarding/onboarding.tsx',
      'src/routes/onboarding/join.tsx',
    ],
  },
  {
    name: 'admin',
    layouts: ['src/routes/admin/layout.tsx'],
    screens: [
      'src/routes/admin/home.tsx',
      'src/routes/admin/menu/menu.tsx',
      'src/routes/admin/tables/tables.tsx',
      'src/routes/admin/staff/staff.tsx',
      'src/routes/admin/printers/printers.tsx',
      'src/routes/admin/settings/settings.tsx',
      'src/routes/admin/reports/reports.tsx',
    ],
    budgetBytes: ADMIN_BUDGET_GZIP_BYTES,
  },
  {
    name: 'pos',
    layouts: ['src/routes/pos/layout.tsx'],
    screens: [
      'src/routes/pos/order-entry.tsx',
      'src/routes/pos/open-orders.tsx',
      'src/routes/pos/order-detail.tsx',
      'src/routes/pos/checkout.tsx',
      'src/routes/pos/table-bill.tsx',
      'src/routes/pos/drawer.tsx',
      'src/routes/pos/guest-inbox.tsx',
    ],
    budgetBytes: POS_BUDGET_GZIP_BYTES,
  },
  {
    name: 'kitchen',
    layouts: [],
    screens: ['src/routes/kitchen/kitchen.tsx'],
    budgetBytes: KDS_BUDGET_GZIP_BYTES,
  },
  {
    name: 'board',
    layouts: [],
    screens: ['src/routes/board/board.tsx'],
  },
  {
    // /kiosk: a paired tablet; the item sheet and the exit dialog load after the first screen.
    name: 'kiosk',
    layouts: [],
    screens: ['src/routes/kiosk/kiosk.tsx'],
    budgetBytes: KIOSK_BUDGET_GZIP_BYTES,
  },
  {
    // /t/<token>: guest.html and everything it imports before the menu renders.
    name: 'guest',
    entry: 'guest.html',
    layouts: [],
    screens: ['src/routes/guest/main.tsx'],
    budgetBytes: GUEST_BUDGET_GZIP_BYTES,
  },
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

interface Cost {
  jsFiles: number;
  jsBytes: number;
  gzipBytes: number;
}

export interface ScreenCost extends Cost {
  screen: string;
}

export interface SurfaceCost {
  name: string;
  /** Each screen opened first; the first screen is the surface's landing page. */
  screens: ScreenCost[];
  heaviest: ScreenCost;
  budgetBytes?: number;
}

export interface BundleReport {
  shell: Cost;
  /** Chunks the shell itself imports dynamically at start (not screens): fetched after first paint. */
  afterFirstPaint: Cost & { sources: string[] };
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
  const cost = async (keys: Iterable<string>): Promise<Cost> => {
    const files = new Set(
      [...keys].map((key) => manifest[key]?.file).filter((file): file is string => file?.endsWith('.js') === true),
    );
    let jsBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const size = await sizeOf(file);
      jsBytes += size.raw;
      gzipBytes += size.gzip;
    }
    return { jsFiles: files.size, jsBytes, gzipBytes };
  };
  const known = (key: string) => {
    if (!manifest[key]) throw new Error(`the build manifest has no chunk for ${key}; update the surfaces list`);
    return key;
  };

  // The staff shell; other pages (guest.html) are entries of their own surfaces.
  const entryKey = 'index.html';
  if (!manifest[entryKey]?.isEntry) throw new Error('the build manifest has no index.html entry');
  const shellKeys = staticClosure(manifest, [entryKey]);

  const surfaceCosts: SurfaceCost[] = [];
  for (const surface of surfaces) {
    const screens: ScreenCost[] = [];
    for (const screen of surface.screens) {
      const roots = surface.entry ? [known(surface.entry)] : [entryKey, ...surface.layouts.map(known), known(screen)];
      screens.push({ screen, ...(await cost(staticClosure(manifest, roots))) });
    }
    const heaviest = screens.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    surfaceCosts.push({
      name: surface.name,
      screens,
      heaviest,
      ...(surface.budgetBytes ? { budgetBytes: surface.budgetBytes } : {}),
    });
  }

  // What the shell's own code imports dynamically, other than screens: after the first paint (the
  // IndexedDB driver, the update prompt) or when first needed (a dialog, storage for an upload).
  const deferredRoots = [...shellKeys]
    .flatMap((key) => manifest[key]?.dynamicImports ?? [])
    .filter((key) => !key.startsWith('src/routes/'));
  const deferredKeys = [...staticClosure(manifest, deferredRoots)].filter((key) => !shellKeys.has(key));
  const afterFirstPaint = {
    ...(await cost(deferredKeys)),
    sources: deferredRoots.map((key) => manifest[key]?.src ?? key),
  };

  // A lazy chunk is anything the shell does not load up front.
  let largestLazyChunk: BundleReport['largestLazyChunk'] = null;
  for (const [key, chunk] of Object.entries(manifest)) {
    if (shellKeys.has(key) || !chunk.file.endsWith('.js')) continue;
    const { gzip } = await sizeOf(chunk.file);
    if (!largestLazyChunk || gzip > largestLazyChunk.gzipBytes) {
      largestLazyChunk = { source: chunk.src ?? key, file: chunk.file, gzipBytes: gzip };
    }
  }

  return { shell: await cost(shellKeys), afterFirstPaint, surfaces: surfaceCosts, largestLazyChunk };
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
const screenName = (source: string) => source.replace(/^src\/routes\//, '').replace(/\.tsx?$/, '');

export function printBundleTable(report: BundleReport): void {
  console.log('\n## PWA bundle: initial JS per screen opened first (production build, gzip -9, 1 kB = 1000 bytes)\n');
  console.log('| surface | screen | JS files | JS kB | JS gzip kB | budget gzip kB | within budget |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  const row = (surface: string, screen: string, c: Cost, budgetBytes?: number) => {
    const budget = budgetBytes === undefined ? '—' : kB(budgetBytes);
    const within = budgetBytes === undefined ? '—' : c.gzipBytes <= budgetBytes ? 'yes' : '**NO**';
    console.log(
      `| ${surface} | ${screen} | ${c.jsFiles} | ${kB(c.jsBytes)} | ${kB(c.gzipBytes)} | ${budget} | ${within} |`,
    );
  };
  row('shell (entry only)', '—', report.shell);
  for (const s of report.surfaces) {
    for (const screen of s.screens) row(s.name, screenName(screen.screen), screen, s.budgetBytes);
  }
  console.log('');
  for (const s of report.surfaces) {
    const landing = s.screens[0];
    console.log(
      `${s.name}: landing ${landing ? screenName(landing.screen) : '—'} ${landing ? kB(landing.gzipBytes) : '—'} kB, ` +
        `heaviest ${screenName(s.heaviest.screen)} ${kB(s.heaviest.gzipBytes)} kB gzip` +
        (s.budgetBytes === undefined ? '.' : ` (budget ${kB(s.budgetBytes)} kB).`),
    );
  }
  const after = report.afterFirstPaint;
  console.log(
    `Deferred by the shell (after the first paint, or on first use): ${kB(after.gzipBytes)} kB gzip in ${after.jsFiles} files ` +
      `(${after.sources.join(', ') || 'none'}).`,
  );
  const lazy = report.largestLazyChunk;
  console.log(
    lazy ? `Largest lazy chunk: ${lazy.source} (${lazy.file}), ${kB(lazy.gzipBytes)} kB gzip.` : 'No lazy chunks.',
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
