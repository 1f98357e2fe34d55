import { type JSX, onMount } from 'solid-js';

/**
 * Moves focus into a form as soon as it is drawn, so a keyboard user lands in its first field. A
 * frame later: the "⋯" menu that opened the form gives focus back to its trigger when it closes.
 */
export function FocusFirstField(props: { children: JSX.Element }) {
  let box: HTMLDivElement | undefined;
  onMount(() =>
    requestAnimationFrame(() =>
      box?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus(),
    ),
  );
  return <div ref={box}>{props.children}</div>;
}
