import { StorageClient } from '@supabase/storage-js';
import { describe, expect, it } from 'vitest';
import { supabaseUrl } from '#lib/env.ts';
import { photoUrl } from '#lib/guest/api.ts';
import { publicObjectUrl } from '#lib/supabase.ts';

describe('guest photo addresses', () => {
  it('are the staff app’s public object URLs (which a test checks against storage-js)', () => {
    for (const path of ['r1/item-1-abcd1234.webp', '/r1/plat épicé.jpg']) {
      expect(photoUrl(path)).toBe(publicObjectUrl('menu-images', path));
    }
  });

  it('ask Storage for a thumbnail at twice the box, as storage-js builds a transformed public URL', () => {
    const bucket = new StorageClient(`${supabaseUrl}/storage/v1`).from('menu-images');
    for (const path of ['r1/item-1-abcd1234.webp', '/r1/plat épicé.jpg']) {
      const expected = bucket.getPublicUrl(path, { transform: { width: 176, height: 176, resize: 'cover' } });
      expect(photoUrl(path, { width: 88, height: 88 })).toBe(expected.data.publicUrl);
    }
  });
});
