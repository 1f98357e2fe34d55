import { describe, expect, it } from 'vitest';
import { setLocale } from '#paraglide/runtime.js';
import { describeKitchenFailure } from './errors.ts';

describe('describeKitchenFailure', () => {
  it('says why a cook’s parked step was refused, in the cook’s language', () => {
    setLocale('fr', { reload: false });
    const generic = describeKitchenFailure({ code: 'some_unknown_code' });
    for (const code of ['line_not_found', 'invalid_transition', 'version_conflict', 'order_closed']) {
      const sentence = describeKitchenFailure({ code });
      expect(sentence).not.toBe(generic);
      expect(sentence).not.toContain(code);
    }
    setLocale('en', { reload: false });
  });
});
