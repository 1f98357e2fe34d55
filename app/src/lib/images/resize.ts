/** Longest side of the stored photo: sharp on a phone's full width, small enough to load on 3G. */
export const maxImageSide = 1200;

/** The size that fits `width`×`height` within `max`×`max`, keeping its proportions; never upscales. */
export function fitWithin(width: number, height: number, max = maxImageSide): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export class ImageDecodeError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The file could not be read as an image', options);
    this.name = 'ImageDecodeError';
  }
}

export interface EncodedImage {
  blob: Blob;
  /** The type actually produced: WebP, or JPEG on browsers that cannot encode WebP. */
  type: 'image/webp' | 'image/jpeg';
  extension: 'webp' | 'jpg';
  width: number;
  height: number;
}

/**
 * Decodes a picked photo, scales it to at most 1200 px on its longest side and encodes it as WebP
 * (quality 0.82), in the browser: the upload is a few hundred kB instead of a phone's 10 MB
 * original. Throws ImageDecodeError when the bytes are not an image the browser can read.
 */
export async function resizeToWebp(file: Blob, max = maxImageSide): Promise<EncodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new ImageDecodeError({ cause: error });
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const webp = await encode(bitmap, size, 'image/webp');
    // Safari before 17 silently encodes PNG when asked for WebP; JPEG is the compact fallback.
    if (webp.type === 'image/webp') return { blob: webp, type: 'image/webp', extension: 'webp', ...size };
    const jpeg = await encode(bitmap, size, 'image/jpeg');
    return { blob: jpeg, type: 'image/jpeg', extension: 'jpg', ...size };
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, size: { width: number; height: number }, type: string): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new ImageDecodeError();
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type, quality: 0.82 });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new ImageDecodeError();
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ImageDecodeError())), type, 0.82),
  );
}
