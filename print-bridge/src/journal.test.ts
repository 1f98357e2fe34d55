import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'bridge-journal-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('Journal', () => {
  it('remembers sent jobs across a restart until they are done', async () => {
    const a = new Journal(home);
    a.markSent('job-1');
    a.markSent('job-2');
    a.markDone('job-1');
    const b = new Journal(home);
    expect(b.unconfirmed()).toEqual(['job-2']);
    expect(b.wasSent('job-2')).toBe(true);
    expect(b.wasSent('job-1')).toBe(false);
    b.markDone('job-2');
    expect(new Journal(home).unconfirmed()).toEqual([]);
  });

  it('is private to the bridge (0600) and JSON lines', async () => {
    const j = new Journal(home);
    j.markSent('job-1');
    expect((await stat(j.file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(j.file, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ sent: 'job-1' });
  });

  it('skips a torn last line (killed mid-append) and keeps the rest', async () => {
    const file = path.join(home, 'journal.jsonl');
    await writeFile(file, `${JSON.stringify({ sent: 'job-1', at: 'x' })}\n`);
    await appendFile(file, '{"sent":"job-');
    const j = new Journal(home);
    expect(j.unconfirmed()).toEqual(['job-1']);
    // Compacted on open: the torn line is gone and new entries append cleanly.
    j.markSent('job-3');
    expect(new Journal(home).unconfirmed().sort()).toEqual(['job-1', 'job-3']);
  });

  it('compacts once most entries are done, keeping the unconfirmed ones', async () => {
    const j = new Journal(home);
    j.markSent('keep');
    for (let i = 0; i < 600; i++) {
      j.markSent(`job-${i}`);
      j.markDone(`job-${i}`);
    }
    const lines = (await readFile(j.file, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(1000);
    expect(new Journal(home).unconfirmed()).toEqual(['keep']);
  });
});
