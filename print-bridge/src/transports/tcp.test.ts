import { afterEach, describe, expect, it } from 'vitest';
import { type FakePrinter, fakePrinter, refusedPort } from '../testing/fake-printer.ts';
import { sendTcp } from './tcp.ts';

const printers: FakePrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('TCP transport (raw port 9100)', () => {
  it('delivers every byte, one connection per job', async () => {
    const printer = await fakePrinter();
    printers.push(printer);
    const big = Buffer.alloc(2_000_000, 0x41);
    big[0] = 0x1b;
    await sendTcp('127.0.0.1', printer.port, Buffer.from('\x1b@first'));
    await sendTcp('127.0.0.1', printer.port, big);
    await waitFor(() => printer.jobs.length === 2);
    expect(printer.jobs[0]?.toString('latin1')).toBe('\x1b@first');
    expect(printer.jobs[1]?.equals(big)).toBe(true);
  });

  it('rejects when the printer refuses the connection', async () => {
    const port = await refusedPort();
    await expect(sendTcp('127.0.0.1', port, Buffer.from('x'))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects when the printer accepts then stops reading (write timeout)', async () => {
    const printer = await fakePrinter({ stall: true });
    printers.push(printer);
    // More than the loopback socket buffers hold, so the writes cannot all be accepted.
    const started = Date.now();
    await expect(sendTcp('127.0.0.1', printer.port, Buffer.alloc(64_000_000), { writeTimeoutMs: 300 })).rejects.toThrow(
      /stopped accepting data/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
