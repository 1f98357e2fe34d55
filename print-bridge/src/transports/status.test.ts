import { afterEach, describe, expect, it } from 'vitest';
import {
  type FakePrinter,
  fakePrinter,
  refusedPort,
  STATUS_COVER_OPEN,
  STATUS_OK,
  STATUS_PAPER_OUT,
} from '../testing/fake-printer.ts';
import { decodeStatus, queryTcpStatus } from './status.ts';

const printers: FakePrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});
const start = async (options: Parameters<typeof fakePrinter>[0]) => {
  const printer = await fakePrinter(options);
  printers.push(printer);
  return printer;
};

describe('DLE EOT real-time status', () => {
  it('decodes the three status bytes, the first thing to fix first', () => {
    expect(decodeStatus(0x12, 0x12, 0x12).status).toBe('ok');
    expect(decodeStatus(0x12, 0x12, 0x1e).status).toBe('paper_low');
    expect(decodeStatus(0x1a, 0x32, 0x72)).toMatchObject({ status: 'paper_out', error: 'paper out' });
    expect(decodeStatus(0x1a, 0x16, 0x12)).toMatchObject({ status: 'cover_open', error: 'cover open' });
    expect(decodeStatus(0x1a, 0x36, 0x72).status).toBe('paper_out');
    expect(decodeStatus(0x1a, 0x52, 0x12).status).toBe('error');
    expect(decodeStatus(0x1a, 0x12, 0x12).status).toBe('offline');
  });

  it('asks a printer that answers, on a connection of its own that prints nothing', async () => {
    const printer = await start({ status: STATUS_PAPER_OUT });
    expect(await queryTcpStatus('127.0.0.1', printer.port)).toEqual({
      status: 'paper_out',
      error: 'paper out',
      answers: true,
    });
    printer.setStatus(STATUS_COVER_OPEN);
    expect((await queryTcpStatus('127.0.0.1', printer.port)).status).toBe('cover_open');
    printer.setStatus(STATUS_OK);
    expect((await queryTcpStatus('127.0.0.1', printer.port)).status).toBe('ok');
    expect(printer.statusQueries).toBe(9);
    expect(printer.jobs).toEqual([]);
  });

  it('a printer that never answers is unknown after the short timeout, not an error; a refused one is offline', async () => {
    const silent = await start({});
    const started = Date.now();
    expect(await queryTcpStatus('127.0.0.1', silent.port, { timeoutMs: 200 })).toEqual({
      status: 'unknown',
      error: null,
      answers: false,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    const refused = await queryTcpStatus('127.0.0.1', await refusedPort());
    expect(refused).toMatchObject({ status: 'offline', answers: false, error: expect.stringMatching(/ECONNREFUSED/) });
  });
});
