/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Returns whether storage is
 * persistent, or null where the browser cannot say. Browsers often grant it only to installed
 * PWAs, so the UI shows a hint when it is refused rather than treating it as an error.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}
