/**
 * Issue 10 items 11 and 12: Ctrl-C (SIGINT) during a run. The signal is sent when the run says it
 * is under way (HASIM_PROGRESS=lines prints a line per percent on stderr), never after a sleep;
 * the runs are far too long to finish first (a million trials).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, type CliRun } from '../helpers/run-cli.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const SCENARIO = 'scenarios/three-zones-stacked.yaml';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hasim-sigint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the binary and sends SIGINT once stderr matches `when`; resolves with the outcome. */
function interruptWhen(args: string[], when: RegExp): Promise<CliRun & { signalled: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', HASIM_PROGRESS: 'lines' },
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!signalled && when.test(stderr)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, signalled }));
  });
}

/** A progress line with some trials done: the run is under way and its handler installed. */
const UNDER_WAY = /progress: trials [1-9]\d*\//;

describe('Ctrl-C', () => {
  it('during --shard: the part is marked interrupted, exit 130, and merge refuses it', async () => {
    const part = join(dir, 'part-0.json');
    const args = ['simulate', SCENARIO, '--trials', '2000000', '--seed', '3', '--workers', '1'];
    const r = await interruptWhen([...args, '--shard', '0/2', '--out', part], UNDER_WAY);
    expect(r.signalled).toBe(true);
    expect(r.code).toBe(130);
    const written = JSON.parse(await readFile(part, 'utf8')) as {
      interrupted: boolean;
      range: { from: number; to: number };
      plain: { trials: number };
    };
    expect(written.interrupted).toBe(true);
    expect(written.range).toEqual({ from: 0, to: 1_000_000 });
    expect(written.plain.trials).toBeGreaterThan(0);
    expect(written.plain.trials).toBeLessThan(1_000_000);
    expect(r.stderr).toContain(
      `hasim: interrupted: shard 0/2 is incomplete (${written.plain.trials} of its 1000000 trials done`,
    );
    expect(r.stderr).toContain(`${part} is marked interrupted and hasim merge refuses it`);
    const merged = await runBin(['merge', part]);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe('');
    expect(merged.stderr).toBe(
      `hasim: ${part}: shard 0/2 was interrupted (${written.plain.trials} of 1000000 trials done); run it again: ` +
        `hasim simulate ${SCENARIO} --shard 0/2 --trials 2000000 --seed 3 --out ${part} (with the run's other flags, if any)\n`,
    );
  });

  it('with --precision: the trials done and the --max-trials budget, not "51000 of 1000"', async () => {
    // The first batch is --trials (1,000); the signal comes in the second batch, past 1,000.
    const r = await interruptWhen(
      [
        'simulate',
        SCENARIO,
        '--trials',
        '1000',
        '--precision',
        '0.0001',
        '--max-trials',
        '100000000',
        '--seed',
        '3',
        '--workers',
        '1',
        '--json',
      ],
      /progress: trials 0\/\d+\n[^]*progress: trials 0\/\d+\n[^]*progress: trials [1-9]/,
    );
    expect(r.signalled).toBe(true);
    expect(r.code).toBe(130);
    const result = JSON.parse(r.stdout) as { trials: number; stop: Record<string, unknown> };
    expect(result.trials).toBeGreaterThan(1000);
    expect(result.stop).toMatchObject({ reason: 'interrupted', precision: 0.0001 });
    const done = result.trials.toLocaleString('en-US');
    expect(r.stderr).toContain(
      `hasim: interrupted: ${done} trials done (of a budget of 100,000,000) before precision 0.0001 was met; stopped by Ctrl-C\n`,
    );
    expect(r.stderr).not.toMatch(/ of 1,?000 trials/);
  });

  it('the table says the same for people', async () => {
    const r = await interruptWhen(
      [
        'simulate',
        SCENARIO,
        '--trials',
        '1000',
        '--precision',
        '0.0001',
        '--seed',
        '3',
        '--workers',
        '1',
      ],
      /progress: trials 0\/\d+\n[^]*progress: trials 0\/\d+\n[^]*progress: trials [1-9]/,
    );
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(
      /stopped: interrupted after \d+ trials, before precision 0\.0001 was met/,
    );
  });
});
