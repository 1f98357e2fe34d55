/**
 * Phoenix channel frames as @supabase/realtime-js speaks them (contract §2.1).
 *
 * vsn 2.0.0: text frames are JSON arrays `[join_ref, ref, topic, event, payload]`; the client sends
 * every broadcast as binary kind 3 and accepts binary kind 4 back. vsn 1.0.0: JSON objects.
 */

export type Vsn = '1.0.0' | '2.0.0';

export interface PhxMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/**
 * A client broadcast whose user payload is raw bytes (kind 3, encoding 0): it must stay bytes.
 * `meta` holds the frame metadata (only `persist` today, which replay would use; kept for that).
 */
export interface BinaryBroadcast {
  event: string;
  bytes: Buffer;
  meta: Record<string, unknown> | null;
}

export type DecodedFrame =
  | { ok: true; message: PhxMessage; binary: BinaryBroadcast | null }
  /** `refs` is whatever could be read before the frame turned out bad, so the error can be replied. */
  | { ok: false; reason: string; refs: { joinRef: string | null; ref: string | null; topic: string } | null };

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;
const ENCODING_BINARY = 0;
const ENCODING_JSON = 1;
const KIND3_HEADER_LENGTH = 7;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseVsn(value: string | null): Vsn | null {
  if (value === null || value === '' || value === '2.0.0') return '2.0.0';
  if (value === '1.0.0') return '1.0.0';
  return null;
}

function refOf(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function bad(reason: string, refs: { joinRef: string | null; ref: string | null; topic: string } | null = null) {
  return { ok: false as const, reason, refs };
}

function fromParts(joinRef: unknown, ref: unknown, topic: unknown, event: unknown, payload: unknown): DecodedFrame {
  const jr = refOf(joinRef);
  const r = refOf(ref);
  if (jr === undefined || r === undefined || typeof topic !== 'string') {
    return bad('malformed frame: join_ref, ref and topic must be strings or null');
  }
  const refs = { joinRef: jr, ref: r, topic };
  if (typeof event !== 'string' || event === '') return bad('malformed frame: event must be a string', refs);
  if (payload === null || typeof payload !== 'object') return bad('malformed frame: payload must be an object', refs);
  return { ok: true, message: { joinRef: jr, ref: r, topic, event, payload }, binary: null };
}

/** Reads one text frame; never throws. */
export function decodeText(text: string, vsn: Vsn): DecodedFrame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad('malformed frame: not JSON');
  }
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) return bad('malformed frame: expected a 5-element array');
    const [joinRef, ref, topic, event, payload] = parsed;
    return fromParts(joinRef, ref, topic, event, payload);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return bad('malformed frame: expected an object');
  }
  const o = parsed as Record<string, unknown>;
  return fromParts(o.join_ref, o.ref, o.topic, o.event, o.payload);
}

/**
 * Reads one binary frame (vsn 2 only). Kind 3 layout:
 * `[3][joinRefLen][refLen][topicLen][eventLen][metaLen][encoding]` + join_ref, ref, topic, event, meta, payload.
 */
export function decodeBinary(buf: Buffer): DecodedFrame {
  if (buf.length < 1) return bad('malformed frame: empty binary frame');
  if (buf[0] !== KIND_USER_BROADCAST_PUSH) return bad(`malformed frame: unsupported binary kind ${buf[0]}`);
  if (buf.length < KIND3_HEADER_LENGTH) return bad('malformed frame: truncated binary header');
  const lengths = [buf[1], buf[2], buf[3], buf[4], buf[5]] as number[];
  const encoding = buf[6];
  const headerEnd = KIND3_HEADER_LENGTH + lengths.reduce((a, b) => a + b, 0);
  if (buf.length < headerEnd) return bad('malformed frame: truncated binary frame');
  const fields: string[] = [];
  let offset = KIND3_HEADER_LENGTH;
  try {
    for (const len of lengths) {
      fields.push(utf8.decode(buf.subarray(offset, offset + len)));
      offset += len;
    }
  } catch {
    return bad('malformed frame: header fields must be UTF-8');
  }
  const [joinRef, ref, topic, event, metaText] = fields as [string, string, string, string, string];
  const refs = { joinRef: joinRef || null, ref: ref || null, topic };
  if (event === '') return bad('malformed frame: broadcast event is empty', refs);
  let meta: Record<string, unknown> | null = null;
  if (metaText !== '') {
    try {
      const m = JSON.parse(metaText);
      if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new Error('not an object');
      meta = m as Record<string, unknown>;
    } catch {
      return bad('malformed frame: broadcast metadata must be a JSON object', refs);
    }
  }
  const body = buf.subarray(headerEnd);
  if (encoding === ENCODING_JSON) {
    let payload: unknown;
    try {
      payload = JSON.parse(utf8.decode(body));
    } catch {
      return bad('malformed frame: broadcast payload is not JSON', refs);
    }
    return {
      ok: true,
      message: { ...refs, event: 'broadcast', payload: { type: 'broadcast', event, payload } },
      binary: null,
    };
  }
  if (encoding === ENCODING_BINARY) {
    const bytes = Buffer.from(body);
    return {
      ok: true,
      message: { ...refs, event: 'broadcast', payload: { type: 'broadcast', event } },
      binary: { event, bytes, meta },
    };
  }
  return bad(`malformed frame: unknown payload encoding ${encoding}`, refs);
}

/** One outgoing text frame in the socket's vsn. */
export function encodeText(m: PhxMessage, vsn: Vsn): string {
  if (vsn === '2.0.0') return JSON.stringify([m.joinRef, m.ref, m.topic, m.event, m.payload]);
  return JSON.stringify({ topic: m.topic, event: m.event, payload: m.payload, ref: m.ref, join_ref: m.joinRef });
}

/**
 * Server→client kind 4: `[4][topicLen][eventLen][metaLen][encoding]` + topic, event, meta, payload.
 * Used only for raw-byte payloads; JSON broadcasts go out as text, which every client version reads.
 */
export function encodeBinaryBroadcast(topic: string, event: string, bytes: Buffer, meta: object | null): Buffer {
  const t = Buffer.from(topic, 'utf8');
  const e = Buffer.from(event, 'utf8');
  const m = Buffer.from(meta && Object.keys(meta).length > 0 ? JSON.stringify(meta) : '', 'utf8');
  if (t.length > 255 || e.length > 255 || m.length > 255) throw new RangeError('binary broadcast header too long');
  const header = Buffer.from([KIND_USER_BROADCAST, t.length, e.length, m.length, ENCODING_BINARY]);
  return Buffer.concat([header, t, e, m, bytes]);
}

/** Whether an outgoing header would fit kind 4's uint8 lengths. */
export function fitsBinaryHeader(topic: string, event: string): boolean {
  return Buffer.byteLength(topic) <= 255 && Buffer.byteLength(event) <= 255;
}
