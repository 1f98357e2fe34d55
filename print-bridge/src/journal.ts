import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

type Entry = { sent: string; at: string } | { done: string; at: string };

/**
 * The bridge's memory of jobs whose bytes reached the printer but whose completion the database may
 * not have recorded yet. `sent` is appended and fsynced right after the printer accepted the last
 * byte and before complete_print_job; `done` once the database confirmed. A bridge killed in between
 * finds the job here on restart (or when the expired lease hands it back) and completes it instead of
 * printing it a second time. JSON lines, mode 0600, in the bridge's state folder.
 */
export class Journal {
  readonly file: string;
  private readonly pending = new Map<string, string>();
  private lines = 0;

  constructor(home: string) {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    this.file = path.join(home, 'journal.jsonl');
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: Entry;
      try {
        entry = JSON.parse(line) as Entry;
      } catch {
        // A torn last line (killed mid-append, before its fsync returned): that job was not confirmed
        // sent, so forgetting it can at worst print it again — never lose it.
        continue;
      }
      this.lines++;
      if ('sent' in entry) this.pending.set(entry.sent, entry.at);
      else if ('done' in entry) this.pending.delete(entry.done);
    }
    this.compact();
  }

  /** Jobs sent to their printer whose completion is not known to be recorded. */
  unconfirmed(): string[] {
    return [...this.pending.keys()];
  }

  wasSent(jobId: string): boolean {
    return this.pending.has(jobId);
  }

  /** Durably records that every byte of the job was accepted by its printer. */
  markSent(jobId: string): void {
    this.append({ sent: jobId, at: new Date().toISOString() });
    this.pending.set(jobId, new Date().toISOString());
  }

  /** The database recorded the job printed: the entry can go. */
  markDone(jobId: string): void {
    if (!this.pending.delete(jobId)) return;
    this.append({ done: jobId, at: new Date().toISOString() });
    if (this.lines > 1000 && this.lines > 4 * this.pending.size) this.compact();
  }

  private append(entry: Entry): void {
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.lines++;
  }

  /** Rewrites the file with the unconfirmed entries only (temporary file, fsync, rename). */
  private compact(): void {
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      for (const [sent, at] of this.pending) writeSync(fd, `${JSON.stringify({ sent, at })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    const dir = openSync(path.dirname(this.file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    this.lines = this.pending.size;
  }
}
