import { type JSX, Show, splitProps } from 'solid-js';

export interface TextAreaFieldProps extends JSX.TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  error?: string | null | undefined;
  hint?: string | undefined;
}

/** A labelled multi-line input, with hint and error tied to it like Field. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [own, area] = splitProps(props, ['id', 'label', 'error', 'hint']);
  const describedBy = () =>
    [own.hint ? `${own.id}-hint` : null, own.error ? `${own.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <textarea {...area} id={own.id} aria-invalid={own.error ? 'true' : undefined} aria-describedby={describedBy()} />
      <Show when={own.hint}>
        <p id={`${own.id}-hint`} class="field-hint">
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p id={`${own.id}-error`} class="field-error">
          {own.error}
        </p>
      </Show>
    </div>
  );
}
