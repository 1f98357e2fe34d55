import { printerKeys } from '#lib/printers/queries.ts';
import { queryClient } from '#lib/query.ts';
import { subscribeTopic } from '#lib/realtime/client.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';

/**
 * The printers page's live queue: any job change on `restaurant:<id>:print` (owners and managers may
 * join it) re-reads the queue, as does every (re)join, since messages missed meanwhile never come.
 * Call inside a component: the subscription ends with it.
 */
export function watchPrintJobs(restaurantId: string): TopicHandle {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: printerKeys.jobs(restaurantId) });
  return subscribeTopic(`restaurant:${restaurantId}:print`, { onMessage: refresh, onResubscribed: refresh });
}
