import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signJwt } from '../../scripts/stack/gateway/jwt.ts';
import { keyClient } from '../support/clients.ts';

const stack = inject('stack');
const run = randomUUID().slice(0, 8);
// Buckets of this suite's own: the app's migrations own `menu-images` and its policies.
const PUBLIC_BUCKET = `photos-${run}`;
const PRIVATE_BUCKET = `receipts-${run}`;
const POLICY = `storage test ${run}`;

const client = (key: string): SupabaseClient => keyClient(stack.apiUrl, key);
const service = client(stack.serviceRoleKey);
const anon = client(stack.anonKey);

interface User {
  id: string;
  db: SupabaseClient;
}

/** A real account: created by the admin API, signed in with its password like the app does. */
async function signUp(label: string): Promise<User> {
  const email = `storage-${label}-${run}@example.test`;
  const password = `pw-${randomUUID()}`;
  const created = await service.auth.admin.createUser({ email, password, email_confirm: true });
  expect(created.error).toBeNull();
  const db = client(stack.anonKey);
  const { data, error } = await db.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { id: data.user?.id as string, db };
}

// Minimal but real file headers: the gateway recognises images by these bytes.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

let alice: User;
let bob: User;

async function asPostgres(sql: string): Promise<void> {
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    await db.query(sql);
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  const settings = { public: true, allowedMimeTypes: ['image/*'], fileSizeLimit: '5MB' };
  expect((await service.storage.createBucket(PUBLIC_BUCKET, settings)).error).toBeNull();
  expect((await service.storage.createBucket(PRIVATE_BUCKET, { public: false })).error).toBeNull();

  // The policy an app migration would write: signed-in users own the folder named after their id.
  const own = `bucket_id in ('${PUBLIC_BUCKET}', '${PRIVATE_BUCKET}') and (storage.foldername(name))[1] = (select auth.uid()::text)`;
  await asPostgres(`
    create policy "${POLICY} insert" on storage.objects for insert to authenticated with check (${own});
    create policy "${POLICY} select" on storage.objects for select to authenticated using (${own});
    create policy "${POLICY} update" on storage.objects for update to authenticated using (${own}) with check (${own});
    create policy "${POLICY} delete" on storage.objects for delete to authenticated using (${own});
  `);
  [alice, bob] = await Promise.all([signUp('alice'), signUp('bob')]);
});

afterAll(async () => {
  for (const action of ['insert', 'select', 'update', 'delete']) {
    await asPostgres(`drop policy if exists "${POLICY} ${action}" on storage.objects`);
  }
  for (const bucket of [PUBLIC_BUCKET, PRIVATE_BUCKET]) {
    await service.storage.emptyBucket(bucket);
    await service.storage.deleteBucket(bucket);
  }
  for (const user of [alice, bob]) {
    const { data } = await service.storage.from(PUBLIC_BUCKET).list(user.id, { limit: 1000 });
    await service.storage.from(PUBLIC_BUCKET).remove((data ?? []).map((f) => `${user.id}/${f.name}`));
  }
});

describe('storage: buckets', () => {
  it('lets service_role read and change a bucket, in hosted shapes', async () => {
    const { data, error } = await service.storage.getBucket(PRIVATE_BUCKET);
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: PRIVATE_BUCKET, name: PRIVATE_BUCKET, public: false, file_size_limit: null });

    const updated = await service.storage.updateBucket(PRIVATE_BUCKET, { public: false, fileSizeLimit: 1024 * 1024 });
    expect(updated).toEqual({ data: { message: 'Successfully updated' }, error: null });
    expect((await service.storage.getBucket(PRIVATE_BUCKET)).data?.file_size_limit).toBe(1024 * 1024);

    const listed = await service.storage.listBuckets({ search: run });
    expect(listed.data?.map((b) => b.id).sort()).toEqual([PUBLIC_BUCKET, PRIVATE_BUCKET].sort());
    const menu = (await service.storage.getBucket(PUBLIC_BUCKET)).data;
    expect(menu).toMatchObject({ public: true, allowed_mime_types: ['image/*'], file_size_limit: 5_000_000 });
  });

  it('refuses bucket administration to users as RLS on storage.buckets does', async () => {
    const { data, error } = await alice.db.storage.createBucket(`alice-${run}`, { public: true });
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
    expect((await alice.db.storage.listBuckets()).data).toEqual([]);
    expect((await anon.storage.getBucket(PRIVATE_BUCKET)).error).toMatchObject({
      statusCode: '404',
      message: 'Bucket not found',
    });
  });

  it('refuses a duplicate bucket and a bad name with stable errors', async () => {
    expect((await service.storage.createBucket(PRIVATE_BUCKET)).error).toMatchObject({
      statusCode: '409',
      message: 'The resource already exists',
    });
    expect((await service.storage.createBucket('..', { public: false })).error).toMatchObject({
      statusCode: '400',
      message: 'Bucket name invalid',
    });
  });
});

describe('storage: uploads and downloads', () => {
  it('uploads into the own folder and downloads the same bytes', async () => {
    const path = `${alice.id}/logo.png`;
    const up = await alice.db.storage.from(PUBLIC_BUCKET).upload(path, PNG, { contentType: 'image/png' });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path, fullPath: `${PUBLIC_BUCKET}/${path}` });
    expect(up.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const down = await alice.db.storage.from(PUBLIC_BUCKET).download(path);
    expect(down.error).toBeNull();
    expect(new Uint8Array(await (down.data as Blob).arrayBuffer())).toEqual(PNG);
    expect(down.data?.type).toBe('image/png');

    const { data: info } = await alice.db.storage.from(PUBLIC_BUCKET).info(path);
    expect(info).toMatchObject({ name: path, bucketId: PUBLIC_BUCKET, size: PNG.length, contentType: 'image/png' });
    // An upload without user metadata reads `metadata: {}`, as hosted stores `{ ...userMetadata }`.
    expect(info?.metadata).toEqual({});
    expect(await alice.db.storage.from(PUBLIC_BUCKET).exists(path)).toMatchObject({ data: true });
    expect((await alice.db.storage.from(PUBLIC_BUCKET).exists(`${alice.id}/missing.png`)).data).toBe(false);
  });

  it('serves a public bucket to anyone through the public URL', async () => {
    const path = `${alice.id}/public.png`;
    expect(
      (await alice.db.storage.from(PUBLIC_BUCKET).upload(path, PNG, { contentType: 'image/png' })).error,
    ).toBeNull();
    const { publicUrl } = anon.storage.from(PUBLIC_BUCKET).getPublicUrl(path).data;
    const res = await fetch(publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('max-age=3600');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it('accepts Blob uploads (multipart form data) and upserts only when asked', async () => {
    const path = `${alice.id}/blob.jpg`;
    const blob = new Blob([JPEG], { type: 'image/jpeg' });
    expect((await alice.db.storage.from(PUBLIC_BUCKET).upload(path, blob, { cacheControl: '60' })).error).toBeNull();
    expect((await alice.db.storage.from(PUBLIC_BUCKET).upload(path, blob)).error).toMatchObject({
      statusCode: '409',
      message: 'The resource already exists',
    });
    const replaced = await alice.db.storage.from(PUBLIC_BUCKET).upload(path, PNG, {
      contentType: 'image/png',
      upsert: true,
    });
    expect(replaced.error).toBeNull();
    const down = await alice.db.storage.from(PUBLIC_BUCKET).download(path);
    expect(new Uint8Array(await (down.data as Blob).arrayBuffer())).toEqual(PNG);
  });

  it("refuses an upload into another user's folder and stores nothing", async () => {
    const path = `${bob.id}/intruder.png`;
    const { data, error } = await alice.db.storage.from(PUBLIC_BUCKET).upload(path, PNG, { contentType: 'image/png' });
    expect(data).toBeNull();
    expect(error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect((await service.storage.from(PUBLIC_BUCKET).exists(path)).data).toBe(false);
    expect((await fetch(anon.storage.from(PUBLIC_BUCKET).getPublicUrl(path).data.publicUrl)).ok).toBe(false);
  });

  it('refuses a file over the bucket size limit', async () => {
    const big = new Uint8Array(5_000_001);
    big.set(PNG);
    const { error } = await alice.db.storage
      .from(PUBLIC_BUCKET)
      .upload(`${alice.id}/big.png`, big, { contentType: 'image/png' });
    expect(error).toMatchObject({ statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    expect((await service.storage.from(PUBLIC_BUCKET).exists(`${alice.id}/big.png`)).data).toBe(false);
  });

  it('refuses a MIME type the bucket does not allow', async () => {
    const { error } = await alice.db.storage
      .from(PUBLIC_BUCKET)
      .upload(`${alice.id}/notes.txt`, 'hello', { contentType: 'text/plain' });
    expect(error).toMatchObject({ statusCode: '415', message: 'mime type text/plain is not supported' });
  });

  it('refuses content that would run when served inline, and says why; the declared type is otherwise the uploader’s', async () => {
    const html = await alice.db.storage
      .from(PUBLIC_BUCKET)
      .upload(`${alice.id}/evil.png`, '<html><script>alert(1)</script></html>', { contentType: 'image/png' });
    expect(html.error).toMatchObject({
      statusCode: '415',
      status: 400,
      message: 'the file is HTML: the local stack refuses content a browser would run as a page when served inline',
    });
    const svg = await alice.db.storage
      .from(PUBLIC_BUCKET)
      .upload(`${alice.id}/evil.svg`, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', {
        contentType: 'image/svg+xml',
      });
    expect(svg.error).toMatchObject({
      statusCode: '415',
      message: 'the file is an SVG with script: the local stack refuses content a browser would run when served inline',
    });
    // As hosted: allowed_mime_types and file_size_limit are the checks, not the bytes' own type.
    const jpegAsPng = await alice.db.storage
      .from(PUBLIC_BUCKET)
      .upload(`${alice.id}/fake.png`, JPEG, { contentType: 'image/png' });
    expect(jpegAsPng.error).toBeNull();
  });

  it('refuses object names that climb out of their folder', async () => {
    for (const name of [`${alice.id}/..%2F..%2F..%2Fescape.png`, `${alice.id}/%2E%2E%2Fx.png`]) {
      const { error } = await alice.db.storage.from(PUBLIC_BUCKET).upload(name, PNG, { contentType: 'image/png' });
      expect(error).toMatchObject({ statusCode: '400' });
      expect(error?.message).toMatch(/^Invalid key: /);
    }
    const read = await service.storage.from(PUBLIC_BUCKET).download('..%2F..%2F..%2Fpackage.json');
    expect(read.data).toBeNull();
    expect(read.error).toMatchObject({ status: 400 });
  });
});

describe('storage: private buckets and signed URLs', () => {
  const path = () => `${alice.id}/receipt.png`;

  beforeAll(async () => {
    const up = await alice.db.storage.from(PRIVATE_BUCKET).upload(path(), PNG, { contentType: 'image/png' });
    expect(up.error).toBeNull();
  });

  it('hides private objects from the public URL and from other users', async () => {
    const res = await fetch(anon.storage.from(PRIVATE_BUCKET).getPublicUrl(path()).data.publicUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    expect((await bob.db.storage.from(PRIVATE_BUCKET).download(path())).error).toMatchObject({
      statusCode: '404',
      message: 'Object not found',
    });
  });

  it('serves a signed URL to anyone until it expires', async () => {
    const { data, error } = await alice.db.storage.from(PRIVATE_BUCKET).createSignedUrl(path(), 60);
    expect(error).toBeNull();
    const res = await fetch(data?.signedUrl as string);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);

    const many = await alice.db.storage.from(PRIVATE_BUCKET).createSignedUrls([path(), `${alice.id}/nope.png`], 60);
    expect(many.data?.[0]?.error).toBeNull();
    expect((await fetch(many.data?.[0]?.signedUrl as string)).status).toBe(200);
    expect(many.data?.[1]).toMatchObject({ signedUrl: null, error: expect.stringContaining('does not exist') });

    // A token minted with the project secret but already past its `exp`, like one that timed out.
    const url = `${PRIVATE_BUCKET}/${path()}`;
    const iat = Math.floor(Date.now() / 1000) - 120;
    const expired = await signJwt({ url, scope: 'download', iat, exp: iat + 60 }, stack.jwtSecret);
    const old = await fetch(`${stack.apiUrl}/storage/v1/object/sign/${url}?token=${expired}`);
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT' });
  });

  it('refuses forged tokens and tokens for another object', async () => {
    const url = `${PRIVATE_BUCKET}/${path()}`;
    const iat = Math.floor(Date.now() / 1000);
    const forged = await signJwt(
      { url, scope: 'download', iat, exp: iat + 60 },
      'not-the-project-secret-at-all-000000',
    );
    expect((await fetch(`${stack.apiUrl}/storage/v1/object/sign/${url}?token=${forged}`)).status).toBe(400);

    const { data } = await alice.db.storage.from(PRIVATE_BUCKET).createSignedUrl(path(), 60);
    const token = new URL(data?.signedUrl as string).searchParams.get('token');
    const other = await fetch(
      `${stack.apiUrl}/storage/v1/object/sign/${PRIVATE_BUCKET}/${bob.id}/x.png?token=${token}`,
    );
    expect(await other.json()).toMatchObject({ error: 'InvalidSignature' });
  });

  it('uploads through a signed upload URL, owned by whoever asked for it', async () => {
    const target = `${alice.id}/signed-upload.png`;
    const signed = await alice.db.storage.from(PRIVATE_BUCKET).createSignedUploadUrl(target);
    expect(signed.error).toBeNull();
    const up = await anon.storage
      .from(PRIVATE_BUCKET)
      .uploadToSignedUrl(target, signed.data?.token as string, PNG, { contentType: 'image/png' });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: target, fullPath: `${PRIVATE_BUCKET}/${target}` });
    const down = await alice.db.storage.from(PRIVATE_BUCKET).download(target);
    expect(new Uint8Array(await (down.data as Blob).arrayBuffer())).toEqual(PNG);

    expect((await bob.db.storage.from(PRIVATE_BUCKET).createSignedUploadUrl(target)).error).toMatchObject({
      statusCode: '403',
    });
    // An upload token is not a download token.
    const misuse = await fetch(
      `${stack.apiUrl}/storage/v1/object/sign/${PRIVATE_BUCKET}/${target}?token=${signed.data?.token}`,
    );
    expect(await misuse.json()).toMatchObject({ error: 'InvalidSignature' });
  });
});

describe('storage: list, move, copy, remove', () => {
  const dir = () => `${alice.id}/menu`;

  beforeAll(async () => {
    const bucket = alice.db.storage.from(PUBLIC_BUCKET);
    for (const name of ['b.png', 'a.png', 'c.png', 'drinks/cola.png', 'drinks/water.png']) {
      expect((await bucket.upload(`${dir()}/${name}`, PNG, { contentType: 'image/png' })).error).toBeNull();
    }
  });

  it('lists one folder level with hosted shapes, paging, sorting and search', async () => {
    const bucket = alice.db.storage.from(PUBLIC_BUCKET);
    const { data, error } = await bucket.list(dir());
    expect(error).toBeNull();
    expect(data?.map((f) => f.name)).toEqual(['a.png', 'b.png', 'c.png', 'drinks']);
    expect(data?.[3]).toEqual({
      name: 'drinks',
      id: null,
      updated_at: null,
      created_at: null,
      last_accessed_at: null,
      metadata: null,
    });
    expect(data?.[0]?.metadata).toMatchObject({
      size: PNG.length,
      mimetype: 'image/png',
      cacheControl: 'max-age=3600',
    });

    const page = await bucket.list(dir(), { limit: 2, offset: 1, sortBy: { column: 'name', order: 'desc' } });
    expect(page.data?.map((f) => f.name)).toEqual(['c.png', 'b.png']);
    expect((await bucket.list(dir(), { search: 'B' })).data?.map((f) => f.name)).toEqual(['b.png']);
    expect((await bucket.list(`${dir()}/drinks`)).data?.map((f) => f.name)).toEqual(['cola.png', 'water.png']);
    // RLS: bob sees none of alice's files.
    expect((await bob.db.storage.from(PUBLIC_BUCKET).list(dir())).data).toEqual([]);
  });

  it('moves and copies objects, bytes included', async () => {
    const bucket = alice.db.storage.from(PUBLIC_BUCKET);
    const moved = await bucket.move(`${dir()}/a.png`, `${dir()}/moved.png`);
    expect(moved.error).toBeNull();
    expect(moved.data).toMatchObject({ message: 'Successfully moved' });
    expect((await bucket.exists(`${dir()}/a.png`)).data).toBe(false);

    const copied = await bucket.copy(`${dir()}/moved.png`, `${dir()}/copy.png`);
    expect(copied.error).toBeNull();
    expect(copied.data).toEqual({ path: `${PUBLIC_BUCKET}/${dir()}/copy.png` });
    for (const name of ['moved.png', 'copy.png']) {
      const down = await bucket.download(`${dir()}/${name}`);
      expect(new Uint8Array(await (down.data as Blob).arrayBuffer())).toEqual(PNG);
    }
    expect((await bucket.move(`${dir()}/b.png`, `${bob.id}/stolen.png`)).error).toMatchObject({ statusCode: '403' });
  });

  it('removes only what the caller may delete', async () => {
    const bucket = alice.db.storage.from(PUBLIC_BUCKET);
    expect((await bob.db.storage.from(PUBLIC_BUCKET).remove([`${dir()}/c.png`])).data).toEqual([]);
    const { data, error } = await bucket.remove([`${dir()}/c.png`, `${dir()}/copy.png`]);
    expect(error).toBeNull();
    expect(data?.map((f) => f.name).sort()).toEqual([`${dir()}/c.png`, `${dir()}/copy.png`]);
    expect((await bucket.download(`${dir()}/c.png`)).error).toMatchObject({ statusCode: '404' });
  });
});

describe('storage: emptying and deleting buckets', () => {
  it('refuses to delete a non-empty bucket, then empties and deletes it', async () => {
    const id = `scratch-${run}`;
    expect((await service.storage.createBucket(id, { public: false })).error).toBeNull();
    expect((await service.storage.from(id).upload('x.txt', 'x', { contentType: 'text/plain' })).error).toBeNull();
    expect((await service.storage.deleteBucket(id)).error).toMatchObject({ statusCode: '409' });
    expect(await service.storage.emptyBucket(id)).toEqual({
      data: { message: 'Empty bucket has been queued. Completion may take up to an hour.' },
      error: null,
    });
    expect((await service.storage.from(id).list()).data).toEqual([]);
    expect((await service.storage.deleteBucket(id)).data).toEqual({ message: 'Successfully deleted' });
    expect((await service.storage.getBucket(id)).error).toMatchObject({ statusCode: '404' });
  });
});

describe('storage: the app’s menu-images bucket', () => {
  it('serves photos by public URL but lists a folder only to its restaurant’s owners and managers', async () => {
    const created = await alice.db.rpc('create_restaurant', {
      p_slug: `photos-${randomUUID().slice(0, 8)}`,
      p_name: 'Maquis Photos',
      p_country: 'CI',
      p_timezone: 'Africa/Abidjan',
      p_currency: 'XOF',
      p_tax_mode: 'exclusive',
      p_tax_rate_bp: 1800,
    });
    expect(created.error).toBeNull();
    const restaurantId = created.data.id as string;
    const path = `${restaurantId}/item-${run}.png`;
    const photos = alice.db.storage.from('menu-images');
    expect((await photos.upload(path, PNG, { contentType: 'image/png' })).error).toBeNull();

    const res = await fetch(anon.storage.from('menu-images').getPublicUrl(path).data.publicUrl);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);

    // With the anon key (or as a stranger) neither the root nor the folder tells which restaurants exist.
    for (const who of [anon, bob.db]) {
      expect(await who.storage.from('menu-images').list()).toMatchObject({ data: [], error: null });
      expect(await who.storage.from('menu-images').list(restaurantId)).toMatchObject({ data: [], error: null });
    }
    const own = await photos.list(restaurantId);
    expect(own.data?.map((f) => f.name)).toEqual([`item-${run}.png`]);
    expect((await photos.remove([path])).data?.map((f) => f.name)).toEqual([path]);
  });
});
