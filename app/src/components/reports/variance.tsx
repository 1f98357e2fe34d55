import { StatusBadge } from '#components/ui/status-badge.tsx';
import * as m from '#paraglide/messages.js';

/** The drawer's variance in colour and words: balanced, short by …, over by …. */
export function Variance(props: { variance: number; money: (minor: number) => string }) {
  const status = () => (props.variance === 0 ? 'synced' : props.variance < 0 ? 'failed' : 'pending');
  const label = () =>
    props.variance === 0
      ? m.drawer_variance_balanced()
      : props.variance < 0
        ? m.drawer_variance_short({ amount: props.money(-props.variance) })
        : m.drawer_variance_over({ amount: props.money(props.variance) });
  return <StatusBadge status={status()} label={label()} />;
}
