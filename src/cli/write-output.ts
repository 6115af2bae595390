/**
 * Where a command's generated text goes: stdout, or the file of `--out`, written atomically.
 * An existing file is replaced only with `--force`, and only if it is a regular file.
 */
import { lstat } from 'node:fs/promises';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';

export interface OutputOptions {
  out?: string;
  force?: boolean;
  /** The flag that named the file, for messages (default `--out`). */
  flag?: string;
}

export async function writeOutput(
  ctx: CliContext,
  text: string,
  options: OutputOptions,
): Promise<void> {
  if (options.out === undefined || options.out === '-') {
    ctx.stdout(text);
    return;
  }
  const file = options.out;
  const flag = options.flag ?? '--out';
  await checkOutputFile(file, options);
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`${flag} ${file}: cannot write the file (${code})`);
  }
  ctx.stderr(`hasim: wrote ${file}\n`);
}

/**
 * Throws the usage error `writeOutput` would for this file (not a regular file; exists without
 * --force), so a command can refuse before long work rather than after it.
 */
export async function checkOutputFile(
  file: string,
  options: Pick<OutputOptions, 'force' | 'flag'>,
): Promise<void> {
  const flag = options.flag ?? '--out';
  const existing = await lstat(file).catch(() => undefined);
  if (existing === undefined) return;
  if (!existing.isFile()) {
    throw new UsageError(`${flag} ${file}: exists and is not a regular file; not replacing it`);
  }
  if (options.force !== true) {
    throw new UsageError(`${flag} ${file}: the file exists; add --force to replace it`);
  }
}
