import './ui.css';

/** Order states (POS, kitchen, guest tracking) and the outbox's sync states, each with a colour in tokens.css. */
export type BadgeStatus =
  | 'draft'
  | 'placed'
  | 'preparing'
  | 'ready'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'synced'
  | 'pending'
  | 'offline'
  | 'failed';

/** A state as a word on its colour: `label` is required because colour alone says nothing to many. */
export function StatusBadge(props: { status: BadgeStatus; label: string }) {
  return (
    <span class="status-badge" data-status={props.status}>
      {props.label}
    </span>
  );
}
