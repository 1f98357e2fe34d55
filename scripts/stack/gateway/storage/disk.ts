import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { errors } from './errors.ts';

// Hosted Storage's whitelist of key characters (S3-safe); anything else is "Invalid key" there too.
const VALID_OBJECT_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;
const VALID_BUCKET_NAME = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]*$/;
const VERSION = /^[0-9a-f-]{1,64}$/i;
/** Bytes of rows that were created without a version (e.g. by SQL): one fixed file name. */
const UNVERSIONED = '_unversioned';

/**
 * Object keys become file paths, so on top of hosted's character whitelist we refuse every way a key
 * could point outside its bucket folder: `.`/`..` and empty segments, absolute paths, backslashes and
 * NUL (the last two are outside the whitelist already; checked anyway, to not depend on it).
 */
export function mustBeValidKey(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 1024) throw errors.invalidKey(String(name ?? ''));
  if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || !VALID_OBJECT_KEY.test(name)) {
    throw errors.invalidKey(name);
  }
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw errors.invalidKey(name);
  }
}

export function mustBeValidBucketName(id: unknown): asserts id is string {
  if (
    typeof id !== 'string' ||
    id.length === 0 ||
    id.length > 100 ||
    id.trim() !== id ||
    id === '.' ||
    id === '..' ||
    !VALID_BUCKET_NAME.test(id)
  ) {
    throw errors.invalidBucketName();
  }
}

/**
 * The bytes of each object live at `<root>/<bucket>/<object key>/<version>`, the layout of the
 * Supabase CLI's file backend: an object `a` and an object `a/b` never collide (a folder holds both a
 * version file and child folders), and an upsert writes a new version beside the old one, so the row
 * only ever points at complete bytes. Every path is resolved and checked to stay under the root.
 */
export class ObjectDisk {
  private readonly root: string;
  private readonly tmpDir: string;

  constructor(storageDir: string) {
    this.root = path.resolve(storageDir);
    this.tmpDir = path.join(this.root, '.tmp');
  }

  private contained(...parts: string[]): string {
    const full = path.resolve(this.root, ...parts);
    if (!full.startsWith(this.root + path.sep)) throw errors.invalidKey(parts.slice(1).join('/'));
    return full;
  }

  bucketDir(bucket: string): string {
    mustBeValidBucketName(bucket);
    return this.contained(bucket);
  }

  objectDir(bucket: string, name: string): string {
    mustBeValidBucketName(bucket);
    mustBeValidKey(name);
    return this.contained(bucket, ...name.split('/'));
  }

  versionPath(bucket: string, name: string, version: string | null): string {
    const file = version ?? UNVERSIONED;
    if (file !== UNVERSIONED && !VERSION.test(file)) throw errors.internal('invalid object version');
    return path.join(this.objectDir(bucket, name), file);
  }

  /** Temp file + rename: a reader never sees half-written bytes. */
  async write(bucket: string, name: string, version: string, bytes: Uint8Array): Promise<void> {
    const target = this.versionPath(bucket, name, version);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, randomUUID());
    try {
      await writeFile(tmp, bytes);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async copy(
    from: { bucket: string; name: string; version: string | null },
    to: { bucket: string; name: string; version: string },
  ) {
    const source = this.versionPath(from.bucket, from.name, from.version);
    const target = this.versionPath(to.bucket, to.name, to.version);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, randomUUID());
    try {
      await copyFile(source, tmp);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async size(bucket: string, name: string, version: string | null): Promise<number | null> {
    try {
      return (await stat(this.versionPath(bucket, name, version))).size;
    } catch {
      return null;
    }
  }

  stream(bucket: string, name: string, version: string | null): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.versionPath(bucket, name, version))) as ReadableStream<Uint8Array>;
  }

  /** Removes one version's bytes and the folders that become empty, up to the bucket folder. */
  async remove(bucket: string, name: string, version: string | null): Promise<void> {
    await rm(this.versionPath(bucket, name, version), { force: true });
    await this.pruneEmptyFolders(bucket, name);
  }

  /** Drops every version file of `name` except `keep` (older versions left by an upsert or a race). */
  async keepOnly(bucket: string, name: string, keep: string | null): Promise<void> {
    const dir = this.objectDir(bucket, name);
    const keepFile = keep ?? UNVERSIONED;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name !== keepFile) await rm(path.join(dir, entry.name), { force: true });
    }
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(this.bucketDir(bucket), { recursive: true, force: true });
  }

  private async pruneEmptyFolders(bucket: string, name: string): Promise<void> {
    const stop = this.bucketDir(bucket);
    let dir = this.objectDir(bucket, name);
    while (dir.startsWith(stop + path.sep)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or gone): folders above are still in use
      }
      dir = path.dirname(dir);
    }
  }
}
