import type { TablesInsert } from '#lib/database.types.ts';
import { type DbResult, read, runDb } from '#lib/db.ts';
import { type AdminFieldError, checkName } from '#lib/menu/validation.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * Menu translations (supabase/migrations/20261203000200_menu_translations.sql): a name, and for an
 * item a description, per guest language. Guests see their language where one is given and the
 * restaurant's own text otherwise; staff screens always show the own text. Owners and managers
 * write the rows directly: upsert on (entity_id, locale), delete for a language emptied again.
 */

export const translationLocales = ['en', 'fr', 'es', 'id'] as const;
export type TranslationLocale = (typeof translationLocales)[number];
export type TranslationEntity = 'category' | 'item' | 'modifier_group' | 'modifier_option';

/** The database's lengths: 1..120 for a name, at most 1000 for a description. */
export const translationNameMax = 120;
export const translationDescriptionMax = 1000;

export interface TranslationTarget {
  entity: TranslationEntity;
  id: string;
  /** The restaurant's own text, shown beside the fields. */
  name: string;
  description?: string;
}

export interface StoredTranslation {
  locale: string;
  name: string;
  description: string | null;
}

/** What the person typed for one language; an empty name means "no translation". */
export interface TranslationDraft {
  name: string;
  description: string;
}

export type TranslationDrafts = Record<TranslationLocale, TranslationDraft>;
export type TranslationErrors = Partial<Record<`${TranslationLocale}.${'name' | 'description'}`, AdminFieldError>>;

type Row = TablesInsert<'menu_translations'>;

export function draftsOf(stored: readonly StoredTranslation[]): TranslationDrafts {
  const drafts = {} as TranslationDrafts;
  for (const locale of translationLocales) {
    const row = stored.find((translation) => translation.locale === locale);
    drafts[locale] = { name: row?.name ?? '', description: row?.description ?? '' };
  }
  return drafts;
}

/**
 * What to write: a row per language with a name (only the changed ones), and the languages whose
 * stored translation was emptied. A description without a name is refused (a translation needs
 * its name), as is anything past the database's lengths.
 */
export function translationChanges(
  restaurantId: string,
  target: Pick<TranslationTarget, 'entity' | 'id'>,
  stored: readonly StoredTranslation[],
  drafts: TranslationDrafts,
): { ok: true; upserts: Row[]; deletes: TranslationLocale[] } | { ok: false; errors: TranslationErrors } {
  const errors: TranslationErrors = {};
  const upserts: Row[] = [];
  const deletes: TranslationLocale[] = [];
  const withDescription = target.entity === 'item';
  for (const locale of translationLocales) {
    const name = drafts[locale].name.trim();
    const description = withDescription ? drafts[locale].description.trim() : '';
    const before = stored.find((translation) => translation.locale === locale);
    if (name === '') {
      if (description !== '') errors[`${locale}.name`] = { code: 'required' };
      else if (before) deletes.push(locale);
      continue;
    }
    const nameError = checkName(name, translationNameMax);
    if (nameError) errors[`${locale}.name`] = nameError;
    if ([...description].length > translationDescriptionMax) {
      errors[`${locale}.description`] = { code: 'too_long', max: translationDescriptionMax };
    }
    const unchanged = before && before.name === name && (before.description ?? '') === description;
    if (!unchanged) {
      upserts.push({
        restaurant_id: restaurantId,
        entity: target.entity,
        entity_id: target.id,
        locale,
        name,
        description: description === '' ? null : description,
      });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, upserts, deletes };
}

export const translationKeys = {
  entity: (restaurantId: string, entityId: string) => ['menu-translations', restaurantId, entityId] as const,
};

export async function fetchTranslations(restaurantId: string, entityId: string): Promise<StoredTranslation[]> {
  return read(
    supabase
      .from('menu_translations')
      .select('locale, name, description')
      .eq('restaurant_id', restaurantId)
      .eq('entity_id', entityId),
  );
}

/** Writes the upserts, then the deletes; the first refusal stops and is answered. */
export async function saveTranslations(
  restaurantId: string,
  entityId: string,
  changes: { upserts: Row[]; deletes: readonly TranslationLocale[] },
): Promise<DbResult> {
  if (changes.upserts.length > 0) {
    const written = await runDb(
      supabase.from('menu_translations').upsert(changes.upserts, { onConflict: 'entity_id,locale' }),
      { write: 'menu_translations' },
    );
    if (!written.ok) return written;
  }
  if (changes.deletes.length > 0) {
    const removed = await runDb(
      supabase
        .from('menu_translations')
        .delete()
        .eq('restaurant_id', restaurantId)
        .eq('entity_id', entityId)
        .in('locale', [...changes.deletes]),
      { write: 'menu_translations' },
    );
    if (!removed.ok) return removed;
  }
  return { ok: true, data: undefined };
}
