import { describe, expect, it } from 'vitest';
import { fitWithin } from '#lib/images/resize.ts';
import { checkImageFile, maxSourceImageBytes } from '#lib/images/validate.ts';

describe('checkImageFile', () => {
  it('accepts ordinary photos', () => {
    expect(checkImageFile({ type: 'image/jpeg', size: 4_000_000 })).toBeNull();
    expect(checkImageFile({ type: 'image/png', size: 1 })).toBeNull();
  });

  it('refuses files that are not images, including SVG', () => {
    expect(checkImageFile({ type: 'application/pdf', size: 1000 })).toEqual({ code: 'not_an_image' });
    expect(checkImageFile({ type: '', size: 1000 })).toEqual({ code: 'not_an_image' });
    expect(checkImageFile({ type: 'image/svg+xml', size: 1000 })).toEqual({ code: 'not_an_image' });
  });

  it('refuses 50 MB and more, and empty files', () => {
    expect(checkImageFile({ type: 'image/jpeg', size: maxSourceImageBytes })).toEqual({ code: 'too_large', maxMb: 50 });
    expect(checkImageFile({ type: 'image/jpeg', size: 50 * 1024 * 1024 })).toEqual({ code: 'too_large', maxMb: 50 });
    expect(checkImageFile({ type: 'image/jpeg', size: maxSourceImageBytes - 1 })).toBeNull();
    expect(checkImageFile({ type: 'image/jpeg', size: 0 })).toEqual({ code: 'empty' });
  });
});

describe('fitWithin', () => {
  it('scales the longest side down to 1200 px keeping proportions', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1200, height: 900 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 900, height: 1200 });
  });

  it('never upscales small pictures', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('keeps at least one pixel on a very thin picture', () => {
    expect(fitWithin(100_000, 10)).toEqual({ width: 1200, height: 1 });
  });
});
