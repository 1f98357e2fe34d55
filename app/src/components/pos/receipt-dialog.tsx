import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { Dialog } from '#components/ui/dialog.tsx';
import {
  describeReceiptPreview,
  describeReprint,
  fetchReceiptSvg,
  type ReprintDocument,
  reprintOrder,
} from '#lib/orders/receipt.ts';
import * as m from '#paraglide/messages.js';
import './receipt-dialog.css';

/**
 * An order's receipt as the printer would print it (the `receipt` edge function's SVG) and, for
 * owners and managers (reprint_order allows no one else), buttons that queue a new copy.
 * Loaded only when the cashier opens it.
 */
export default function ReceiptDialog(props: {
  orderId: string;
  number: string;
  canReprint: boolean;
  onClose: () => void;
}) {
  const [preview, { refetch }] = createResource(
    () => props.orderId,
    (id) => fetchReceiptSvg(id),
  );
  // The SVG shown as an image: nothing in it (order notes included) can run as page markup.
  const imageUrl = () => {
    const shown = preview();
    return shown?.ok ? URL.createObjectURL(new Blob([shown.svg], { type: 'image/svg+xml' })) : null;
  };
  let lastUrl: string | null = null;
  const url = () => {
    const next = imageUrl();
    if (lastUrl && lastUrl !== next) URL.revokeObjectURL(lastUrl);
    lastUrl = next;
    return next;
  };
  onCleanup(() => lastUrl && URL.revokeObjectURL(lastUrl));

  const [busy, setBusy] = createSignal(false);
  const [said, setSaid] = createSignal<{ text: string; error: boolean } | null>(null);
  const reprint = async (document: ReprintDocument) => {
    setBusy(true);
    setSaid(describeReprint(await reprintOrder(props.orderId, document)));
    setBusy(false);
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={m.pos_receipt_title({ number: props.number })}
    >
      <div class="receipt-preview">
        <Show when={!preview.loading} fallback={<p class="loading">{m.pos_receipt_loading()}</p>}>
          <Show
            when={url()}
            fallback={
              <p class="notice error" role="alert">
                {(() => {
                  const shown = preview();
                  return shown && !shown.ok ? describeReceiptPreview(shown) : m.common_load_failed();
                })()} <button type="button" class="secondary" onClick={() => void refetch()}>
                  {m.common_retry()}
                </button>
              </p>
            }
          >
            {(src) => <img src={src()} alt={m.pos_receipt_title({ number: props.number })} />}
          </Show>
        </Show>
      </div>
      <Show when={said()}>
        {(shown) => (
          <p class={shown().error ? 'notice error' : 'notice'} role={shown().error ? 'alert' : 'status'}>
            {shown().text}
          </p>
        )}
      </Show>
      <Show when={props.canReprint}>
        <div class="actions receipt-reprint">
          <button type="button" disabled={busy()} onClick={() => void reprint('receipt')}>
            {m.pos_reprint_receipt()}
          </button>
          <button type="button" class="secondary" disabled={busy()} onClick={() => void reprint('kitchen_ticket')}>
            {m.pos_reprint_kitchen()}
          </button>
        </div>
      </Show>
      <div class="dialog-actions">
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {m.common_close()}
        </button>
      </div>
    </Dialog>
  );
}
