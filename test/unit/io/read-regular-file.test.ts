import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../src/io/read-regular-file.js';
import { readReportInput } from '../../../src/io/read-report-input.js';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { readTextInput } from '../../../src/io/read-text-input.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir('read');

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    const file = join(tempDir(), 'a.yaml');
    await writeFile(file, 'é: 1\n');
    expect(await readRegularFile(file, { maxBytes: 100 })).toEqual({ ok: true, text: 'é: 1\n' });
  });

  it('refuses a FIFO at once instead of waiting for a writer forever', async () => {
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readRegularFile(fifo, { maxBytes: 100, what: 'a scenario file' })).toEqual({
      ok: false,
      message: 'is a FIFO (named pipe), not a scenario file (only regular files are read)',
      code: 'FIFO',
      kind: 'a FIFO (named pipe)',
    });
  });

  it('refuses /dev/zero and /dev/urandom without reading them', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      expect(await readRegularFile(device, { maxBytes: 100 })).toMatchObject({
        ok: false,
        message: 'is a character device, not a file (only regular files are read)',
        code: 'CHAR_DEVICE',
      });
    }
  });

  it('refuses a directory and a socket by name', async () => {
    expect(await readRegularFile(tempDir(), { maxBytes: 100 })).toMatchObject({
      ok: false,
      message: 'is a directory, not a file',
      code: 'EISDIR',
    });
    const socket = join(tempDir(), 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      // Opening a Unix socket fails (ENXIO) before anything can be read from it.
      const r = await readRegularFile(socket, { maxBytes: 100 });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/socket/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts bytes while reading: a file that reports size 0 is still capped', async () => {
    // Files under /proc report a size of 0 and hold more: the cap must not trust the size.
    const r = await readRegularFile('/proc/self/status', { maxBytes: 10 });
    expect(r).toEqual({
      ok: false,
      message: 'is more than 10 bytes; the limit is 10 bytes',
      code: 'TOO_LARGE',
    });
  });

  it('refuses a file whose reported size is over the limit before reading it', async () => {
    const file = join(tempDir(), 'big.yaml');
    await writeFile(file, 'x'.repeat(101));
    expect(await readRegularFile(file, { maxBytes: 100, limit: 'files are limited' })).toEqual({
      ok: false,
      message: 'is 101 bytes; files are limited',
      code: 'TOO_LARGE',
    });
  });

  it('names a missing file and a path through a file', async () => {
    expect(await readRegularFile(join(tempDir(), 'no-such'), { maxBytes: 10 })).toMatchObject({
      ok: false,
      message: 'no such file',
    });
    const file = join(tempDir(), 'plain');
    await writeFile(file, 'x');
    expect(await readRegularFile(join(file, 'below'), { maxBytes: 10 })).toMatchObject({
      ok: false,
      code: 'ENOTDIR',
    });
  });
});

describe('every reader in src/io reads regular files only', () => {
  it('the scenario reader, the report reader and the text reader refuse a FIFO and /dev/zero', async () => {
    const fifo = join(tempDir(), 'fifo2');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero']) {
      const scenario = await readScenarioFile(path);
      expect(!scenario.ok && scenario.errors[0]?.message).toMatch(
        /^is a (FIFO|character).*, not a scenario file/,
      );
      const report = await readReportInput(path);
      expect(report.kind === 'invalid' && report.problems[0]).toMatch(
        new RegExp(`^${path}: is a (FIFO|character).*, not a scenario or a result`),
      );
      const text = await readTextInput(path, 100, undefined);
      expect(!text.ok && text.message).toMatch(/^is a (FIFO|character).*, not a file/);
    }
  });
});
