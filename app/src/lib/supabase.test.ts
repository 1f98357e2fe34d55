import { StorageClient } from '@supabase/storage-js';
import { describe, expect, it } from 'vitest';
import { supabaseUrl } from '#lib/env.ts';
import { publicObjectUrl, supabase } from '#lib/supabase.ts';

describe('the app client', () => {
  it('builds public photo addresses exactly as storage-js does, without loading it', () => {
    const storage = new StorageClient(`${supabaseUrl}/storage/v1`);
    for (const path of ['r1/item-1a2b3c4d.webp', 'r1/crème brûlée #2.png', '/leading/slash.jpg']) {
      expect(publicObjectUrl('menu-images', path)).toBe(storage.from('menu-images').getPublicUrl(path).data.publicUrl);
    }
  });

  it('loads storage once, on first use', async () => {
    const first = supabase.storage();
    expect(await first).toBeInstanceOf(StorageClient);
    expect(supabase.storage()).toBe(first);
  });
});
