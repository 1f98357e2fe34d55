import { type JSX, Show, splitProps } from 'solid-js';

export interface FieldProps extends JSX.InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** Shown under the input and announced with it; marks the input invalid. */
  error?: string | null | undefined;
  hint?: string | undefined;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field(props: FieldProps) {
  const [own, input] = splitProps(props, ['id', 'label', 'error', 'hint']);
  const describedBy = () =>
    [own.hint ? `${own.id}-hint` : null, own.error ? `${own.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <input {...input} id={own.id} aria-invalid={own.error ? 'true' : undefined} aria-describedby={describedBy()} />
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
