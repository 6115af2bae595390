/**
 * Where a command's generated text goes: stdout, or the file of `--out`, written atomically
 * (docs/output-files.md). Only regular files are written; an existing one is replaced only with
 * `--force` (commands without that flag replace a regular file they are told to write). A path
 * hasim cannot or will not write is refused before the work when possible; when the write fails
 * after it, the text goes to stdout so nothing computed is lost, and the exit code is 2.
 */
import { inspectOutputTarget, OutputPathError, explain } from '../io/output-target.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';

export interface OutputOptions {
  out?: string | undefined;
  /** Replace an existing regular file (the command's `--force`, or a command that always does). */
  force?: boolean;
  /** The flag that named the file, for messages (default `--out`). */
  flag?: string;
  /** The text is on stdout already (e.g. `--json` with `--out`): not printed again on failure. */
  printed?: boolean;
  /** Say "wrote <file>" on stderr (default true). */
  announce?: boolean;
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
  let why = await outputProblem(file, options);
  if (why === undefined) {
    try {
      await writeFileAtomic(file, text);
    } catch (e) {
      why =
        e instanceof OutputPathError
          ? e.reason
          : `cannot write the file: ${explain((e as NodeJS.ErrnoException).code ?? 'EIO', e)}`;
    }
  }
  if (why !== undefined) {
    if (options.printed === true) throw new UsageError(`${flag} ${file}: ${why}; not written`);
    ctx.stdout(text);
    throw new UsageError(`${flag} ${file}: ${why}; the output is on standard output instead`);
  }
  if (options.announce !== false) ctx.stderr(`hasim: wrote ${file}\n`);
}

/**
 * Throws the usage error `writeOutput` would for this file (not a regular file, a folder hasim
 * cannot write, exists without --force), so a command can refuse before long work.
 */
export async function checkOutputFile(
  file: string | undefined,
  options: Pick<OutputOptions, 'force' | 'flag'>,
): Promise<void> {
  if (file === undefined || file === '-') return;
  const why = await outputProblem(file, options);
  if (why !== undefined) throw new UsageError(`${options.flag ?? '--out'} ${file}: ${why}`);
}

// --- internal ---

async function outputProblem(
  file: string,
  options: Pick<OutputOptions, 'force'>,
): Promise<string | undefined> {
  const target = await inspectOutputTarget(file);
  if (!target.ok) return target.reason;
  if (target.kind === 'file' && options.force !== true)
    return 'the file exists; add --force to replace it';
  return undefined;
}
