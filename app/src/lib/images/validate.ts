/** Photos at or above this size are refused before reading a byte: phones' originals stay far below. */
export const maxSourceImageBytes = 50_000_000;

/** What the browser can decode and we accept as a source photo. */
export const acceptedImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic'];

export type ImageFileError = { code: 'not_an_image' } | { code: 'too_large'; maxMb: number } | { code: 'empty' };

/**
 * Checks a picked file from its declared type and size alone, before reading or uploading it:
 * anything not `image/*` and anything of 50 MB or more is refused with a reason to show.
 * (A file that claims to be an image but does not decode is caught when resizing.)
 */
export function checkImageFile(file: { type: string; size: number }): ImageFileError | null {
  if (!file.type.startsWith('image/') || file.type === 'image/svg+xml') return { code: 'not_an_image' };
  if (file.size === 0) return { code: 'empty' };
  if (file.size >= maxSourceImageBytes) return { code: 'too_large', maxMb: maxSourceImageBytes / 1_000_000 };
  return null;
}
