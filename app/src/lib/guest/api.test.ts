import { describe, expect, it } from 'vitest';
import { photoUrl } from '#lib/guest/api.ts';
import { publicObjectUrl } from '#lib/supabase.ts';

describe('guest photo addresses', () => {
  it('are the staff app’s public object URLs (which a test checks against storage-js)', () => {
    for (const path of ['r1/item-1-abcd1234.webp', '/r1/plat épicé.jpg']) {
      expect(photoUrl(path)).toBe(publicObjectUrl('menu-images', path));
    }
  });
});
