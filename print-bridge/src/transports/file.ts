import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface VirtualPrint {
  /** The ESC/POS bytes a real printer would receive. */
  bytes: Uint8Array;
  /** The same document as plain text, for a person reading the folder. */
  text: string;
  /** The same document drawn as the paper would look (receiptline's SVG), for a browser. */
  svg?: string;
}

async function writeSynced(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The virtual printer: each job becomes `<printsDir>/<folder>/<time>_<document>_<job id>.bin` (the
 * raw ESC/POS), `.txt` and, when rendered, `.svg`. Both are written under a temporary name, fsynced and moved into place, so a
 * file that exists is whole. `folder` was validated by parseConnection (one plain segment); the resolved
 * path is checked again so no connection can write outside the prints folder.
 */
export async function sendFile(
  printsDir: string,
  folder: string,
  name: string,
  print: VirtualPrint,
): Promise<{ bin: string; txt: string }> {
  const root = path.resolve(printsDir);
  const dir = path.resolve(root, folder);
  if (path.dirname(dir) !== root) throw new Error(`file printer ${folder}: outside the prints folder`);
  await mkdir(dir, { recursive: true });
  const bin = path.join(dir, `${name}.bin`);
  const txt = path.join(dir, `${name}.txt`);
  const tmp = `.${name}.${process.pid}.tmp`;
  await writeSynced(path.join(dir, `${tmp}.txt`), print.text);
  await rename(path.join(dir, `${tmp}.txt`), txt);
  if (print.svg !== undefined) {
    await writeSynced(path.join(dir, `${tmp}.svg`), print.svg);
    await rename(path.join(dir, `${tmp}.svg`), path.join(dir, `${name}.svg`));
  }
  // The .bin last: it is what counts as "printed". link() refuses an existing name (EEXIST) where
  // rename() would silently replace it: a job is never printed over an earlier copy of itself.
  await writeSynced(path.join(dir, `${tmp}.bin`), print.bytes);
  try {
    await link(path.join(dir, `${tmp}.bin`), bin);
  } finally {
    await unlink(path.join(dir, `${tmp}.bin`));
  }
  return { bin, txt };
}
