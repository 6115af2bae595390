/**
 * Issue 10 items 8 and 9: what `--out` (and --emit-scenario) may write (docs/output-files.md).
 * Only regular files; a link to one is followed and its target replaced; a directory, device,
 * named pipe or dangling link is refused with one line and exit 2, before the work. Real device
 * paths (/dev/null, /dev/stdout) are never named directly: if a regression replaced them, CI
 * (root) would lose its device nodes. Links to them in a temporary folder test the same code and
 * could only ever replace the link.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, type CliRun } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/two-zone-etcd.yaml';
const SIM = ['simulate', SCENARIO, '--trials', '50', '--seed', '1', '--workers', '1'];
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hasim-out-'));
  await chmod(dir, 0o755); // the read-only test runs a child as another user when we are root
});
afterAll(async () => {
  await chmod(join(dir, 'read-only'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** One line on stderr, starting "hasim: --out <path>: ", exit 2, nothing on stdout. */
function expectRefused(r: CliRun, flag: string, path: string, why: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith(`hasim: ${flag} ${path}: `)).toBe(true);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).not.toContain('    at ');
}

describe('--out refuses what is not a regular file, before the work', () => {
  it('an existing directory, for every command that writes', async () => {
    const target = join(dir, 'a-directory');
    await mkdir(target);
    const commands = [
      SIM,
      ['merge', join(dir, 'no-such-part.json')],
      ['report', SCENARIO, '--no-simulate', '--format', 'md'],
      ['compare', SCENARIO, 'scenarios/three-zones-stacked.yaml'],
      ['init'],
      ['schema'],
      ['export', 'job', SCENARIO, '--shards', '2'],
      ['export', 'chaos-mesh', 'scenarios/zone-outage-during-upgrade.yaml'],
    ];
    for (const args of commands) {
      const r = await runBin([...args, '--out', target]);
      expectRefused(r, '--out', target, /is a directory, not a regular file; not replacing it/);
    }
    expect((await stat(target)).isDirectory()).toBe(true);
  });

  it('a path under a file (a component that is not a directory)', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'keep\n');
    const r = await runBin([...SIM, '--out', join(file, 'result.json')]);
    expectRefused(r, '--out', join(file, 'result.json'), new RegExp(`${file} is not a directory`));
    expect(await readFile(file, 'utf8')).toBe('keep\n');
  });

  it('a path ending in / (a folder meant, not a file): nothing created', async () => {
    const folder = `${join(dir, 'results')}/`;
    const r = await runBin([...SIM, '--out', folder]);
    expectRefused(r, '--out', folder, /names a folder, not a file; name a file in it/);
    await expect(lstat(join(dir, 'results'))).rejects.toThrow();
  });

  it('a named pipe (FIFO): refused at once, never opened (no hang)', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await runBin([...SIM, '--out', fifo]);
    expectRefused(r, '--out', fifo, /is a named pipe \(FIFO\), not a regular file/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('a symbolic link to a device (as /dev/null): the link and the device stay', async () => {
    const link = join(dir, 'null-link');
    await symlink('/dev/null', link);
    const r = await runBin([...SIM, '--out', link]);
    expectRefused(r, '--out', link, /is a symbolic link to a character device, not a regular file/);
    expect(await readlink(link)).toBe('/dev/null');
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('standard output by name (a link to /proc/self/fd/1, as /dev/stdout is): refused, saying how', async () => {
    const link = join(dir, 'stdout-link');
    await symlink('/proc/self/fd/1', link);
    const r = await runBin([...SIM, '--out', link]);
    expectRefused(
      r,
      '--out',
      link,
      /is a link to an open file descriptor \(as \/dev\/stdout is\).*leave out the flag or give -/,
    );
    expect(await readlink(link)).toBe('/proc/self/fd/1');
  });

  it('standard output by name when it is redirected to a file: that file is not replaced', async () => {
    // `hasim … --out /dev/stdout >> log.txt` must not replace log.txt (its earlier lines).
    const link = join(dir, 'stdout-link-2');
    await symlink('/proc/self/fd/1', link);
    const log = join(dir, 'log.txt');
    await writeFile(log, 'earlier lines\n');
    const fd = openSync(log, 'a');
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['dist/cli/bin.js', ...SIM, '--out', link], {
        cwd: ROOT,
        stdio: ['ignore', fd, 'ignore'],
      });
      child.on('close', (c) => resolve(c ?? -1));
    });
    closeSync(fd);
    expect(code).toBe(2);
    expect(await readFile(log, 'utf8')).toBe('earlier lines\n');
  });

  it('a dangling symbolic link', async () => {
    const link = join(dir, 'dangling');
    await symlink(join(dir, 'nothing-here'), link);
    const r = await runBin(['init', '--out', link, '--force']);
    expectRefused(r, '--out', link, /is a symbolic link to nothing/);
    await expect(lstat(join(dir, 'nothing-here'))).rejects.toThrow();
  });

  it('--emit-scenario to a FIFO, before the search', async () => {
    const fifo = join(dir, 'emit-fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await runBin([
      'plan',
      '--regions',
      '1',
      '--tolerate',
      '0',
      '--target-api',
      '99.9',
      '--no-confirm',
      '--emit-scenario',
      fifo,
      '--force',
    ]);
    expectRefused(r, '--emit-scenario', fifo, /named pipe/);
  });

  it('a folder hasim cannot write (as another user when the tests run as root)', async () => {
    // Root ignores permission bits, and chattr or read-only mounts are not available everywhere:
    // as root the run is a child with the uid of nobody, for whom the folder is read-only.
    const ro = join(dir, 'read-only');
    await mkdir(ro);
    await chmod(ro, 0o555);
    const out = join(ro, 'result.json');
    const asRoot = process.getuid?.() === 0;
    const r = await new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        ['dist/cli/bin.js', ...SIM, '--out', out],
        {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: '1' },
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
      );
    });
    expectRefused(r, '--out', out, /cannot create it: .*permission denied \(EACCES\)/);
  });
});

describe('--out writes regular files, atomically', () => {
  it('a symbolic link to a regular file is followed: its target replaced, the link kept, the mode kept', async () => {
    const target = join(dir, 'real-result.json');
    await writeFile(target, 'old\n');
    await chmod(target, 0o640);
    const link = join(dir, 'latest.json');
    await symlink(target, link);
    const r = await runBin([...SIM, '--out', link]);
    expect(r.code).toBe(0);
    expect(await readlink(link)).toBe(target);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({
      kind: 'simulation',
      trials: 50,
    });
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('creates missing folders, and leaves no temporary file behind', async () => {
    const out = join(dir, 'new', 'deeper', 'schema.json');
    const r = await runBin(['schema', '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('$schema');
    const left = execFileSync('find', [dir, '-name', '.hasim-tmp-*'], { encoding: 'utf8' });
    expect(left).toBe('');
  });

  it('a file name near the limit (the temporary name must not be longer than allowed)', async () => {
    const out = join(dir, `${'r'.repeat(240)}.json`);
    const r = await runBin(['init', '--out', out]);
    expect(r.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('hasim init');
  });
});
