/**
 * Writes a file so that readers see either the old content or the whole new one: a temporary
 * file in the same directory, flushed, then renamed over the target. Only regular files are
 * written (output-target.ts): a symbolic link to a regular file is followed and its target
 * replaced (the link stays); a directory, device, named pipe, socket or dangling link is refused
 * with an `OutputPathError`, and nothing is created.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inspectOutputTarget, OutputPathError } from './output-target.js';

/** The temporary file's name keeps this much of the target's, so it stays under NAME_MAX. */
const TEMP_NAME_KEEP = 100;

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = await inspectOutputTarget(file);
  if (!target.ok) throw new OutputPathError(file, target.reason);
  const dest = target.path;
  const dir = dirname(dest);
  if (target.kind === 'new') await mkdir(dir, { recursive: true });
  const name = basename(dest).slice(0, TEMP_NAME_KEEP);
  const temp = join(dir, `.hasim-tmp-${name}-${randomBytes(6).toString('hex')}`);
  try {
    // 'wx': never through something that appeared at the temporary name.
    const handle = await open(temp, 'wx', target.mode ?? 0o666);
    try {
      await handle.writeFile(content, 'utf8');
      if (target.mode !== undefined) await handle.chmod(target.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The target may have changed since it was inspected: never rename over a non-file.
    const now = await lstat(dest).catch(() => undefined);
    if (now !== undefined && !now.isFile()) {
      throw new OutputPathError(file, 'was replaced by something that is not a regular file');
    }
    await rename(temp, dest);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
