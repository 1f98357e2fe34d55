import type { EncodedImage } from '#lib/images/resize.ts';
import { publicObjectUrl, supabase } from '#lib/supabase.ts';

export const menuImagesBucket = 'menu-images';

/** A fresh object name per upload: a replaced photo never shows from a stale cache. */
export function itemImagePath(
  restaurantId: string,
  itemId: string,
  extension: string,
  random = randomSuffix(),
): string {
  return `${restaurantId}/${itemId}-${random}.${extension}`;
}

function randomSuffix(): string {
  return crypto.randomUUID().slice(0, 8);
}

export function itemImageUrl(path: string): string {
  return publicObjectUrl(menuImagesBucket, path);
}

export type UploadOutcome = { ok: true; path: string } | { ok: false; reason: 'upload_failed'; detail?: string };

/** Stores an already resized photo; the caller then points the item row at `path`. */
export async function uploadItemImage(
  restaurantId: string,
  itemId: string,
  encoded: EncodedImage,
): Promise<UploadOutcome> {
  const path = itemImagePath(restaurantId, itemId, encoded.extension);
  try {
    const storage = await supabase.storage();
    const { error } = await storage
      .from(menuImagesBucket)
      .upload(path, encoded.blob, { contentType: encoded.type, cacheControl: '31536000', upsert: false });
    if (error) return { ok: false, reason: 'upload_failed', detail: error.message };
  } catch (error) {
    return { ok: false, reason: 'upload_failed', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, path };
}

/** Best effort: an orphaned photo costs a few kB, a failed clean-up must not fail the save. */
export async function removeItemImage(path: string | null | undefined): Promise<void> {
  if (!path) return;
  try {
    await (await supabase.storage()).from(menuImagesBucket).remove([path]);
  } catch {
    // Offline or refused: left for a later clean-up.
  }
}
