import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../../src/version.js';
import { ROOT, runInProcess } from '../../helpers/run-cli.js';

describe('the hasim CLI', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
    expect(await runInProcess(['--version'])).toEqual({
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
  });

  it('explains itself and its exit codes in --help', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain(
      'Exit codes: 0 ok, 1 internal error (a bug), 2 bad usage or invalid input, 3 target not met,',
    );
  });

  it('exits 2 with one line and a pointer to help for an unknown command', async () => {
    expect(await runInProcess(['frobnicate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `hasim: unknown command 'frobnicate' (see hasim --help)\n`,
    });
  });

  it('exits 2 for an unknown option', async () => {
    const r = await runInProcess(['validate', '--bogus', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`hasim: unknown option '--bogus' (see hasim validate --help)\n`);
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const file = join(ROOT, 'scenarios/three-zones-stacked.yaml');
    const esc = '\u001b[';
    expect((await runInProcess(['validate', file], { isTTY: true })).stdout).toContain(esc);
    expect((await runInProcess(['validate', file], { isTTY: false })).stdout).not.toContain(esc);
    expect(
      (await runInProcess(['validate', file], { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(esc);
    expect(
      (await runInProcess(['--no-color', 'validate', file], { isTTY: true })).stdout,
    ).not.toContain(esc);
  });

  it('reports a missing file as invalid input, without a stack trace', async () => {
    const r = await runInProcess(['validate', 'no/such/file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('  no/such/file.yaml: no such file\n');
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
