import { useQuery, useQueryClient } from '@tanstack/solid-query';
import { createEffect, createSignal, For, Show, untrack } from 'solid-js';
import { useMenuEditor } from '#components/menu/menu-context.tsx';
import { Dialog } from '#components/ui/dialog.tsx';
import { Field } from '#components/ui/field.tsx';
import { TextAreaField } from '#components/ui/text-area-field.tsx';
import type { DbFailure } from '#lib/db.ts';
import { currentLocale, localeNames } from '#lib/i18n/locale.ts';
import { describeMenuError } from '#lib/menu/errors.ts';
import {
  draftsOf,
  fetchTranslations,
  saveTranslations,
  type TranslationDrafts,
  type TranslationErrors,
  type TranslationLocale,
  type TranslationTarget,
  translationChanges,
  translationDescriptionMax,
  translationKeys,
  translationLocales,
  translationNameMax,
} from '#lib/menu/translations.ts';
import * as m from '#paraglide/messages.js';

// The translation table's own codes (supabase/migrations/20261203000200_menu_translations.sql).
const translationCodes: Record<string, () => string> = {
  invalid_translation: m.db_error_invalid_translation,
  translation_target_not_found: m.db_error_translation_target_not_found,
};

function describe(failure: DbFailure): string {
  return translationCodes[failure.code]?.() ?? describeMenuError(failure);
}

/** A language's name in the person's language ("Spanish"), else in its own ("Español"). */
function languageName(locale: TranslationLocale): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(locale) ?? localeNames[locale];
  } catch {
    return localeNames[locale];
  }
}

/**
 * A category's, item's, group's or option's name (and an item's description) in each guest
 * language. Loaded when opened, outside the menu editor's first download. An emptied language
 * goes back to the restaurant's own text.
 */
export default function TranslationsDialog(props: {
  restaurantId: string;
  target: TranslationTarget;
  onClose: (saved: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const editor = useMenuEditor();
  const key = () => translationKeys.entity(props.restaurantId, props.target.id);
  const stored = useQuery(() => ({
    queryKey: key(),
    queryFn: () => fetchTranslations(props.restaurantId, props.target.id),
  }));
  const [drafts, setDrafts] = createSignal<TranslationDrafts | null>(null);
  const [errors, setErrors] = createSignal<TranslationErrors>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  createEffect(() => {
    const rows = stored.data;
    if (rows && untrack(drafts) === null) setDrafts(draftsOf(rows));
  });
  const withDescription = () => props.target.entity === 'item';

  const edit = (locale: TranslationLocale, patch: Partial<TranslationDrafts[TranslationLocale]>) => {
    setDrafts((all) => (all ? { ...all, [locale]: { ...all[locale], ...patch } } : all));
    setErrors((all) => {
      const { [`${locale}.name` as const]: _name, [`${locale}.description` as const]: _description, ...rest } = all;
      return rest;
    });
  };
  const errorOf = (locale: TranslationLocale, field: 'name' | 'description') => {
    const error = errors()[`${locale}.${field}`];
    return error ? describeMenuError(error) : undefined;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = drafts();
    if (!current || !stored.data) return;
    setFailure(null);
    const changes = translationChanges(props.restaurantId, props.target, stored.data, current);
    if (!changes.ok) {
      setErrors(changes.errors);
      queueMicrotask(() => document.querySelector<HTMLElement>('.translations-form [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    const result = await saveTranslations(props.restaurantId, props.target.id, changes);
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: key() });
    if (!result.ok) {
      // Deleted meanwhile (another device): the editor re-reads the menu, as the message says.
      if (result.failure.code === 'translation_target_not_found') void editor.refresh();
      return setFailure(describe(result.failure));
    }
    props.onClose(true);
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose(false)}
      title={m.admin_menu_translations_title({ name: props.target.name })}
      description={m.admin_menu_translations_intro()}
    >
      <Show
        when={drafts()}
        fallback={
          <p class={stored.isError ? 'notice error' : 'loading'}>
            {stored.isError ? m.common_load_failed() : m.common_loading()}
          </p>
        }
      >
        {(current) => (
          <form class="stack translations-form" onSubmit={submit} noValidate aria-busy={busy()}>
            <For each={translationLocales}>
              {(locale) => (
                <fieldset class="stack">
                  <legend>{languageName(locale)}</legend>
                  <Field
                    id={`translation-${locale}-name`}
                    label={m.admin_menu_translation_name({ language: languageName(locale) })}
                    hint={m.admin_menu_translation_original({ text: props.target.name })}
                    lang={locale}
                    maxLength={translationNameMax}
                    value={current()[locale].name}
                    onInput={(event) => edit(locale, { name: event.currentTarget.value })}
                    error={errorOf(locale, 'name')}
                  />
                  <Show when={withDescription()}>
                    <TextAreaField
                      id={`translation-${locale}-description`}
                      label={m.admin_menu_translation_description({ language: languageName(locale) })}
                      lang={locale}
                      maxLength={translationDescriptionMax}
                      rows={2}
                      value={current()[locale].description}
                      onInput={(event) => edit(locale, { description: event.currentTarget.value })}
                      error={errorOf(locale, 'description')}
                    />
                  </Show>
                </fieldset>
              )}
            </For>
            <Show when={failure()}>
              <p class="notice error" role="alert">
                {failure()}
              </p>
            </Show>
            <div class="dialog-actions">
              <button type="button" class="secondary" onClick={() => props.onClose(false)}>
                {m.common_cancel()}
              </button>
              <button type="submit" disabled={busy()}>
                {busy() ? m.common_submitting() : m.common_save()}
              </button>
            </div>
          </form>
        )}
      </Show>
    </Dialog>
  );
}
