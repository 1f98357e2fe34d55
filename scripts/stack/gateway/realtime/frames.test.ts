import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, encodeBinaryBroadcast, encodeText, parseVsn } from './frames.ts';

/** Kind 3 exactly as realtime-js's serializer lays it out. */
function kind3(
  fields: { joinRef: string; ref: string; topic: string; event: string; meta: string },
  body: Buffer,
  enc = 1,
) {
  const parts = [fields.joinRef, fields.ref, fields.topic, fields.event, fields.meta].map((f) => Buffer.from(f));
  return Buffer.concat([Buffer.from([3, ...parts.map((p) => p.length), enc]), ...parts, body]);
}

describe('vsn 2.0.0 text frames', () => {
  it('reads the array form and writes it back', () => {
    const f = decodeText('["1","2","realtime:room","phx_join",{"config":{}}]', '2.0.0');
    expect(f).toEqual({
      ok: true,
      message: { joinRef: '1', ref: '2', topic: 'realtime:room', event: 'phx_join', payload: { config: {} } },
      binary: null,
    });
    expect(encodeText({ joinRef: null, ref: '7', topic: 'phoenix', event: 'phx_reply', payload: {} }, '2.0.0')).toBe(
      '[null,"7","phoenix","phx_reply",{}]',
    );
  });

  it('refuses malformed and truncated frames with a reason, never throwing', () => {
    expect(decodeText('["1","2","t"', '2.0.0')).toMatchObject({ ok: false, refs: null });
    expect(decodeText('{"a":1}', '2.0.0')).toMatchObject({ ok: false, reason: expect.stringContaining('array') });
    expect(decodeText('["1","2","t","e","x"]', '2.0.0')).toMatchObject({
      ok: false,
      refs: { joinRef: '1', ref: '2', topic: 't' },
    });
    expect(decodeText('[1.5e400,{},"t","e",{}]', '2.0.0')).toMatchObject({ ok: false });
  });
});

describe('vsn 1.0.0 object frames', () => {
  it('round-trips the object form', () => {
    const f = decodeText('{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"3","join_ref":null}', '1.0.0');
    expect(f).toMatchObject({ ok: true, message: { topic: 'phoenix', event: 'heartbeat', ref: '3', joinRef: null } });
    const text = encodeText({ joinRef: '1', ref: '1', topic: 't', event: 'phx_close', payload: {} }, '1.0.0');
    expect(JSON.parse(text)).toEqual({ topic: 't', event: 'phx_close', payload: {}, ref: '1', join_ref: '1' });
  });
});

describe('binary kind 3 (client → server)', () => {
  it('decodes the captured frame from realtime-js', () => {
    const buf = Buffer.concat([Buffer.from([3, 1, 1, 14, 1, 0, 1]), Buffer.from('67realtime:room1e{"x":1}')]);
    expect(decodeBinary(buf)).toEqual({
      ok: true,
      message: {
        joinRef: '6',
        ref: '7',
        topic: 'realtime:room1',
        event: 'broadcast',
        payload: { type: 'broadcast', event: 'e', payload: { x: 1 } },
      },
      binary: null,
    });
  });

  it('keeps raw-byte payloads as bytes and reads metadata', () => {
    const f = decodeBinary(
      kind3(
        { joinRef: '1', ref: '', topic: 'realtime:r', event: 'ev', meta: '{"persist":true}' },
        Buffer.from([0, 255]),
        0,
      ),
    );
    expect(f.ok && f.binary).toEqual({ event: 'ev', bytes: Buffer.from([0, 255]), meta: { persist: true } });
    expect(f.ok && f.message.ref).toBeNull();
  });

  it('refuses truncated headers, bad JSON, bad UTF-8 and unknown kinds', () => {
    const good = kind3({ joinRef: '1', ref: '2', topic: 'realtime:r', event: 'e', meta: '' }, Buffer.from('{}'));
    expect(decodeBinary(good.subarray(0, 5))).toMatchObject({ ok: false });
    expect(decodeBinary(good.subarray(0, 12))).toMatchObject({ ok: false });
    expect(
      decodeBinary(kind3({ joinRef: '1', ref: '2', topic: 't', event: 'e', meta: '' }, Buffer.from('{'))),
    ).toMatchObject({ ok: false, refs: { ref: '2' } });
    const badUtf8 = Buffer.from([3, 1, 1, 1, 1, 0, 1, 0x31, 0x32, 0xff, 0x65]);
    expect(decodeBinary(badUtf8)).toMatchObject({ ok: false });
    expect(decodeBinary(Buffer.from([4, 0, 0, 0, 1]))).toMatchObject({ ok: false });
    expect(decodeBinary(Buffer.alloc(0))).toMatchObject({ ok: false });
    expect(
      decodeBinary(kind3({ joinRef: '1', ref: '2', topic: 't', event: 'e', meta: '' }, Buffer.from('{}'), 9)),
    ).toMatchObject({ ok: false });
  });
});

describe('binary kind 4 (server → client)', () => {
  it('lays out topic, event, metadata and payload as realtime-js decodes them', () => {
    const buf = encodeBinaryBroadcast('realtime:r', 'ev', Buffer.from([1, 2]), { id: 'x' });
    const meta = Buffer.from('{"id":"x"}');
    expect(buf.subarray(0, 5)).toEqual(Buffer.from([4, 10, 2, meta.length, 0]));
    expect(buf.subarray(5).toString('latin1')).toBe(`realtime:rev${meta.toString()}\u0001\u0002`);
  });
});

describe('vsn query parameter', () => {
  it('defaults to 2.0.0 and refuses unknown versions', () => {
    expect(parseVsn(null)).toBe('2.0.0');
    expect(parseVsn('1.0.0')).toBe('1.0.0');
    expect(parseVsn('3.0.0')).toBeNull();
  });
});
