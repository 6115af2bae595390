/**
 * What is at a path hasim is asked to write, and whether it may write there (docs/output-files.md):
 * a new file in a directory it can write, or an existing regular file (through a symbolic link:
 * the link's target). Never a directory, device, named pipe or socket; never a link to nothing.
 */
import { constants } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export type OutputTarget =
  | {
      ok: true;
      /** new: nothing there yet; file: a regular file to replace. */
      kind: 'new' | 'file';
      /** The path to write: the link's target when `file` is a symbolic link. */
      path: string;
      /** The existing file's permission bits, kept by the replacement. */
      mode?: number;
      /** The symbolic link followed, when there was one. */
      link?: string;
    }
  | { ok: false; reason: string };

/** Why a path cannot be written (the reason reads after "<flag> <file>: "). */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export async function inspectOutputTarget(file: string): Promise<OutputTarget> {
  if (file === '') return { ok: false, reason: 'an empty file name' };
  if (file.endsWith('/'))
    return { ok: false, reason: 'names a folder, not a file; name a file in it' };
  let info;
  try {
    info = await lstat(file);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') return newFile(file);
    if (code === 'ENOTDIR') return notADirectoryOnTheWay(file);
    return { ok: false, reason: explain(code, e) };
  }
  if (info.isSymbolicLink()) return throughLink(file);
  if (!info.isFile()) return { ok: false, reason: `is ${refuseKind(kindOf(info))}` };
  return existingFile(file, info.mode, undefined);
}

/** A short description of an errno code, for one-line messages. */
export function explain(code: string, e?: unknown): string {
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links (a loop?)',
    EEXIST: 'something else appeared there while writing',
    EXDEV: 'the link points to another file system',
  };
  const text = known[code] ?? (e instanceof Error ? e.message : 'cannot write');
  return `${text} (${code})`;
}

// --- internal ---

type Kind = 'directory' | 'character device' | 'block device' | 'named pipe (FIFO)' | 'socket';

function kindOf(info: {
  isDirectory(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isFIFO(): boolean;
}): Kind {
  if (info.isDirectory()) return 'directory';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isFIFO()) return 'named pipe (FIFO)';
  return 'socket';
}

function refuseKind(kind: Kind): string {
  const hint =
    kind === 'directory' ? 'name a file in it' : 'for standard output leave out the flag or give -';
  return `a ${kind}, not a regular file; not replacing it (${hint})`;
}

async function throughLink(file: string): Promise<OutputTarget> {
  if (await reachesDescriptor(file)) {
    return {
      ok: false,
      reason:
        'is a link to an open file descriptor (as /dev/stdout is), not a file hasim may replace; for standard output leave out the flag or give -',
    };
  }
  let target;
  try {
    target = await stat(file);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') {
      return {
        ok: false,
        reason: 'is a symbolic link to nothing (a missing file); not following it',
      };
    }
    return { ok: false, reason: `is a symbolic link hasim cannot follow: ${explain(code, e)}` };
  }
  if (!target.isFile())
    return { ok: false, reason: `is a symbolic link to ${refuseKind(kindOf(target))}` };
  return existingFile(await realpath(file), target.mode, file);
}

async function existingFile(
  path: string,
  mode: number,
  link: string | undefined,
): Promise<OutputTarget> {
  const denied = await cannotWriteIn(dirname(path));
  if (denied !== undefined) return { ok: false, reason: `cannot replace it: ${denied}` };
  return { ok: true, kind: 'file', path, mode: mode & 0o7777, ...(link ? { link } : {}) };
}

/** Nothing at the path: the nearest existing ancestor must be a directory hasim can write. */
async function newFile(file: string): Promise<OutputTarget> {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const info = await stat(dir).catch((e: unknown) => codeOf(e));
    if (typeof info === 'string') {
      if (info === 'ENOENT' && dirname(dir) !== dir) continue;
      return { ok: false, reason: `cannot use the folder ${dir}: ${explain(info)}` };
    }
    if (!info.isDirectory()) return { ok: false, reason: `${dir} is not a directory` };
    const denied = await cannotWriteIn(dir);
    if (denied !== undefined) return { ok: false, reason: `cannot create it: ${denied}` };
    return { ok: true, kind: 'new', path: file };
  }
}

async function notADirectoryOnTheWay(file: string): Promise<OutputTarget> {
  for (let dir = dirname(resolve(file)); dirname(dir) !== dir; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info !== undefined && !info.isDirectory())
      return { ok: false, reason: `${dir} is not a directory` };
  }
  return { ok: false, reason: explain('ENOTDIR') };
}

/**
 * Whether a chain of links passes through /proc or /dev/fd (`/dev/stdout` → `/proc/self/fd/1`):
 * such a link names whatever the process has open — with `> log` the shell's file, which
 * replacing would empty behind the shell's back — so it is refused even when that is a file.
 */
async function reachesDescriptor(file: string): Promise<boolean> {
  const special = (p: string): boolean => /^\/(proc|dev\/fd)\//.test(p);
  let current = resolve(file);
  for (let hop = 0; hop < 40; hop++) {
    const dir = await realpath(dirname(current)).catch(() => dirname(current));
    if (special(current) || special(`${dir}/`)) return true;
    const info = await lstat(current).catch(() => undefined);
    if (info === undefined || !info.isSymbolicLink()) return false;
    current = resolve(dirname(current), await readlink(current));
  }
  return false;
}

/** Why files cannot be created in `dir` (undefined: they can, as far as access(2) knows). */
async function cannotWriteIn(dir: string): Promise<string | undefined> {
  try {
    await access(dir, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (e) {
    return `${dir}: ${explain(codeOf(e), e)}`;
  }
}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
}
