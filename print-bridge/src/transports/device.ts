import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * Writes the bytes to a printer's character device (USB printer class /dev/usb/lp0, a serial port).
 * Opened without O_CREAT: a printer that is unplugged must fail the job, not leave a regular file
 * behind. Resolves after every byte was written and the device closed.
 */
export async function sendDevice(path: string, bytes: Uint8Array, { writeTimeoutMs = 15_000 } = {}): Promise<void> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`device ${path}: ${e.code === 'ENOENT' ? 'not connected' : e.message}`);
  });
  if (!info.isCharacterDevice()) throw new Error(`device ${path}: not a character device`);
  const handle = await open(path, constants.O_WRONLY | constants.O_NOCTTY);
  let timer: NodeJS.Timeout | undefined;
  try {
    const write = (async () => {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`device ${path}: printer stopped accepting data (${writeTimeoutMs} ms)`)),
        writeTimeoutMs,
      );
    });
    await Promise.race([write, timeout]);
  } finally {
    clearTimeout(timer);
    await handle.close();
  }
}
