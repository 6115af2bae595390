import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estimate, SimulationResult } from '../../src/sim/stats/simulation-result.js';
import type { TimelineResult } from '../../src/sim/engine/timeline.js';
import { runBin } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/three-zones-stacked.yaml';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hasim-sim-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hasim simulate', () => {
  it('prints every metric with mean and ci95 as JSON', async () => {
    const r = await runBin(['simulate', SCENARIO, '--json', '--trials', '200', '--seed', '1']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SimulationResult;
    expect(json).toMatchObject({ version: 1, seed: 1, trials: 200, horizonHours: 8760 });
    for (const metric of ['etcdQuorum', 'api', 'scheduling', 'workloads']) {
      for (const k of ['availability', 'downHours', 'pOutage', 'outagesPerYear']) {
        const e = (json.clusters['prod'] as unknown as Record<string, Record<string, Estimate>>)[
          metric
        ]![k]!;
        expect(e.ci95[0]).toBeLessThanOrEqual(e.mean);
        expect(e.ci95[1]).toBeGreaterThanOrEqual(e.mean);
      }
    }
  });

  it('gives byte-identical JSON for 1 and 3 workers, and for 3 merged shards', async () => {
    const args = ['simulate', SCENARIO, '--json', '--trials', '300', '--seed', '2'];
    const one = await runBin([...args, '--workers', '1']);
    const three = await runBin([...args, '--workers', '3']);
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const parts = [0, 1, 2].map((i) => join(dir, `part-${i}.json`));
    for (const [i, part] of parts.entries()) {
      const s = await runBin([
        'simulate',
        SCENARIO,
        '--trials',
        '300',
        '--seed',
        '2',
        '--shard',
        `${i}/3`,
        '--out',
        part,
      ]);
      expect(s.code).toBe(0);
    }
    const merged = await runBin(['merge', ...parts, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    const missing = await runBin(['merge', parts[0]!, parts[2]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing shard 1\/3/);
    // A part written by an older hasim (format 1, without the usersServed sums) is refused.
    const old = join(dir, 'old-part.json');
    const part = JSON.parse(await readFile(parts[0]!, 'utf8')) as { version: number };
    await writeFile(old, JSON.stringify({ ...part, version: 1 }));
    const stale = await runBin(['merge', old, parts[1]!, parts[2]!]);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/part format 1 is from another version of hasim/);
  });

  it('prints a table for people', async () => {
    const r = await runBin(['simulate', SCENARIO, '--trials', '100', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/etcdQuorum/);
    expect(r.stdout).toMatch(/availability \(95 % CI\)/);
    expect(r.stderr).toBe('');
  });

  it.each([
    [['--trials', '0']],
    [['--shard', '3/3', '--out', 'x.json']],
    [['--method', 'magic']],
    [['--shard', '0/2']],
  ])('rejects bad flags %j with one line and exit 2', async (flags) => {
    const r = await runBin(['simulate', SCENARIO, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('hasim:')),
    ).toHaveLength(1);
  });

  it('exits 3 when an objective is certainly missed', async () => {
    const r = await runBin([
      'simulate',
      'test/fixtures/sim/missed-objective.yaml',
      '--json',
      '--workers',
      '1',
    ]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).objectives[0]).toMatchObject({ metric: 'api', status: 'not-met' });
  });

  it('replays a what-if as a timeline', async () => {
    const r = await runBin([
      'simulate',
      'scenarios/zone-outage-during-upgrade.yaml',
      '--timeline',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as TimelineResult;
    // Maintenance takes master a down at 1h for 10 min; zone b fails at 1h05m: quorum lost until
    // master a returns at 1h10m.
    const quorum = t.entries.filter((e) => e.metric === 'etcdQuorum');
    expect(quorum.slice(0, 2)).toMatchObject([
      { up: false, cause: 'event' },
      { up: true, cause: 'event' },
    ]);
    expect(quorum[0]!.hours * 60).toBeCloseTo(65, 6);
    expect(quorum[1]!.hours * 60).toBeCloseTo(70, 6);
  });
});
