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
  const existing = await lstat(file).catch(() => undefined);
  if (existing !== undefined) {
    if (!existing.isFile()) {
      throw new UsageError(`--out ${file}: exists and is not a regular file; not replacing it`);
    }
    if (options.force !== true) {
      throw new UsageError(`--out ${file}: the file exists; add --force to replace it`);
    }
  }
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`--out ${file}: cannot write the file (${code})`);
  }
  ctx.stderr(`hasim: wrote ${file}\n`);
}
