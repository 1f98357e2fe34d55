import { allOk, type DbResult } from '#lib/db.ts';
import type { EncodedImage } from '#lib/images/resize.ts';
import { addItem, deleteItemRow, linkGroup, unlinkGroup, updateItem } from '#lib/menu/commands.ts';
import { removeItemImage, uploadItemImage } from '#lib/menu/item-image.ts';
import type { MenuItem } from '#lib/menu/types.ts';

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
export async function saveItem(request: SaveItemRequest): Promise<DbResult<MenuItem>> {
  const { restaurantId, existing, draft, photo } = request;
  const id = existing?.id ?? crypto.randomUUID();
  let imagePath = existing?.image_path ?? null;
  let uploaded: string | null = null;
  if (photo !== null && photo !== 'remove') {
    const upload = await uploadItemImage(restaurantId, id, photo);
    if (!upload.ok) {
      const failure = { transient: false, code: upload.reason, message: upload.detail ?? '', field: 'photo' };
      return { ok: false, failure };
    }
    uploaded = upload.path;
    imagePath = upload.path;
  } else if (photo === 'remove') {
    imagePath = null;
  }

  const values = { ...draft, image_path: imagePath };
  const saved = existing
    ? await updateItem(id, values)
    : await addItem({
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
  return links.ok ? saved : links;
}

async function syncGroupLinks(
  restaurantId: string,
  itemId: string,
  current: readonly string[],
  wanted: readonly string[],
): Promise<DbResult> {
  const removals = current.filter((groupId) => !wanted.includes(groupId));
  const additions = wanted.flatMap((groupId, position) => (current.includes(groupId) ? [] : [{ groupId, position }]));
  const result = await allOk([
    ...removals.map((groupId) => unlinkGroup(itemId, groupId)),
    ...additions.map(({ groupId, position }) => linkGroup(restaurantId, itemId, groupId, position)),
  ]);
  return result.ok ? result : { ok: false, failure: { ...result.failure, field: 'groups' } };
}

/** Deletes the row, then its photo (the row is what the menu shows; a stray photo is harmless). */
export async function deleteItem(item: MenuItem): Promise<DbResult> {
  const result = await deleteItemRow(item.id);
  if (result.ok) await removeItemImage(item.image_path);
  return result;
}
