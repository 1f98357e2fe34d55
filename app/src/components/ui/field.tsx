import { type JSX, Show, splitProps } from 'solid-js';

/** What every labelled control shares: its id, label, hint and error. */
export interface FieldChrome {
  id: string;
  label: string;
  /** Shown under the control and announced with it; marks the control invalid. */
  error?: string | null | undefined;
  hint?: string | undefined;
}

export const fieldChromeKeys = ['id', 'label', 'error', 'hint'] as const;

/** The ids of the hint and error a control is described by, for screen readers. */
export const describedBy = (own: FieldChrome) =>
  [own.hint ? `${own.id}-hint` : null, own.error ? `${own.id}-error` : null].filter(Boolean).join(' ') || undefined;

export const invalid = (own: FieldChrome) => (own.error ? 'true' : undefined);

/** Label above, hint and error below, around any control. */
export function FieldFrame(props: FieldChrome & { children: JSX.Element }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

export interface FieldProps extends FieldChrome, Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id'> {}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field(props: FieldProps) {
  const [own, input] = splitProps(props, fieldChromeKeys);
  return (
    <FieldFrame {...own}>
      <input {...input} id={own.id} aria-invalid={invalid(own)} aria-describedby={describedBy(own)} />
    </FieldFrame>
  );
}
