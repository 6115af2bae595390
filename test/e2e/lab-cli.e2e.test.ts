/**
 * `hasim lab` as a user meets it: without etcd (exit 2 and how to install it), with bad flags
 * (exit 2, one line), without namespaces (partitions skipped, the rest compared), and stopped by
 * Ctrl-C or killed outright: no etcd left running, no folder left behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabResult } from '../../src/lab/lab-result.js';
import { FAST_ETCD, hasEtcd, labMissing } from '../helpers/lab-env.js';
import { ROOT, runBin } from '../helpers/run-cli.js';

const BIN = join(ROOT, 'dist/cli/bin.js');
const TWO_ZONES = 'scenarios/two-zone-etcd.yaml';

describe('hasim lab without etcd or with bad flags', () => {
  it('says how to install etcd and exits 2 when none is on PATH', async () => {
    const run = await runBin(['lab', TWO_ZONES], { PATH: '/nonexistent' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hasim: the lab needs etcd ≥ 3.4, and none is on PATH');
    expect(run.stderr).toContain('sudo apt-get install etcd-server etcd-client');
    expect(run.stdout).toBe('');
  });

  it('exits 2 when --etcd-bin is not an executable file', async () => {
    const run = await runBin(['lab', TWO_ZONES, '--etcd-bin', 'scenarios']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hasim: --etcd-bin scenarios: not an executable file; install it/m);
  });

  it.each([
    [['--hold', '500ms'], /--hold.*expected a duration from 1s to 1h, e.g. 5s, got "500ms"/],
    [
      ['--experiments', 'zones,floods'],
      /expected some of events, zones, partitions, disks, elections/,
    ],
    [['--heartbeat', '100', '--election-timeout', '300'], /must be at least 5 × --heartbeat 100/],
    [['--cluster', 'nope'], /no cluster "nope" in two-zone-etcd \(clusters: prod\)/],
  ])('refuses %j with one line and exit 2', async (flags, message) => {
    const run = await runBin(['lab', TWO_ZONES, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.runIf(process.env['CI'] === 'true')('finds etcd in CI, where .ci/run installs it', () => {
    expect(hasEtcd).toBe(true);
  });
});

/** Processes whose command line names `dir` (the members' --data-dir lives under it). */
function processesUnder(dir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
        return cmd.includes(dir) ? [cmd.replaceAll('\0', ' ')] : [];
      } catch {
        return [];
      }
    });
}

/** Polls `ok` every 100 ms until it holds or `ms` pass; returns whether it held. */
async function until(ok: () => boolean, ms: number): Promise<boolean> {
  for (let t = 0; t < ms; t += 100) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ok();
}

describe.skipIf(labMissing() !== null)('hasim lab stopped early', () => {
  let tmp = '';
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['SIGINT', 130],
    ['SIGKILL', null],
  ] as const)(
    'leaves no etcd running and no folder behind after %s',
    async (signal, code) => {
      // Arrange: a lab run with a long hold, its temporary folder under our own TMPDIR.
      tmp = mkdtempSync(join(tmpdir(), 'hasim-lab-test-'));
      const child = spawn(
        process.execPath,
        [
          BIN,
          'lab',
          'test/fixtures/lab/placement-1-1-1.yaml',
          '--experiments',
          'zones',
          '--hold',
          '60s',
          ...FAST_ETCD,
        ],
        { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(await until(() => processesUnder(tmp).length === 3, 60_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 2000)); // into the first phase's hold
      // Act
      child.kill(signal);
      const exitCode = await exited;
      // Assert
      expect(exitCode).toBe(code);
      expect(await until(() => processesUnder(tmp).length === 0, 30_000)).toBe(true);
      expect(await until(() => readdirSync(tmp).length === 0, 30_000)).toBe(true);
    },
    120_000,
  );
});

describe.skipIf(labMissing() !== null)('hasim lab without namespaces', () => {
  it('says it cannot cut links, skips the partition and compares the rest', async () => {
    const run = await runBin([
      'lab',
      'test/fixtures/lab/partition-2-1.yaml',
      '--no-namespaces',
      '--hold',
      '1s',
      ...FAST_ETCD,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as LabResult;
    expect(r.isolation).toEqual({ mode: 'loopback', partitions: false, note: '--no-namespaces' });
    expect(r.phases.map((p) => [p.label, p.agree, p.skip])).toEqual([
      [
        'partition {a} | {b}',
        null,
        'not applied: partitions need network namespaces (--no-namespaces)',
      ],
      ['partition {a} | {b} healed', true, null],
    ]);
  }, 120_000);
});
