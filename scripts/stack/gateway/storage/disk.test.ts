import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mustBeValidBucketName, mustBeValidKey, ObjectDisk } from './disk.ts';
import { mustBeAllowedMimeType, mustNotBeActiveContent, parseFileSizeLimit } from './upload-body.ts';

describe('object keys', () => {
  it('accepts ordinary nested keys', () => {
    for (const key of ['a.png', 'uid/menu/burger (1).jpg', "x/it's ok!.txt", 'a/.emptyFolderPlaceholder']) {
      expect(() => mustBeValidKey(key)).not.toThrow();
    }
  });

  it('refuses every way out of the bucket folder', () => {
    for (const key of ['', '../x', 'a/../../x', 'a/./b', '/etc/passwd', 'a//b', 'a/', 'a\\..\\b', 'a\0b', 'ü.png']) {
      expect(() => mustBeValidKey(key), key).toThrow(/Invalid key/);
    }
  });

  it('refuses bucket names that are path segments of their own', () => {
    for (const name of ['.', '..', 'a/b', ' a', '']) expect(() => mustBeValidBucketName(name), name).toThrow();
    expect(() => mustBeValidBucketName('menu-images')).not.toThrow();
  });
});

describe('ObjectDisk', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('keeps versions side by side and prunes empty folders on removal', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'disk-test-'));
    dirs.push(root);
    const disk = new ObjectDisk(root);
    await disk.write('b', 'u/a.txt', '11111111-1111-1111-1111-111111111111', new TextEncoder().encode('one'));
    await disk.write('b', 'u/a.txt', '22222222-2222-2222-2222-222222222222', new TextEncoder().encode('two'));
    await disk.keepOnly('b', 'u/a.txt', '22222222-2222-2222-2222-222222222222');
    expect(await readdir(path.join(root, 'b/u/a.txt'))).toEqual(['22222222-2222-2222-2222-222222222222']);
    expect(await readFile(disk.versionPath('b', 'u/a.txt', '22222222-2222-2222-2222-222222222222'), 'utf8')).toBe(
      'two',
    );
    await disk.remove('b', 'u/a.txt', '22222222-2222-2222-2222-222222222222');
    // The bucket folder stays; everything below it that held only this object is gone.
    expect(await readdir(path.join(root, 'b'))).toEqual([]);
  });

  it('never resolves a path outside its root', () => {
    const disk = new ObjectDisk('/srv/storage');
    expect(() => disk.versionPath('..', 'x', null)).toThrow();
    expect(() => disk.versionPath('b', '../../etc/passwd', null)).toThrow();
    expect(() => disk.versionPath('b', 'x', '../../y')).toThrow();
  });
});

describe('upload checks', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

  it('matches wildcards and ignores parameters', () => {
    expect(() => mustBeAllowedMimeType('image/png', ['image/*'])).not.toThrow();
    expect(() => mustBeAllowedMimeType('text/plain;charset=UTF-8', ['text/plain'])).not.toThrow();
    expect(() => mustBeAllowedMimeType('text/plain', ['image/*'])).toThrow(/not supported/);
    expect(() => mustBeAllowedMimeType('nonsense', ['image/*'])).toThrow(/not supported/);
  });

  it('refuses only content that would run inline: HTML, SVG with script', () => {
    const text = (t: string) => new TextEncoder().encode(t);
    // What hosted accepts, we accept: the declared type is the uploader's business.
    expect(() => mustNotBeActiveContent('image/jpeg', png)).not.toThrow();
    expect(() => mustNotBeActiveContent('image/png', text('not really a png'))).not.toThrow();
    expect(() => mustNotBeActiveContent('image/svg+xml', text('<svg><circle r="4"/></svg>'))).not.toThrow();
    expect(() => mustNotBeActiveContent('text/plain', text('a < b and <b>bold</b>'))).not.toThrow();
    expect(() => mustNotBeActiveContent('image/png', text('\n<!DOCTYPE html><p>hi'))).toThrow(/the file is HTML/);
    expect(() => mustNotBeActiveContent('text/html', text('hello'))).toThrow(/the file is HTML/);
    expect(() => mustNotBeActiveContent('image/svg+xml', text('<svg onload="alert(1)"/>'))).toThrow(/SVG with script/);
    const svg = text('<?xml version="1.0"?>\n<svg><script>alert(1)</script></svg>');
    expect(() => mustNotBeActiveContent('application/octet-stream', svg)).toThrow(/SVG with script/);
  });

  it('parses bucket size limits like hosted', () => {
    expect(parseFileSizeLimit('5MB')).toBe(5_000_000);
    expect(parseFileSizeLimit(1024)).toBe(1024);
    expect(parseFileSizeLimit(null)).toBeNull();
    expect(() => parseFileSizeLimit('5 parsecs')).toThrow(/Invalid file size/);
    expect(() => parseFileSizeLimit('1GB')).toThrow(/exceeded/);
  });
});
