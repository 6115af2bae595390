/**
 * Issue 10 item 8: a write that fails after the work (a read-only file system, a full disk) does
 * not lose the result: it goes to standard output, and the exit code is 2 with one line saying
 * why. The failure is injected in-process (no file system can be made to fail on cue in CI).
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBin, runInProcess } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const SHARD = [
  'simulate',
  'scenarios/two-zone-etcd.yaml',
  '--trials',
  '20',
  '--workers',
  '1',
  '--shard',
];

vi.mock('../../src/io/write-file-atomic.js', () => ({
  writeFileAtomic: (): Promise<void> =>
    Promise.reject(
      Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' }),
    ),
}));

const tempDir = useTempDir('write-fails');

describe('a write that fails after the work', () => {
  it('prints the output instead, and exits 2 with one line', async () => {
    const out = join(tempDir(), 'new.yaml');
    const r = await runInProcess(['init', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('# Made by: hasim init');
    expect(r.stderr).toBe(
      `hasim: --out ${out}: cannot write the file: read-only file system (EROFS); the output is on standard output instead\n`,
    );
  });

  it('with --json the result is printed once, and the line says the file was not written', async () => {
    // Parts from the built binary (its worker threads need dist/), merged in-process.
    const parts = [0, 1].map((i) => join(tempDir(), `part-${i}.json`));
    for (const [i, part] of parts.entries()) {
      const s = await runBin([...SHARD, `${i}/2`, '--out', part]);
      expect(s.code).toBe(0);
    }
    const out = join(tempDir(), 'merged.json');
    const r = await runInProcess(['merge', ...parts, '--json', '--out', out]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'simulation', trials: 20 });
    expect(r.stderr).toBe(
      `hasim: --out ${out}: cannot write the file: read-only file system (EROFS); not written\n`,
    );
  });

  it('a report computed before the write goes to standard output', async () => {
    const out = join(tempDir(), 'report.md');
    const r = await runInProcess([
      'report',
      'scenarios/two-zone-etcd.yaml',
      '--no-simulate',
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^# /);
    expect(r.stderr).toMatch(
      /^hasim: --out .*report\.md: cannot write the file: read-only file system \(EROFS\); the output is on standard output instead\n$/m,
    );
  });
});
