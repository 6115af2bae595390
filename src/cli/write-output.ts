/**
 * Writing a command's output to the file the user named: atomically (src/io), and only over a
 * regular file, never over a directory or a device. One line on stderr says what was written.
 */
import { stat } from 'node:fs/promises';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';

export async function writeOutput(
  file: string,
  content: string,
  what: string,
  ctx: CliContext,
): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing !== null && !existing.isFile())
    throw new UsageError(`--out ${file}: not a regular file; nothing written`);
  try {
    await writeFileAtomic(file, content);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`--out ${file}: cannot write the file (${code}); nothing written`);
  }
  ctx.stderr(`hasim: wrote ${what} to ${file} (${formatBytes(Buffer.byteLength(content))})\n`);
}

// --- internal ---

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
