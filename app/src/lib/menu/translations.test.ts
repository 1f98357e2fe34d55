import { describe, expect, it } from 'vitest';
import { draftsOf, type TranslationDrafts, translationChanges } from './translations.ts';

const restaurantId = 'r';
const item = { entity: 'item' as const, id: 'i' };
const empty = (): TranslationDrafts => draftsOf([]);

describe('translationChanges', () => {
  it('writes the languages given, trimmed, and nothing for those left empty', () => {
    const drafts = empty();
    drafts.en = { name: '  Grilled fish ', description: ' With attiéké ' };
    drafts.es = { name: 'Pescado', description: '' };
    expect(translationChanges(restaurantId, item, [], drafts)).toEqual({
      ok: true,
      upserts: [
        {
          restaurant_id: 'r',
          entity: 'item',
          entity_id: 'i',
          locale: 'en',
          name: 'Grilled fish',
          description: 'With attiéké',
        },
        { restaurant_id: 'r', entity: 'item', entity_id: 'i', locale: 'es', name: 'Pescado', description: null },
      ],
      deletes: [],
    });
  });

  it('deletes a stored language emptied again and leaves unchanged ones alone', () => {
    const stored = [
      { locale: 'en', name: 'Fish', description: null },
      { locale: 'fr', name: 'Poisson', description: 'Braisé' },
    ];
    const drafts = draftsOf(stored);
    expect(drafts.fr).toEqual({ name: 'Poisson', description: 'Braisé' });
    drafts.en = { name: '', description: '' };
    expect(translationChanges(restaurantId, item, stored, drafts)).toEqual({ ok: true, upserts: [], deletes: ['en'] });
  });

  it('refuses a description without a name and text past the database lengths', () => {
    const drafts = empty();
    drafts.fr = { name: '', description: 'Sans nom' };
    drafts.id = { name: 'x'.repeat(121), description: 'y'.repeat(1001) };
    expect(translationChanges(restaurantId, item, [], drafts)).toEqual({
      ok: false,
      errors: {
        'fr.name': { code: 'required' },
        'id.name': { code: 'too_long', max: 120 },
        'id.description': { code: 'too_long', max: 1000 },
      },
    });
  });

  it('ignores descriptions for what has none (categories, groups, options)', () => {
    const drafts = empty();
    drafts.en = { name: 'Drinks', description: 'stale text from nowhere' };
    const result = translationChanges(restaurantId, { entity: 'category', id: 'c' }, [], drafts);
    expect(result.ok && result.upserts).toEqual([
      { restaurant_id: 'r', entity: 'category', entity_id: 'c', locale: 'en', name: 'Drinks', description: null },
    ]);
  });
});
