import { resultFromResponse, type SupabaseResponseLike } from '#lib/outbox/classify.ts';
import type { Executor } from '#lib/outbox/types.ts';

/** What the executor needs from a supabase-js client; typed loosely until the RPCs exist. */
export interface RpcClient {
  rpc(fn: string, args: Record<string, unknown>): PromiseLike<SupabaseResponseLike>;
}

/**
 * Sends a command as `rpc(kind, payload)`. Each RPC takes the command's UUID among its arguments
 * (the payload builder puts it there, e.g. `p_order_id`) and treats a repeat as already done,
 * which is what makes replaying after a lost reply safe.
 */
export function rpcExecutor(client: RpcClient): Executor {
  return async (command) =>
    resultFromResponse(await client.rpc(command.kind, command.payload as Record<string, unknown>));
}
