import { describe, expect, it } from 'vitest';
import { describeGuestFailure, limitOf } from '#lib/guest/errors.ts';
import { changeLocale } from '#lib/i18n/locale.ts';
import * as m from '#paraglide/messages.js';

describe('guest error messages', () => {
  it('says a limit with its number from the error details', () => {
    changeLocale('en');
    const failure = { code: 'guest_order_limit', transient: false, detail: '{"limit": 5}' };
    expect(limitOf(failure)).toBe(5);
    expect(describeGuestFailure(failure)).toBe(m.guest_error_order_limit({ limit: 5 }));
    expect(describeGuestFailure(failure)).toContain('5');
  });

  it('reads too_many_lines {max} and answers in the chosen language', () => {
    changeLocale('es');
    const text = describeGuestFailure({ code: 'too_many_lines', transient: false, detail: '{"max": 30}' });
    expect(text).toBe(m.guest_error_too_many_lines({ limit: 30 }, { locale: 'es' }));
    expect(text).toContain('30');
    changeLocale('en');
  });

  it('never shows a code: unknown refusals and network failures get sentences', () => {
    expect(describeGuestFailure({ code: 'table_not_found', transient: false })).toBe(m.guest_invalid_title());
    expect(describeGuestFailure({ code: 'something_new', transient: false })).toBe(m.guest_error_generic());
    expect(describeGuestFailure({ code: 'http_503', transient: true })).toBe(m.guest_error_network());
    expect(limitOf({ detail: 'not json' })).toBe(0);
  });
});
