/** Writes a file so that readers see either the old content or the whole new one. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.hasim-tmp-${basename(file)}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
