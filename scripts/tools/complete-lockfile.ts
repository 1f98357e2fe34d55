/**
 * Lists other platforms' optional binaries in package-lock.json, so that `npm ci` accepts it.
 *
 * The registry mirror this project is built against serves only Linux x64 glibc builds of packages
 * such as @biomejs/cli-*, @rollup/rollup-*, @deno/* and @supabase/cli-*. npm then leaves the other
 * platforms out of the lockfile, and `npm ci` refuses it ("Missing: … from lock file") on every
 * machine. This adds each missing one with the version its parent pins and the os/cpu/libc its name
 * states, which is all npm needs to skip it here and fetch it on the platform it is for (without an
 * integrity hash, which the mirror cannot give). Run after any `npm install` that rewrites the lockfile:
 *
 *   npm run lockfile:complete
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../stack/paths.ts';

export interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

const operatingSystems: Record<string, string> = {
  darwin: 'darwin',
  linux: 'linux',
  win32: 'win32',
  windows: 'win32',
  android: 'android',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  openharmony: 'openharmony',
  sunos: 'sunos',
  aix: 'aix',
};
const cpus = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 's390x', 'riscv64', 'wasm32', 'mips64el'];

/** The platform a binary package's name states, e.g. `cli-linux-arm64-musl` → linux, arm64, musl. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> | null {
  const parts = (name.split('/').pop() ?? name).split('-');
  const osIndex = parts.findIndex((part) => part in operatingSystems);
  const cpu = parts.find((part, i) => i > osIndex && cpus.includes(part));
  const os = osIndex >= 0 ? operatingSystems[parts[osIndex] as string] : undefined;
  if (!os || !cpu) return null;
  const platform: Pick<LockEntry, 'os' | 'cpu' | 'libc'> = { os: [os], cpu: [cpu] };
  if (os === 'linux') {
    if (parts.some((part) => part.startsWith('musl'))) platform.libc = ['musl'];
    else if (parts.some((part) => part === 'gnu' || part === 'glibc' || part.startsWith('gnueabi')))
      platform.libc = ['glibc'];
  }
  return platform;
}

/** Where Node would look for `name` from the package at `from` (a lockfile key); null if nowhere. */
function resolveFrom(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** Adds the missing optional binaries; returns their lockfile keys. Exact pins only. */
export function completeLockfile(packages: Record<string, LockEntry>): string[] {
  const added: string[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (resolveFrom(packages, key, name)) continue;
      const platform = platformOf(name);
      if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
        throw new Error(`${key} has an optional dependency ${name}@${spec} this script cannot describe`);
      }
      const at = `${key ? `${key}/` : ''}node_modules/${name}`;
      // Hoisted beside its parent, as npm places the platform that is installed.
      const hoisted = key.includes('/node_modules/') ? at : `node_modules/${name}`;
      packages[hoisted] = {
        version: spec,
        ...(platform.cpu ? { cpu: platform.cpu } : {}),
        ...(entry.dev ? { dev: true } : {}),
        ...(platform.libc ? { libc: platform.libc } : {}),
        optional: true,
        ...(platform.os ? { os: platform.os } : {}),
      };
      added.push(hoisted);
    }
  }
  return added;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(repoRoot, 'package-lock.json');
  const lock = JSON.parse(await readFile(file, 'utf8')) as { packages: Record<string, LockEntry> };
  const added = completeLockfile(lock.packages);
  await writeFile(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    added.length === 0
      ? 'package-lock.json already lists every platform.'
      : `Added ${added.length}:\n  ${added.join('\n  ')}`,
  );
}
