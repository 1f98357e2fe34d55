import type { AcknowledgeServiceRequestPayload } from '#lib/guest-inbox/commands.ts';
import type { KioskPlaceOrderPayload } from '#lib/kiosk/commands.ts';
import { type SetLineStatusPayload, sendSetLineStatus } from '#lib/kitchen/commands.ts';
import { sendRowUpdate, type UpdateRowPayload } from '#lib/menu/availability-command.ts';
import {
  type AddOrderRoundPayload,
  type PlaceOrderPayload,
  sendAddOrderRound,
  sendPlaceOrder,
  sendTransitionOrder,
  type TransitionOrderPayload,
} from '#lib/orders/commands.ts';
import type { ExecutionResult, Executor } from '#lib/outbox/types.ts';
import type {
  ApplyDiscountPayload,
  RecordPaymentPayload,
  RefundPaymentPayload,
  RemoveDiscountPayload,
} from '#lib/payments/commands.ts';
import type { CloseShiftPayload, OpenShiftPayload, RecordCashMovementPayload } from '#lib/shifts/commands.ts';

/**
 * The offline commands: each kind the app may put in the outbox, with its payload type and how it
 * is sent. `lib/sync.ts` builds the outbox's executor from this registry, and `outbox.enqueue` is
 * type-checked against it (an unknown kind, or a payload of the wrong shape, does not compile).
 *
 * To add a command (say the POS's `place_order`):
 *   1. In the domain's `commands.ts`, write its payload type and its sender, e.g.
 *        export type PlaceOrderPayload = Database['public']['Functions']['place_order']['Args'];
 *        export const sendPlaceOrder = async (payload: PlaceOrderPayload) =>
 *          resultFromResponse(await supabase.rpc('place_order', payload));
 *      The payload must carry the command's UUID (the RPC's idempotency key, e.g. `p_order_id`) and
 *      the RPC must treat a repeat as already done: a reply lost offline means it is sent again.
 *   2. Add one entry below: `place_order: command(sendPlaceOrder),`.
 *   3. Enqueue it where the person acts: `await outbox.enqueue('place_order', payload)`; catch
 *      OutboxStorageError (the device could not store it) and tell the person.
 * Kinds are stored in IndexedDB with the payload: never rename one, and keep reading old payloads.
 */
export const commandRegistry = {
  /** An availability switch in the menu editor (`menu_items` / `modifier_options`), offline-capable. */
  update_row: command<UpdateRowPayload>(sendRowUpdate),
  /** The POS places an order (lib/orders/commands.ts); the command id is the order id. */
  place_order: command<PlaceOrderPayload>(sendPlaceOrder),
  /** More lines for a table's open order; the command id is the round id. */
  add_order_round: command<AddOrderRoundPayload>(sendAddOrderRound),
  /** An order's status (start, ready, recall, complete, cancel), guarded by its version. */
  transition_order: command<TransitionOrderPayload>(sendTransitionOrder),
  /** The kitchen bumps one line (or takes the bump back), guarded by the line's version. */
  set_line_status: command<SetLineStatusPayload>(sendSetLineStatus),
  // The drawer's senders load on first send, not with the shell every screen downloads (the
  // service worker precaches the chunk, so they load offline too).
  /** The POS opens this device's drawer with a float (lib/shifts/commands.ts); the command id is the shift id. */
  open_shift: command<OpenShiftPayload>(async (payload) => (await shifts()).sendOpenShift(payload)),
  /** Cash put in or taken out of the drawer with a reason; the command id is the movement id. */
  record_cash_movement: command<RecordCashMovementPayload>(async (payload) =>
    (await shifts()).sendRecordCashMovement(payload),
  ),
  /** The drawer closed with the counted cash (and a reason for a variance); answers the Z report. */
  close_shift: command<CloseShiftPayload>(async (payload) => (await shifts()).sendCloseShift(payload)),
  // The checkout's senders load on first send, not with the shell every screen downloads (the
  // service worker precaches the chunk, so they load offline too).
  /** A payment on an order (lib/payments/commands.ts); the command id is the payment id. */
  record_payment: command<RecordPaymentPayload>(async (payload) => (await payments()).sendRecordPayment(payload)),
  /** A refund of (part of) a payment, with a reason; the command id is the refund's payment id. */
  refund_payment: command<RefundPaymentPayload>(async (payload) => (await payments()).sendRefundPayment(payload)),
  /** A discount on an order or one of its lines, with a reason; the command id is the discount id. */
  apply_discount: command<ApplyDiscountPayload>(async (payload) => (await payments()).sendApplyDiscount(payload)),
  /** A discount taken back; the command id is a new UUID, the payload names the discount. */
  remove_discount: command<RemoveDiscountPayload>(async (payload) => (await payments()).sendRemoveDiscount(payload)),
  // The guest inbox's sender loads on first send, like the checkout's.
  /** A guest's waiter call or bill request marked done (lib/guest-inbox/commands.ts); idempotent by request id. */
  acknowledge_service_request: command<AcknowledgeServiceRequestPayload>(async (payload) =>
    (await guestInbox()).sendAcknowledgeServiceRequest(payload),
  ),
  // The kiosk's sender loads on first send, like the checkout's (a kiosk tablet sends nothing else).
  /** A self-order kiosk's order (lib/kiosk/commands.ts); the command id is the order id. */
  kiosk_place_order: command<KioskPlaceOrderPayload>(async (payload) => (await kiosk()).sendKioskPlaceOrder(payload)),
};

const payments = () => import('#lib/payments/commands.ts');

const shifts = () => import('#lib/shifts/commands.ts');

const guestInbox = () => import('#lib/guest-inbox/commands.ts');

const kiosk = () => import('#lib/kiosk/commands.ts');

/** One command kind: its sender, which answers a verdict rather than throwing for refusals. */
export interface CommandDefinition<Payload> {
  send(payload: Payload): Promise<ExecutionResult>;
}

function command<Payload>(send: (payload: Payload) => Promise<ExecutionResult>): CommandDefinition<Payload> {
  return { send };
}

type Registry = Record<string, CommandDefinition<never>>;

/** Kind → payload type, as `Outbox<CommandPayloads>` checks `enqueue` against. */
export type PayloadsOf<R extends Registry> = {
  [K in keyof R]: R[K] extends CommandDefinition<infer Payload> ? Payload : never;
};
export type CommandPayloads = PayloadsOf<typeof commandRegistry>;
export type CommandKind = keyof CommandPayloads;

/**
 * The outbox's executor: looks the stored command's kind up in the registry. A kind this build
 * does not know (stored by another version of the app) is parked for a person, never guessed at.
 */
export function executorFor(registry: Registry): Executor {
  return async (command) => {
    const definition = Object.hasOwn(registry, command.kind) ? registry[command.kind] : undefined;
    if (!definition) {
      return { ok: false, failure: { transient: false, code: 'unknown_command', message: command.kind } };
    }
    // The payload was type-checked against this kind when it was enqueued.
    return (definition as CommandDefinition<unknown>).send(command.payload);
  };
}
