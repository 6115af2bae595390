import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-cli.js';
import { runBinWithInput, runInProcessWithInput } from '../helpers/run-cli-input.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir('init');

describe('hasim init | hasim validate -', () => {
  it('prints a starting scenario that validate reads from standard input with exit 0', async () => {
    const init = await runBin(['init']);
    expect(init.code).toBe(0);
    const validate = await runBinWithInput(['validate', '-'], init.stdout);
    expect(validate).toEqual({ code: 0, stdout: '✔ <stdin>\n', stderr: '' });
  });

  it('names standard input in the problems of an invalid scenario', async () => {
    const r = await runBinWithInput(['validate', '-'], 'version: 1\nname: x\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('hasim: <stdin> is not a valid scenario');
  });

  it('says so when there is no standard input to read', async () => {
    const r = await runInProcessWithInput(['validate', '-'], undefined);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('<stdin>: no standard input to read');
  });

  it('writes --out atomically and replaces an existing file only with --force', async () => {
    const out = join(tempDir(), 'new.yaml');
    const first = await runBin(['init', '--zones', '2', '--out', out]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(await readFile(out, 'utf8')).toContain('# Made by: hasim init --zones 2');
    await writeFile(out, 'mine\n');
    const again = await runBin(['init', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`hasim: --out ${out}: the file exists; add --force to replace it\n`);
    expect(await readFile(out, 'utf8')).toBe('mine\n');
    expect((await runBin(['init', '--out', out, '--force'])).code).toBe(0);
    const sub = join(tempDir(), 'a-directory');
    await mkdir(sub);
    const notFile = await runBin(['init', '--out', sub, '--force']);
    expect(notFile.stderr).toBe(
      `hasim: --out ${sub}: is a directory, not a regular file; not replacing it (name a file in it)\n`,
    );
  });

  it.each([
    [
      ['--zones', '0'],
      "option '--zones <Z>' argument '0' is invalid: expected a whole number from 1 to 26, got 0",
    ],
    [['--etcd', 'four'], 'expected stacked or a number of members from 1 to 99, got "four"'],
    [
      ['--workers', '1', '--workers-needed', '9'],
      '--workers-needed 9 is more than the 3 workers placed',
    ],
    [['--name', 'Big Cluster'], '--name: expected a name of lowercase letters'],
  ])('rejects %j with one line and exit 2', async (flags, message) => {
    const r = await runBin(['init', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});
