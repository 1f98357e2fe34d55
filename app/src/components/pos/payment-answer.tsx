import { Show } from 'solid-js';
import * as m from '#paraglide/messages.js';

/** What the screen says after a payment: taken (sent or not yet), the change to give, or the refusal. */
export interface PaymentAnswer {
  text: string;
  error: boolean;
  /** Cash: what to give back, shown large. */
  change?: string;
}

export function PaymentAnswerNotice(props: { answer: PaymentAnswer }) {
  return (
    <div
      class={props.answer.error ? 'notice error' : 'notice pay-answer'}
      role={props.answer.error ? 'alert' : 'status'}
    >
      <p>{props.answer.text}</p>
      <Show when={props.answer.change}>
        {(change) => (
          <p class="pay-answer-change">
            {m.pay_give_change()} <strong>{change()}</strong>
          </p>
        )}
      </Show>
    </div>
  );
}
