import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendFile } from './file.ts';
import { parseConnection, send } from './index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bridge-prints-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('virtual printer ({"type":"file"})', () => {
  it('writes the raw bytes and the readable text under <prints>/<path>/, nothing else', async () => {
    const connection = parseConnection({ type: 'file', path: 'kitchen' });
    const bytes = Buffer.from('\x1b@Kedjenou\x1dVA\x00', 'latin1');
    await send(connection, { bytes, text: 'Kedjenou\n' }, { printsDir: dir, name: 'job-1' });
    expect((await readdir(path.join(dir, 'kitchen'))).sort()).toEqual(['job-1.bin', 'job-1.txt']);
    expect((await readFile(path.join(dir, 'kitchen', 'job-1.bin'))).equals(bytes)).toBe(true);
    expect(await readFile(path.join(dir, 'kitchen', 'job-1.txt'), 'utf8')).toBe('Kedjenou\n');
  });

  it('writes the SVG preview beside them when the job was drawn', async () => {
    const connection = parseConnection({ type: 'file', path: 'receipt' });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Kedjenou</text></svg>';
    await send(connection, { bytes: Buffer.from('x'), text: 'x', svg }, { printsDir: dir, name: 'job-2' });
    expect((await readdir(path.join(dir, 'receipt'))).sort()).toEqual(['job-2.bin', 'job-2.svg', 'job-2.txt']);
    expect(await readFile(path.join(dir, 'receipt', 'job-2.svg'), 'utf8')).toBe(svg);
  });

  it('never overwrites a job already on "paper"', async () => {
    const print = { bytes: Buffer.from('x'), text: 'x' };
    await sendFile(dir, 'bar', 'job-1', print);
    await expect(sendFile(dir, 'bar', 'job-1', print)).rejects.toThrow(/EEXIST/);
  });

  it('refuses a folder outside the prints folder even if validation were bypassed', async () => {
    const print = { bytes: Buffer.from('x'), text: 'x' };
    await expect(sendFile(dir, '../escape', 'job', print)).rejects.toThrow(/outside the prints folder/);
    await expect(sendFile(dir, '/tmp', 'job', print)).rejects.toThrow(/outside the prints folder/);
    expect(await readdir(path.dirname(dir))).not.toContain('escape');
  });
});
