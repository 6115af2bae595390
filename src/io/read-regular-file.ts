/**
 * Reads a regular file as UTF-8 text, at most `maxBytes` of it. Anything else is refused by
 * name: a FIFO would block the read forever, `/dev/zero` would be read until memory runs out.
 * The limit is enforced while reading (a file may grow, or lie about its size), never only
 * from the size `stat` reports.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export type FileRead =
  { ok: true; text: string } | { ok: false; message: string; code: string; kind?: FileKind };

/** What a path is when it is not a regular file. */
export type FileKind =
  | 'a directory'
  | 'a FIFO (named pipe)'
  | 'a character device'
  | 'a block device'
  | 'a socket'
  | 'something other than a regular file';

export interface ReadLimits {
  maxBytes: number;
  /** What the file should be, for messages: `is a FIFO (named pipe), not a scenario file`. */
  what?: string;
  /** How the limit reads in messages: `is 3000000 bytes; <limit>`. */
  limit?: string;
}

/**
 * Opens `file` without blocking (a FIFO would wait for a writer), checks that what was opened is
 * a regular file, then reads it in chunks, stopping at `maxBytes + 1` bytes.
 */
export async function readRegularFile(file: string, limits: ReadLimits): Promise<FileRead> {
  const { maxBytes, what = 'a file' } = limits;
  const limit = limits.limit ?? `the limit is ${maxBytes} bytes`;
  const tooLarge = (size: string): FileRead => ({
    ok: false,
    message: `is ${size} bytes; ${limit}`,
    code: 'TOO_LARGE',
  });
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO returns at once; for a regular file it changes nothing.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = fileKind(info);
      const only = kind === 'a directory' ? '' : ' (only regular files are read)';
      return { ok: false, message: `is ${kind}, not ${what}${only}`, code: CODES[kind], kind };
    }
    // The size stat reports refuses a large file at once; the count below holds if it lies.
    if (info.size > maxBytes) return tooLarge(String(info.size));
    const chunks: Buffer[] = [];
    let bytes = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - bytes));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes > maxBytes) return tooLarge(`more than ${maxBytes}`);
    }
    return { ok: true, text: Buffer.concat(chunks, bytes).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EISDIR')
      return { ok: false, message: `is a directory, not ${what}`, code, kind: 'a directory' };
    return { ok: false, message: describeError(code), code };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

// --- internal ---

const CHUNK_BYTES = 64 * 1024;

function fileKind(info: Stats): FileKind {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'something other than a regular file';
}

const CODES: Record<FileKind, string> = {
  'a directory': 'EISDIR',
  'a FIFO (named pipe)': 'FIFO',
  'a character device': 'CHAR_DEVICE',
  'a block device': 'BLOCK_DEVICE',
  'a socket': 'SOCKET',
  'something other than a regular file': 'NOT_FILE',
};

function describeError(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return `cannot read the file: permission denied (${code})`;
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a directory)';
    case 'ENXIO':
      return 'is a socket or a device that cannot be opened, not a regular file';
    default:
      return `cannot read the file (${code})`;
  }
}
