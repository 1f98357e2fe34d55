import type { OrderLine, OrderWithLines } from '#lib/orders/queries.ts';
import { outbox } from '#lib/sync.ts';
import type { KitchenFeed } from './feed.ts';
import { isOpenLine, type Ticket } from './tickets.ts';

/**
 * What a cook's taps send, all through the outbox (durable offline, parked with the database's
 * message when refused). Each shows at once on this screen (the feed's guess).
 * Rejects with OutboxStorageError when the device cannot store the command.
 */

/** placed → preparing. */
export async function startTicket(feed: KitchenFeed, order: OrderWithLines): Promise<void> {
  await outbox.enqueue('transition_order', {
    p_order_id: order.id,
    p_to: 'preparing',
    p_expected_version: order.version,
  });
  feed.guessOrder(order.id, 'preparing');
}

/** One line done, or a done line back to preparing (undo); the order's last line makes it ready. */
export async function toggleLine(feed: KitchenFeed, order: OrderWithLines, line: OrderLine): Promise<void> {
  const to = isOpenLine(line) ? 'ready' : 'preparing';
  await outbox.enqueue('set_line_status', { p_line_id: line.id, p_status: to, p_expected_version: line.version });
  feed.guessLine(line.id, to);
  const othersOpen = order.lines.some((other) => other.id !== line.id && isOpenLine(other));
  if (to === 'ready' && !othersOpen && order.status === 'preparing') {
    // Line steps leave the order's version alone, so the order's is still the one seen.
    await outbox.enqueue('transition_order', {
      p_order_id: order.id,
      p_to: 'ready',
      p_expected_version: order.version,
    });
    feed.guessOrder(order.id, 'ready');
  }
}

/**
 * The ticket done. When it holds every line still to cook on the order, the order becomes ready
 * (the pass and the board see it); a round while an earlier one still cooks, or one station's part
 * of the order, bumps its lines only.
 */
export async function bumpTicket(feed: KitchenFeed, ticket: Ticket): Promise<void> {
  const order = ticket.order;
  const open = ticket.lines.filter(isOpenLine);
  const elsewhere = order.lines.some((line) => isOpenLine(line) && !ticket.lines.includes(line));
  if (!elsewhere && order.status === 'preparing') {
    await outbox.enqueue('transition_order', {
      p_order_id: order.id,
      p_to: 'ready',
      p_expected_version: order.version,
    });
    feed.guessOrder(order.id, 'ready');
    return;
  }
  for (const line of open) {
    await outbox.enqueue('set_line_status', {
      p_line_id: line.id,
      p_status: 'ready',
      p_expected_version: line.version,
    });
    feed.guessLine(line.id, 'ready');
  }
}

/** A bumped (ready) order back on the rail: ready → preparing. */
export async function recallOrder(feed: KitchenFeed, order: OrderWithLines): Promise<void> {
  await outbox.enqueue('transition_order', {
    p_order_id: order.id,
    p_to: 'preparing',
    p_expected_version: order.version,
  });
  feed.guessOrder(order.id, 'preparing');
}
