import type { Context } from 'hono';
import { readCappedBody } from '../body.ts';
import { errors } from './errors.ts';

/** The stack-wide upload cap (the CLI's default `file_size_limit = "50MiB"`); buckets may only lower it. */
export const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;
/** Room for multipart boundaries and the small text fields storage-js adds around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Past this, an oversized body is cut off instead of drained (draining keeps the client's socket sane). */
const DRAIN_CEILING = 256 * 1024 * 1024;
const EMPTY_FOLDER_PLACEHOLDER = '.emptyFolderPlaceholder';

export interface BucketLimits {
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

export interface ParsedUpload {
  bytes: Uint8Array;
  mimeType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | undefined;
}

function bareType(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/** Hosted's rule (`type/subtype` exact or `type/*`), with parameters such as `;charset=` ignored. */
export function mustBeAllowedMimeType(mimeType: string, allowed: string[]): void {
  const [type, subtype] = bareType(mimeType).split('/');
  if (!type || !subtype) throw errors.invalidMimeType(mimeType);
  for (const entry of allowed) {
    const [allowedType, allowedSubtype] = bareType(entry).split('/');
    if (allowedType === '*' && allowedSubtype === '*') return;
    if (allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype)) return;
  }
  throw errors.invalidMimeType(mimeType);
}

/** Validation of a bucket's allowed_mime_types entries, as hosted's createBucket does. */
export function mustBeValidMimeTypeList(list: unknown): asserts list is string[] {
  if (!Array.isArray(list)) throw errors.invalidRequest('allowed_mime_types must be an array of strings');
  for (const entry of list) {
    if (
      typeof entry !== 'string' ||
      entry.length > 1000 ||
      !/^([a-zA-Z0-9\-+.]+)\/([a-zA-Z0-9\-+.]+)(;\s*charset=[a-zA-Z0-9-]+)?$|\*$/.test(entry)
    ) {
      throw errors.invalidMimeType(String(entry));
    }
  }
}

const SIGNATURES: Array<{ mime: string; test: (b: Uint8Array) => boolean }> = [
  { mime: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', test: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a' },
  { mime: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
];
const SNIFFABLE = new Map([
  ['image/png', 'image/png'],
  ['image/jpeg', 'image/jpeg'],
  ['image/jpg', 'image/jpeg'],
  ['image/pjpeg', 'image/jpeg'],
  ['image/gif', 'image/gif'],
  ['image/webp', 'image/webp'],
]);

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}
function ascii(b: Uint8Array, from: number, to: number): string {
  return b.length >= to ? String.fromCharCode(...b.subarray(from, to)) : '';
}

export function sniffImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

/**
 * A declared image type must agree with the bytes: PNG/JPEG/GIF/WebP are recognised by their magic
 * numbers, and any other image/* type must at least not *be* one of those. A page can otherwise be
 * served from a public bucket under an image type it is not (or a script under image/svg+xml's cousin).
 */
export function mustMatchDeclaredImageType(mimeType: string, bytes: Uint8Array): void {
  const declared = bareType(mimeType);
  if (!declared.startsWith('image/') || bytes.length === 0) return;
  const detected = sniffImageType(bytes);
  const expected = SNIFFABLE.get(declared);
  if (expected ? detected !== expected : detected !== null) {
    throw errors.invalidMimeType(
      mimeType,
      `mime type ${mimeType} does not match the file content (${detected ?? 'not a recognised image'})`,
    );
  }
}

/** Reads at most `cap` bytes; a longer body is drained (up to a ceiling) and reported as too large. */
async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array> {
  const bytes = await readCappedBody(body, cap, DRAIN_CEILING);
  if (!bytes) throw errors.entityTooLarge();
  return bytes;
}

function parseUserMetadata(header: string | undefined): Record<string, unknown> | undefined {
  if (!header) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    throw errors.invalidRequest('Invalid x-metadata header: expected base64-encoded JSON');
  }
}

/**
 * The uploaded file from either body storage-js sends: multipart form data (Blob/File/FormData:
 * the first file part, plus `cacheControl` / `contentType` / `metadata` fields) or a raw body with
 * `content-type`, `cache-control` and `x-metadata` headers. Limits apply in hosted's order: MIME
 * type, then size (the smaller of the bucket's limit and the global one), then our content sniffing.
 */
export async function readUpload(c: Context, objectName: string, bucket: BucketLimits): Promise<ParsedUpload> {
  const placeholder = objectName.endsWith(EMPTY_FOLDER_PLACEHOLDER);
  const maxSize = placeholder ? 0 : Math.min(GLOBAL_FILE_SIZE_LIMIT, bucket.file_size_limit ?? GLOBAL_FILE_SIZE_LIMIT);
  const allowed = !placeholder && bucket.allowed_mime_types?.length ? bucket.allowed_mime_types : null;
  const contentType = c.req.header('content-type') ?? '';

  let upload: ParsedUpload;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const raw = await readCapped(c.req.raw.body, maxSize + MULTIPART_OVERHEAD);
    let form: FormData;
    try {
      form = await new Response(new Blob([raw as Uint8Array<ArrayBuffer>]), {
        headers: { 'content-type': contentType },
      }).formData();
    } catch {
      throw errors.noContent();
    }
    let file: File | null = null;
    for (const [, value] of form.entries()) {
      if (typeof value !== 'string') {
        file = value;
        break;
      }
    }
    if (!file) throw errors.noContent();
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' && v !== '' ? v : undefined;
    };
    const mimeType = field('contentType') ?? (file.type || 'application/octet-stream');
    if (allowed) mustBeAllowedMimeType(mimeType, allowed);
    if (file.size > maxSize) throw errors.entityTooLarge();
    const cacheTime = field('cacheControl');
    const metadataField = field('metadata') ?? field('userMetadata');
    let userMetadata: Record<string, unknown> | undefined;
    if (metadataField) {
      try {
        userMetadata = JSON.parse(metadataField) as Record<string, unknown>;
      } catch {
        userMetadata = undefined; // hosted ignores unparsable metadata fields
      }
    }
    upload = {
      bytes: new Uint8Array(await file.arrayBuffer()),
      mimeType,
      cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      userMetadata,
    };
  } else {
    const mimeType = contentType || 'application/octet-stream';
    if (allowed) mustBeAllowedMimeType(mimeType, allowed);
    const userMetadata = parseUserMetadata(c.req.header('x-metadata'));
    const bytes = await readCapped(c.req.raw.body, maxSize);
    upload = { bytes, mimeType, cacheControl: c.req.header('cache-control') ?? 'no-cache', userMetadata };
  }
  if (upload.bytes.byteLength > maxSize) throw errors.entityTooLarge();
  mustMatchDeclaredImageType(upload.mimeType, upload.bytes);
  return upload;
}

/** Bucket `file_size_limit` as storage-js sends it: a byte count or a string like "5MB". */
export function parseFileSizeLimit(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  let bytes: number;
  if (typeof value === 'number') bytes = value;
  else if (typeof value === 'string') {
    const m = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value.trim());
    if (!m?.[1] || !m[2]) throw errors.invalidFileSizeLimit();
    const n = +Number.parseFloat(m[1]).toPrecision(3);
    const unit = m[2].toUpperCase();
    bytes = unit === 'GB' ? n * 1e9 : unit === 'MB' ? n * 1e6 : unit === 'KB' ? n * 1000 : n;
  } else throw errors.invalidFileSizeLimit();
  if (!Number.isFinite(bytes) || bytes < 0) throw errors.invalidFileSizeLimit();
  if (bytes > GLOBAL_FILE_SIZE_LIMIT) throw errors.entityTooLarge();
  return Math.floor(bytes);
}
