import type { EncodedImage } from '#lib/images/resize.ts';
import type { WriteResult } from '#lib/menu/errors.ts';
import { removeItemImage, uploadItemImage } from '#lib/menu/item-image.ts';
import { deleteRow, insertRow, linkGroup, unlinkGroup, updateRow } from '#lib/menu/mutations.ts';
import type { MenuItem } from '#lib/menu/types.ts';
import * as m from '#paraglide/messages.js';

/** What the item form holds once validated (price already in minor units). */
export interface ItemDraft {
  name: string;
  description: string;
  price: number;
  station: string;
  category_id: string | null;
  available: boolean;
}

export interface SaveItemRequest {
  restaurantId: string;
  existing: MenuItem | null;
  draft: ItemDraft;
  /** A new (already resized) photo to store, 'remove' to drop the current one, or null to keep it as it is. */
  photo: EncodedImage | 'remove' | null;
  /** Modifier groups the item should offer, in order. */
  groupIds: readonly string[];
  /** Groups it offers now (empty for a new item). */
  currentGroupIds: readonly string[];
  /** Where a new item goes in its list. */
  position: number;
}

/**
 * Saves an item so that nothing is half-saved: the photo is uploaded first under a new name, then
 * the row is written pointing at it; if the row is refused the new photo is deleted again, and the
 * old photo is deleted only once the row no longer points at it. Group links follow the row.
 */
export async function saveItem(request: SaveItemRequest): Promise<WriteResult<MenuItem>> {
  const { restaurantId, existing, draft, photo } = request;
  const id = existing?.id ?? crypto.randomUUID();
  let imagePath = existing?.image_path ?? null;
  let uploaded: string | null = null;
  if (photo !== null && photo !== 'remove') {
    const upload = await uploadItemImage(restaurantId, id, photo);
    if (!upload.ok) {
      return { ok: false, error: { code: upload.reason, field: 'photo', message: m.admin_menu_photo_upload_failed() } };
    }
    uploaded = upload.path;
    imagePath = upload.path;
  } else if (photo === 'remove') {
    imagePath = null;
  }

  const values = { ...draft, image_path: imagePath };
  const saved = existing
    ? await updateRow<MenuItem>('menu_items', id, values)
    : await insertRow<MenuItem>('menu_items', {
        ...values,
        id,
        restaurant_id: restaurantId,
        position: request.position,
      });
  if (!saved.ok) {
    await removeItemImage(uploaded);
    return saved;
  }
  if (existing?.image_path && existing.image_path !== imagePath) await removeItemImage(existing.image_path);

  const links = await syncGroupLinks(restaurantId, id, request.currentGroupIds, request.groupIds);
  return links.ok ? saved : { ok: false, error: links.error };
}

async function syncGroupLinks(
  restaurantId: string,
  itemId: string,
  current: readonly string[],
  wanted: readonly string[],
): Promise<WriteResult> {
  const removals = current.filter((groupId) => !wanted.includes(groupId));
  const additions = wanted.flatMap((groupId, position) => (current.includes(groupId) ? [] : [{ groupId, position }]));
  const results = await Promise.all([
    ...removals.map((groupId) => unlinkGroup(itemId, groupId)),
    ...additions.map(({ groupId, position }) => linkGroup(restaurantId, itemId, groupId, position)),
  ]);
  const failed = results.find((result) => !result.ok);
  if (failed && !failed.ok) return { ok: false, error: { ...failed.error, field: 'groups' } };
  return { ok: true, value: undefined };
}

/** Deletes the row, then its photo (the row is what the menu shows; a stray photo is harmless). */
export async function deleteItem(item: MenuItem): Promise<WriteResult> {
  const result = await deleteRow('menu_items', item.id);
  if (result.ok) await removeItemImage(item.image_path);
  return result;
}
