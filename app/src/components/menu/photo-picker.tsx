import { createSignal, onCleanup, Show } from 'solid-js';
import { type EncodedImage, ImageDecodeError, resizeToWebp } from '#lib/images/resize.ts';
import { checkImageFile, type ImageFileError } from '#lib/images/validate.ts';
import { itemImageUrl } from '#lib/menu/item-image.ts';
import * as m from '#paraglide/messages.js';

export type PhotoChoice = EncodedImage | 'remove' | null;

export interface PhotoPickerProps {
  id: string;
  /** The stored photo's path, if the item has one. */
  currentPath: string | null;
  itemName: string;
  onChange: (choice: PhotoChoice) => void;
  /** An error from saving (e.g. the upload was refused). */
  error?: string | null;
  /** True while a picked photo is being resized; saving waits for it. */
  onWorking?: (working: boolean) => void;
}

function describeImageError(error: ImageFileError): string {
  switch (error.code) {
    case 'not_an_image':
      return m.admin_menu_photo_not_image();
    case 'too_large':
      return m.admin_menu_photo_too_large({ max: error.maxMb });
    case 'empty':
      return m.admin_menu_photo_empty();
  }
}

/**
 * Picks a photo: refuses non-images and 50 MB files from their type and size alone, then shrinks
 * the picture to 1200 px WebP at once (so a file that only claims to be an image is refused here,
 * and saving only uploads a few hundred kB).
 */
export function PhotoPicker(props: PhotoPickerProps) {
  const [preview, setPreview] = createSignal<string | null>(null);
  const [removed, setRemoved] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [working, setWorking] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const setPreviewUrl = (url: string | null) => {
    const old = preview();
    if (old) URL.revokeObjectURL(old);
    setPreview(url);
  };
  onCleanup(() => setPreviewUrl(null));

  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    const invalid = checkImageFile(file);
    if (invalid) {
      setError(describeImageError(invalid));
      if (input) input.value = '';
      return;
    }
    setWorking(true);
    props.onWorking?.(true);
    try {
      const encoded = await resizeToWebp(file);
      setPreviewUrl(URL.createObjectURL(encoded.blob));
      setRemoved(false);
      props.onChange(encoded);
    } catch (thrown) {
      setError(
        thrown instanceof ImageDecodeError ? m.admin_menu_photo_not_image() : m.admin_menu_photo_upload_failed(),
      );
      if (input) input.value = '';
    } finally {
      setWorking(false);
      props.onWorking?.(false);
    }
  };

  const shown = () => preview() ?? (!removed() && props.currentPath ? itemImageUrl(props.currentPath) : null);
  const shownError = () => error() ?? props.error ?? null;

  return (
    <div class="field photo-field">
      <label for={props.id}>{m.admin_menu_photo()}</label>
      <Show when={shown()}>
        {(src) => <img class="photo-preview" src={src()} alt={m.admin_menu_photo_alt({ name: props.itemName })} />}
      </Show>
      <input
        ref={input}
        id={props.id}
        type="file"
        accept="image/*"
        aria-invalid={shownError() ? 'true' : undefined}
        aria-describedby={`${props.id}-hint${shownError() ? ` ${props.id}-error` : ''}`}
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
      <p id={`${props.id}-hint`} class="field-hint">
        {working() ? m.admin_menu_photo_processing() : m.admin_menu_photo_hint()}
      </p>
      <Show when={shownError()}>
        <p id={`${props.id}-error`} class="field-error" role="alert">
          {shownError()}
        </p>
      </Show>
      <Show when={shown()}>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setPreviewUrl(null);
            setRemoved(true);
            if (input) input.value = '';
            props.onChange(props.currentPath ? 'remove' : null);
          }}
        >
          {m.admin_menu_photo_remove()}
        </button>
      </Show>
    </div>
  );
}
