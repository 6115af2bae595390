/**
 * Issue 10 item 10: `hasim merge` checks every part (docs/workflows/run-a-large-study.md, "The
 * part format"): malformed fields, edited trial counts or sums, shards outside their count,
 * zero trials and negative sums are refused with exit 2, one line per problem naming the file and
 * the field, never merged into a result. Untouched parts still merge to exactly one run's output.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '../../src/sim/run/part-schema.js';
import { runBin, type CliRun } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/three-zones-stacked.yaml';
const RUN = ['--trials', '300', '--seed', '5', '--workers', '1'];
let dir = '';
const parts: string[] = [];
type Part = Record<string, unknown> & {
  shard: { index: number; count: number };
  plain: Record<string, unknown> & { predicates: Record<string, unknown>[] };
};
const originals: Part[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hasim-merge-'));
  for (const i of [0, 1, 2]) {
    const part = join(dir, `part-${i}.json`);
    const r = await runBin(['simulate', SCENARIO, ...RUN, '--shard', `${i}/3`, '--out', part]);
    if (r.code !== 0) throw new Error(r.stderr);
    parts.push(part);
    originals.push(JSON.parse(await readFile(part, 'utf8')) as Part);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Part 1 changed by `edit`, saved; optionally with its digest recomputed (a careful forger). */
async function edited(name: string, edit: (p: Part) => void, redigest = false): Promise<string> {
  const p = structuredClone(originals[1]!);
  edit(p);
  if (redigest) {
    const { digest: _digest, ...content } = p;
    p['digest'] = `sha256:${createHash('sha256').update(canonical(content)).digest('hex')}`;
  }
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(p));
  return file;
}

function expectRefused(r: CliRun, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toContain('    at ');
  expect(r.stderr.split('\n').every((l) => l === '' || l.startsWith('hasim: '))).toBe(true);
}

describe('hasim merge', () => {
  it('untouched parts merge to the bytes of one run', async () => {
    const one = await runBin(['simulate', SCENARIO, ...RUN, '--json']);
    const merged = await runBin(['merge', parts[2]!, parts[0]!, parts[1]!, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  });

  it('parts of a run with --zero-timers and --slo (other topologies, an SLA view) merge too', async () => {
    const args = [...RUN, '--zero-timers', '--slo', 'api=99.95', '--method', 'plain'];
    const files = [0, 1].map((i) => join(dir, `zt-${i}.json`));
    for (const [i, f] of files.entries()) {
      const r = await runBin(['simulate', SCENARIO, ...args, '--shard', `${i}/2`, '--out', f]);
      expect(r.code).toBe(0);
    }
    const merged = await runBin(['merge', ...files, '--json']);
    const one = await runBin(['simulate', SCENARIO, ...args, '--json']);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(one.stdout);
  });

  it.each<[string, (p: Part) => void, RegExp]>([
    [
      'a malformed field (a trial count as text)',
      (p) => (p.plain['trials'] = '100'),
      /part-bad\.json: plain\.trials: Invalid input: expected number, received string/,
    ],
    [
      'a hand-edited trial count',
      (p) => (p.plain['trials'] = 50_100),
      /part-bad\.json: plain\.trials: 50100 is not the 100 trials of the shard's range/,
    ],
    [
      'zero trials',
      (p) => (p.plain['trials'] = 0),
      /part-bad\.json: plain\.trials: 0 is not the 100 trials/,
    ],
    [
      'a negative sum',
      (p) => (p.plain.predicates[0]!['down'] = '-1f'),
      /part-bad\.json: plain\.predicates\.0\.down: expected a non-negative hexadecimal integer/,
    ],
    [
      'shard index 5 of 3',
      (p) => (p.shard.index = 5),
      /part-bad\.json: shard\.index: 5 is not a shard of 3 \(expected 0 to 2\)/,
    ],
    [
      'shard index −1',
      (p) => (p.shard.index = -1),
      /part-bad\.json: shard\.index: -1 is not a shard of 3/,
    ],
    [
      "a range that is not the shard's",
      (p) => (p['range'] = { from: 0, to: 100 }),
      /part-bad\.json: range: trials 0–99 are not shard 1\/3's \(100–199\)/,
    ],
    [
      'an unknown field',
      (p) => (p['extra'] = 1),
      /part-bad\.json: \(the part\): Unrecognized key: "extra"/,
    ],
    [
      'no digest',
      (p) => delete p['digest'],
      /part-bad\.json: digest: Invalid input: expected string, received undefined/,
    ],
  ])('refuses %s, naming the file and the field', async (_name, edit, message) => {
    const bad = await edited('part-bad.json', edit);
    expectRefused(await runBin(['merge', parts[0]!, bad, parts[2]!]), message);
  });

  it('refuses an edited sum that stays consistent: the digest', async () => {
    const bad = await edited('part-edited.json', (p) => {
      p.plain.predicates[0]!['down'] = 'ffffffffffff';
    });
    expectRefused(
      await runBin(['merge', parts[0]!, bad, parts[2]!]),
      /part-edited\.json: digest: does not match the content: the part was edited or damaged after hasim wrote it; run shard 1\/3 again/,
    );
  });

  it('refuses a careful edit that recomputes the digest when the counts disagree', async () => {
    const bad = await edited(
      'part-forged.json',
      (p) => (p.plain.predicates[0]!['anyTrials'] = 1_000_000),
      true,
    );
    expectRefused(
      await runBin(['merge', parts[0]!, bad, parts[2]!]),
      /part-forged\.json: plain\.predicates\.0\.anyTrials: 1000000 trials is more than the 100 run/,
    );
  });

  it('refuses a fourth shard, a shard twice, a missing shard and parts of another run', async () => {
    const extra = await edited(
      'part-extra.json',
      (p) => {
        p.shard.index = 3;
      },
      true,
    );
    expectRefused(await runBin(['merge', ...parts, extra]), /shard\.index: 3 is not a shard of 3/);
    expectRefused(
      await runBin(['merge', parts[0]!, parts[1]!, parts[1]!, parts[2]!]),
      /part-1\.json: shard 1\/3 is given twice \(also .*part-1\.json\)/,
    );
    expectRefused(await runBin(['merge', parts[0]!, parts[2]!]), /missing shard 1\/3/);
    const other = join(dir, 'other-seed.json');
    await runBin([
      'simulate',
      SCENARIO,
      '--trials',
      '300',
      '--seed',
      '6',
      '--shard',
      '1/3',
      '--out',
      other,
    ]);
    expectRefused(
      await runBin(['merge', parts[0]!, other, parts[2]!]),
      /other-seed\.json: spec\.seed is 6, .*part-0\.json's is 5: the parts are from different runs/,
    );
  });

  it('refuses text that is not a part, and a truncated part', async () => {
    const text = join(dir, 'not-json.json');
    await writeFile(text, (await readFile(parts[1]!, 'utf8')).slice(0, 500));
    expectRefused(
      await runBin(['merge', parts[0]!, text, parts[2]!]),
      /not-json\.json: cannot read a part \(/,
    );
  });
});

describe('hasim simulate --shard', () => {
  it('refuses more shards than trials (a shard would be empty)', async () => {
    const r = await runBin([
      'simulate',
      SCENARIO,
      '--trials',
      '2',
      '--shard',
      '0/3',
      '--out',
      join(dir, 'x.json'),
    ]);
    expectRefused(r, /--shard 0\/3: more shards than the 2 trials; use at most 2/);
  });
});
