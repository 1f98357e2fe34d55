import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keyClient } from '../support/clients.ts';

// storage-js's listV2 (POST /storage/v1/object/list-v2/<bucket>) against hosted Storage's shapes:
// search_v2 for one folder level, the flat query without a delimiter, base64 `l:<name>` cursors.
const stack = inject('stack');
const service = keyClient(stack.apiUrl, stack.serviceRoleKey);
const anon = keyClient(stack.apiUrl, stack.anonKey);
const BUCKET = `listv2-${randomUUID().slice(0, 8)}`;
const NAMES = ['b.txt', 'photos/1.png', 'a.txt', 'photos/deep/3.png', 'zeta/x.txt', 'photos/2.png'];

const UUID = expect.stringMatching(/^[0-9a-f-]{36}$/);
const TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
const folder = (name: string, key: string) => ({
  key,
  name,
  id: null,
  updated_at: null,
  created_at: null,
  last_accessed_at: null,
  metadata: null,
});
const object = (name: string, key?: string) => ({
  ...(key === undefined ? {} : { key }),
  name,
  id: UUID,
  updated_at: TIME,
  created_at: TIME,
  last_accessed_at: TIME,
  metadata: expect.objectContaining({ size: 1, mimetype: 'text/plain', eTag: expect.any(String) }),
});
const cursorFor = (name: string) => Buffer.from(`l:${name}`).toString('base64');

beforeAll(async () => {
  expect((await service.storage.createBucket(BUCKET, { public: false })).error).toBeNull();
  // One at a time: the timestamp sorts below rely on the upload order.
  for (const name of NAMES) {
    expect((await service.storage.from(BUCKET).upload(name, 'x', { contentType: 'text/plain' })).error).toBeNull();
  }
});
afterAll(async () => {
  await service.storage.emptyBucket(BUCKET);
  await service.storage.deleteBucket(BUCKET);
});

describe('storage: listV2', () => {
  const bucket = () => service.storage.from(BUCKET);

  it('lists one level with a delimiter: folders end in "/", names are full paths, key the last segment', async () => {
    expect(await bucket().listV2({ with_delimiter: true })).toEqual({
      data: {
        hasNext: false,
        folders: [folder('photos/', 'photos'), folder('zeta/', 'zeta')],
        objects: [object('a.txt', 'a.txt'), object('b.txt', 'b.txt')],
      },
      error: null,
    });
    expect((await bucket().listV2({ with_delimiter: true, prefix: 'photos/' })).data).toEqual({
      hasNext: false,
      folders: [folder('photos/deep/', 'deep')],
      objects: [object('photos/1.png', '1.png'), object('photos/2.png', '2.png')],
    });
    // A prefix is a string prefix, not a folder: "pho" finds the photos folder.
    expect((await bucket().listV2({ with_delimiter: true, prefix: 'pho' })).data?.folders).toEqual([
      folder('photos/', 'photos'),
    ]);
  });

  it('lists every key under the prefix without a delimiter', async () => {
    const { data, error } = await bucket().listV2({ prefix: 'photos' });
    expect(error).toBeNull();
    expect(data).toEqual({
      hasNext: false,
      folders: [],
      objects: [object('photos/1.png'), object('photos/2.png'), object('photos/deep/3.png')],
    });
  });

  it('pages with hosted cursors, folders and objects alike, in both orders', async () => {
    const first = await bucket().listV2({ with_delimiter: true, limit: 3 });
    expect(first.data).toMatchObject({ hasNext: true, nextCursor: cursorFor('photos'), nextCursorKey: 'photos' });
    expect(first.data?.objects.map((o) => o.name)).toEqual(['a.txt', 'b.txt']);
    expect(first.data?.folders.map((f) => f.name)).toEqual(['photos/']);

    const second = await bucket().listV2({ with_delimiter: true, limit: 3, cursor: first.data?.nextCursor });
    expect(second.data).toEqual({ hasNext: false, folders: [folder('zeta/', 'zeta')], objects: [] });

    const desc = await bucket().listV2({ with_delimiter: true, limit: 3, sortBy: { column: 'name', order: 'desc' } });
    expect([...(desc.data?.folders ?? []), ...(desc.data?.objects ?? [])].map((e) => e.name)).toEqual([
      'zeta/',
      'photos/',
      'b.txt',
    ]);
    const rest = await bucket().listV2({ with_delimiter: true, limit: 3, cursor: desc.data?.nextCursor });
    expect(rest.data?.objects.map((o) => o.name)).toEqual(['a.txt']);

    const flat = await bucket().listV2({ limit: 4 });
    expect(flat.data?.objects.map((o) => o.name)).toEqual(['a.txt', 'b.txt', 'photos/1.png', 'photos/2.png']);
    expect(flat.data).toMatchObject({ hasNext: true, nextCursorKey: 'photos/2.png' });
    const flatRest = await bucket().listV2({ limit: 4, cursor: flat.data?.nextCursor });
    expect(flatRest.data?.objects.map((o) => o.name)).toEqual(['photos/deep/3.png', 'zeta/x.txt']);
  });

  it('sorts by created_at, folders dated by their oldest object, and pages on (timestamp, name)', async () => {
    const sortBy = { column: 'created_at', order: 'asc' } as const;
    const all = await bucket().listV2({ with_delimiter: true, sortBy });
    expect(all.data?.folders.map((f) => f.name)).toEqual(['photos/', 'zeta/']);
    expect(all.data?.objects.map((o) => o.name)).toEqual(['b.txt', 'a.txt']);
    expect(all.data?.folders[0]).toEqual({ ...folder('photos/', 'photos'), updated_at: TIME, created_at: TIME });

    const flat = await bucket().listV2({ sortBy, limit: 3 });
    expect(flat.data?.objects.map((o) => o.name)).toEqual(['b.txt', 'photos/1.png', 'a.txt']);
    const token = Buffer.from(flat.data?.nextCursor ?? '', 'base64').toString();
    expect(token).toMatch(/^l:a\.txt\no:asc\nc:created_at\na:\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const next = await bucket().listV2({ sortBy, limit: 3, cursor: flat.data?.nextCursor });
    expect(next.data?.objects.map((o) => o.name)).toEqual(['photos/deep/3.png', 'zeta/x.txt', 'photos/2.png']);
    expect(next.data?.hasNext).toBe(false);
  });

  it('runs as the caller: RLS hides a private bucket from anon', async () => {
    expect(await anon.storage.from(BUCKET).listV2({ with_delimiter: true })).toEqual({
      data: { hasNext: false, folders: [], objects: [] },
      error: null,
    });
  });

  it('answers bad bodies and cursors with Storage’s errors', async () => {
    const post = (body: unknown) =>
      fetch(`${stack.apiUrl}/storage/v1/object/list-v2/${BUCKET}`, {
        method: 'POST',
        headers: { apikey: stack.serviceRoleKey, authorization: `Bearer ${stack.serviceRoleKey}` },
        body: JSON.stringify(body),
      });
    const cases: Array<[unknown, string, string]> = [
      [{ limit: 0 }, 'InvalidRequest', 'body/limit must be >= 1'],
      [{ limit: 1.5 }, 'InvalidRequest', 'body/limit must be integer'],
      [
        { sortBy: { column: 'size' } },
        'InvalidRequest',
        'body/sortBy/column must be equal to one of the allowed values',
      ],
      [{ sortBy: {} }, 'InvalidRequest', "body/sortBy must have required property 'column'"],
      [{ cursor: Buffer.from('x:1').toString('base64') }, 'InvalidParameter', 'Invalid Parameter continuation token'],
    ];
    for (const [body, code, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        statusCode: '400',
        code,
        error: code === 'InvalidRequest' ? 'Error' : code,
        message,
      });
    }
  });
});
