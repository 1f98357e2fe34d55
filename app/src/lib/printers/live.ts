import { printerKeys } from '#lib/printers/queries.ts';
import { queryClient } from '#lib/query.ts';
import { subscribeTopic } from '#lib/realtime/client.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';

/** Which table a print-topic message is about (broadcast_changes payloads carry it). */
export function printTopicTable(payload: unknown): string | null {
  const table = (payload as { table?: unknown } | null)?.table;
  return typeof table === 'string' ? table : null;
}

/**
 * The printers page's live view: a job change on `restaurant:<id>:print` (owners and managers may
 * join it) re-reads the queue, a printer status the bridge reported re-reads the printers; every
 * (re)join re-reads both, since messages missed meanwhile never come.
 * Call inside a component: the subscription ends with it.
 */
export function watchPrintJobs(restaurantId: string): TopicHandle {
  const jobs = () => void queryClient.invalidateQueries({ queryKey: printerKeys.jobs(restaurantId) });
  const printers = () => void queryClient.invalidateQueries({ queryKey: printerKeys.printers(restaurantId) });
  return subscribeTopic(`restaurant:${restaurantId}:print`, {
    onMessage: (_event, payload) => (printTopicTable(payload) === 'printers' ? printers() : jobs()),
    onResubscribed: () => {
      jobs();
      printers();
    },
  });
}
