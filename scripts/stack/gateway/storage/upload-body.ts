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

/** Markup a browser runs as a page when it is served inline from the storage origin. */
const HTML_START = /^\s*<(!doctype\s+html|html|head|body|script|iframe|object|embed|meta\s+http-equiv)[\s>/]/i;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** What makes an SVG active: scripts, event handlers, javascript: links, embedded HTML. */
const SVG_ACTIVE = /<script[\s>/]|\son[a-z]+\s*=|javascript\s*:|<foreignObject[\s>/]/i;
/** How much of a file is read to recognise HTML (its start) before giving up. */
const SNIFF_BYTES = 1024;

function textStart(bytes: Uint8Array, length: number): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(length, bytes.byteLength - start)).toString(
    'latin1',
  );
}

/**
 * The one content check beyond the bucket's `allowed_mime_types` and `file_size_limit` (hosted has
 * none): bytes that would run as a page on the storage origin when served inline are refused, whatever
 * type they are declared with — an HTML document (or any file declared as HTML), or an SVG carrying
 * script. The error says which, so nobody mistakes it for hosted's MIME check.
 */
export function mustNotBeActiveContent(mimeType: string, bytes: Uint8Array): void {
  const declared = bareType(mimeType);
  const head = textStart(bytes, SNIFF_BYTES);
  if (HTML_TYPES.has(declared) || HTML_START.test(head)) {
    throw errors.invalidMimeType(
      mimeType,
      'the file is HTML: the local stack refuses content a browser would run as a page when served inline',
    );
  }
  const svg = declared === 'image/svg+xml' || /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head);
  if (svg && SVG_ACTIVE.test(textStart(bytes, bytes.byteLength))) {
    throw errors.invalidMimeType(
      mimeType,
      'the file is an SVG with script: the local stack refuses content a browser would run when served inline',
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
 * type, then size (the smaller of the bucket's limit and the global one), then the active-content check.
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
  mustNotBeActiveContent(upload.mimeType, upload.bytes);
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
