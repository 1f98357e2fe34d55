/**
 * Buffers a request body of at most `cap` bytes, or returns null when it is larger, so each service
 * can answer in its own error shape. Past the cap the body is still drained up to `drainCeiling`:
 * a client that is still sending then reads the error instead of a reset connection.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  drainCeiling = cap,
): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > drainCeiling) {
      await reader.cancel().catch(() => {});
      break;
    }
    if (total <= cap) chunks.push(value);
  }
  return total > cap ? null : Buffer.concat(chunks);
}
