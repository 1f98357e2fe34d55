import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../stack/paths.ts';
import { completeLockfile, type LockEntry, platformOf } from './complete-lockfile.ts';

describe('platformOf', () => {
  it.each([
    ['@biomejs/cli-darwin-arm64', { os: ['darwin'], cpu: ['arm64'] }],
    ['@rollup/rollup-linux-arm-musleabihf', { os: ['linux'], cpu: ['arm'], libc: ['musl'] }],
    ['@rollup/rollup-linux-riscv64-gnu', { os: ['linux'], cpu: ['riscv64'], libc: ['glibc'] }],
    ['@deno/linux-arm64-glibc', { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
    ['@supabase/cli-windows-x64', { os: ['win32'], cpu: ['x64'] }],
    ['@rollup/rollup-win32-ia32-msvc', { os: ['win32'], cpu: ['ia32'] }],
    ['@rollup/rollup-android-arm-eabi', { os: ['android'], cpu: ['arm'] }],
  ])('reads %s', (name, platform) => {
    expect(platformOf(name)).toEqual(platform);
  });

  it('says nothing for a name without a platform', () => {
    expect(platformOf('@rollup/rollup-wasm32-wasi')).toBeNull();
    expect(platformOf('localforage')).toBeNull();
  });
});

describe('completeLockfile', () => {
  it('adds a missing optional binary beside its parent, marked for its platform', () => {
    const packages: Record<string, LockEntry> = {
      '': {},
      'node_modules/@biomejs/biome': {
        version: '2.6.8',
        dev: true,
        optionalDependencies: { '@biomejs/cli-linux-x64': '2.6.8', '@biomejs/cli-darwin-arm64': '2.6.8' },
      },
      'node_modules/@biomejs/cli-linux-x64': { version: '2.6.8', dev: true, optional: true },
    };
    expect(completeLockfile(packages)).toEqual(['node_modules/@biomejs/cli-darwin-arm64']);
    expect(packages['node_modules/@biomejs/cli-darwin-arm64']).toEqual({
      version: '2.6.8',
      cpu: ['arm64'],
      dev: true,
      optional: true,
      os: ['darwin'],
    });
  });

  it('refuses a range it cannot pin', () => {
    const packages: Record<string, LockEntry> = {
      'node_modules/tool': { optionalDependencies: { '@tool/darwin-arm64': '^1.0.0' } },
    };
    expect(() => completeLockfile(packages)).toThrow('@tool/darwin-arm64@^1.0.0');
  });

  // `npm ci` refuses a lockfile that misses any of them; `npm run lockfile:complete` fixes it.
  it('finds nothing missing in the committed package-lock.json', () => {
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    expect(completeLockfile(lock.packages)).toEqual([]);
  });
});
