import { type JSX, splitProps } from 'solid-js';
import { describedBy, type FieldChrome, FieldFrame, fieldChromeKeys, invalid } from '#components/ui/field.tsx';

export interface TextAreaFieldProps extends FieldChrome, Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

/** A labelled multi-line input, with hint and error tied to it like Field. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [own, area] = splitProps(props, fieldChromeKeys);
  return (
    <FieldFrame {...own}>
      <textarea {...area} id={own.id} aria-invalid={invalid(own)} aria-describedby={describedBy(own)} />
    </FieldFrame>
  );
}
