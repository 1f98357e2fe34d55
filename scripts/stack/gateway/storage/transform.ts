import sharp, { type FormatEnum } from 'sharp';
import { errors, StorageError } from './errors.ts';

/** Storage's transformation options (`/render/image/...` query, `transform` of a signed URL). */
export interface TransformOptions {
  width?: number;
  height?: number;
  resize?: 'cover' | 'contain' | 'fill';
  format?: 'origin' | 'avif' | 'webp';
  quality?: number;
}

/**
 * Hosted's limits (the image transformation guide): sides are clamped to 1–2500 px, the source may
 * be at most 25 MB and 50 megapixels. They also bound this process's memory: sharp decodes no more
 * than this, one image at a time, with its cache off.
 */
const SIDE = { min: 1, max: 2500 };
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;
const MAX_SOURCE_PIXELS = 50_000_000;
/** imgproxy's default quality, which hosted keeps. */
const DEFAULT_QUALITY = 80;

sharp.cache(false);
sharp.concurrency(1);

const RESIZE = ['cover', 'contain', 'fill'];
const FORMAT = ['origin', 'avif', 'webp'];

/**
 * Validates options as hosted's route schema does (integers, width/height >= 0, quality 20–100,
 * enum values) with its messages; `where` is `querystring` or `body/transform`. Unknown keys are
 * dropped, as Fastify's `removeAdditional` does.
 */
export function parseTransform(raw: Record<string, unknown>, where: string): TransformOptions {
  const out: TransformOptions = {};
  const int = (key: 'width' | 'height' | 'quality', min: number, max?: number) => {
    const value = raw[key];
    if (value === undefined || value === '') return;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw errors.schemaValidation(`${where}/${key} must be integer`);
    if (n < min) throw errors.schemaValidation(`${where}/${key} must be >= ${min}`);
    if (max !== undefined && n > max) throw errors.schemaValidation(`${where}/${key} must be <= ${max}`);
    out[key] = n;
  };
  int('height', 0);
  int('width', 0);
  const oneOf = (key: 'resize' | 'format', allowed: string[]) => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw errors.schemaValidation(`${where}/${key} must be equal to one of the allowed values`);
    }
    (out as Record<string, string>)[key] = value;
  };
  oneOf('resize', RESIZE);
  oneOf('format', FORMAT);
  int('quality', 20, 100);
  return out;
}

const clamp = (n: number) => Math.min(Math.max(n, SIDE.min), SIDE.max);

/**
 * The transformation as hosted names it: `height:…,width:…,resizing_type:…,quality:…,format:…` for
 * the `X-Transformations` header, or (`forToken`) the `resize:<option>` form it signs into a signed
 * URL's `transformations` claim — `resize:undefined` included when none was asked, as hosted writes it.
 */
export function transformationSegments(o: TransformOptions, forToken = false): string[] {
  const segments: string[] = [];
  if (o.height) segments.push(`height:${clamp(o.height)}`);
  if (o.width) segments.push(`width:${clamp(o.width)}`);
  if (o.width || o.height) {
    if (forToken) segments.push(`resize:${o.resize}`);
    else segments.push(`resizing_type:${o.resize === 'contain' ? 'fit' : o.resize === 'fill' ? 'force' : 'fill'}`);
  }
  if (o.quality) segments.push(`quality:${o.quality}`);
  if (o.format && o.format !== 'origin') segments.push(`format:${o.format}`);
  return segments;
}

/** The options a signed URL's `transformations` claim carries, read back as hosted does. */
export function transformFromString(claim: string): TransformOptions {
  const out: TransformOptions = {};
  for (const param of claim.split(',')) {
    const [name, value] = param.split(':');
    if (value === undefined || value === '') continue;
    if (name === 'height' || name === 'width' || name === 'quality') out[name] = Number.parseInt(value, 10);
    else if (name === 'resize' && RESIZE.includes(value)) out.resize = value as TransformOptions['resize'];
    else if (name === 'format' && FORMAT.includes(value)) out.format = value as TransformOptions['format'];
  }
  return out;
}

const unsupported = () =>
  new StorageError({
    statusCode: 400,
    code: 'InvalidRequest',
    message: 'The source image is invalid or unsupported for rendering',
  });
export const sourceTooLarge = () =>
  new StorageError({
    statusCode: 400,
    code: 'InvalidRequest',
    message: 'The source image file is too large to process',
  });
const resolutionTooLarge = () =>
  new StorageError({
    statusCode: 400,
    code: 'InvalidRequest',
    message: 'The source image resolution is too large to process',
  });

const OUTPUT_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tiff: 'image/tiff',
};

// One image at a time: each decode may hold up to 50 MP × 4 bytes, and the machine is shared.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * Renders the source `load` reads as hosted's imgproxy does: resize without enlarging (cover crops to the box,
 * contain fits inside it, fill stretches), the requested format — or WebP when the client accepts
 * it and none was asked, else the source's own — at quality 80 unless told.
 */
export function renderImage(
  load: () => Promise<Uint8Array>,
  o: TransformOptions,
  accept: string | undefined,
): Promise<{ bytes: Buffer; contentType: string }> {
  return serially(async () => {
    // Read inside the queue: waiting requests hold no source bytes.
    const source = await load();
    if (source.byteLength > MAX_SOURCE_BYTES) throw sourceTooLarge();
    try {
      let image = sharp(source, { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' });
      const meta = await image.metadata();
      if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_SOURCE_PIXELS) throw resolutionTooLarge();
      image = image.rotate();
      if (o.width || o.height) {
        image = image.resize({
          ...(o.width ? { width: clamp(o.width) } : {}),
          ...(o.height ? { height: clamp(o.height) } : {}),
          fit: o.resize === 'contain' ? 'inside' : o.resize === 'fill' ? 'fill' : 'cover',
          withoutEnlargement: true,
        });
      }
      const origin = meta.format && OUTPUT_TYPES[meta.format] ? meta.format : 'png';
      const format =
        o.format === 'webp' || o.format === 'avif'
          ? o.format
          : o.format !== 'origin' && accept?.includes('image/webp')
            ? 'webp'
            : origin;
      const quality = o.quality ?? DEFAULT_QUALITY;
      const bytes = await image
        .toFormat(format as keyof FormatEnum, format === 'png' || format === 'gif' ? {} : { quality })
        .toBuffer();
      return { bytes, contentType: OUTPUT_TYPES[format] ?? 'application/octet-stream' };
    } catch (e) {
      if (e instanceof StorageError) throw e;
      if (e instanceof Error && /pixel limit/i.test(e.message)) throw resolutionTooLarge();
      throw unsupported();
    }
  });
}
