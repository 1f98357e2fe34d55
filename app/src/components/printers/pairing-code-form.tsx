import { type Accessor, Show } from 'solid-js';
import { NeedsConnection } from '#components/ui/needs-connection.tsx';

/** What the form last said: a refusal in red, anything else as plain status. */
export type PairingNotice = { text: string; error: boolean } | null;

/**
 * The "name it, get a code" form a device is paired with (a print bridge, a kiosk), and what it
 * last said. The parent owns the state and the request; this owns only the form's shape, so both
 * devices read and behave alike.
 */
export function PairingCodeForm(props: {
  /** Prefix for the ids tying the button to the offline sentence. */
  idPrefix: string;
  labelText: string;
  placeholder: string;
  submitText: string;
  label: Accessor<string>;
  onLabel: (value: string) => void;
  onSubmit: (event: SubmitEvent) => void;
  disabled: boolean;
  notice: Accessor<PairingNotice>;
}) {
  const offlineId = `${props.idPrefix}-offline`;
  return (
    <>
      <form class="printer-queue-line" onSubmit={(e) => props.onSubmit(e)}>
        <label>
          {props.labelText}
          <input
            value={props.label()}
            maxLength={60}
            placeholder={props.placeholder}
            onInput={(e) => props.onLabel(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={props.disabled} aria-describedby={offlineId}>
          {props.submitText}
        </button>
      </form>
      <NeedsConnection id={offlineId} />
      <Show when={props.notice()}>
        {(n) => (
          <p class="notice" classList={{ error: n().error }} role="status">
            {n().text}
          </p>
        )}
      </Show>
    </>
  );
}
