/**
 * Acceptance on a real etcd: partitions keep quorum on the majority side only, the two-zone
 * scenario's zone outage is replayed with prediction beside observation, and lost disks are
 * replaced (one) or restored from a snapshot (a majority), losing the writes since it.
 */
import { describe, expect, it } from 'vitest';
import type { LabResult } from '../../src/lab/lab-result.js';
import { FAST_ETCD, labMissing } from '../helpers/lab-env.js';
import { runBin } from '../helpers/run-cli.js';

async function lab(args: string[]): Promise<LabResult> {
  const run = await runBin(['lab', ...args, '--json']);
  const r = JSON.parse(run.stdout) as LabResult;
  expect(r.phases.flatMap((p) => p.disagreements)).toEqual([]);
  expect(run.code).toBe(0);
  return r;
}

describe.skipIf(labMissing({ namespaces: true }) !== null)('hasim lab: partitions', () => {
  it.concurrent.each([
    ['1+1+1 split {a} | {b, c}', 'partition-1-1-1', { 'a-1': 'fail', 'b-1': 'ok', 'c-1': 'ok' }],
    ['2+1 split {a} | {b}', 'partition-2-1', { 'a-1': 'ok', 'a-2': 'ok', 'b-1': 'fail' }],
  ])(
    '%s keeps quorum only where the majority is',
    async (_, file, members) => {
      const r = await lab([`test/fixtures/lab/${file}.yaml`, '--hold', '3s', ...FAST_ETCD]);
      const [cut, healed] = r.phases;
      expect(r.isolation.mode).toBe('namespaces');
      expect(cut?.observed?.quorum).toBe(true);
      expect(cut?.observed?.members).toEqual(members);
      expect(cut?.agree).toBe(true);
      expect(healed?.agree).toBe(true);
    },
    120_000,
  );
});

describe.skipIf(labMissing() !== null)('hasim lab: a scenario and disks', () => {
  // Concurrent: each lab run has its own namespaces (or ports), and mostly waits.
  it.concurrent(
    'replays the zone outage of two-zone-etcd with prediction and observation side by side',
    async () => {
      const run = await runBin(['lab', 'scenarios/two-zone-etcd.yaml']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('members a: 2, b: 1 (3, quorum 2); zone tolerance 0');
      expect(run.stdout).toMatch(
        /│ # │ at │ phase\s+│ hasim predicts │ etcd did\s+│ members at the end/,
      );
      expect(run.stdout).toMatch(
        /│ 1 │ 1h │ zone eu-central\/a down │ no quorum\s+│ no quorum, writes 0\/\d+/,
      );
      expect(run.stdout).toMatch(
        /│ 2 │ 4h │ zone eu-central\/a back │ quorum\s+│ quorum, writes \d+\/\d+/,
      );
      expect(run.stdout).toContain('2 phases compared: 2 agree, 0 disagree');
    },
    120_000,
  );

  it.concurrent(
    'replaces one lost member, and restores a majority from the snapshot, losing later writes',
    async () => {
      const r = await lab([
        'test/fixtures/lab/placement-1-1-1.yaml',
        '--experiments',
        'disks',
        '--hold',
        '3s',
        ...FAST_ETCD,
      ]);
      expect(r.phases.map((p) => [p.label, p.predicted.quorum, p.observed?.quorum])).toEqual([
        ['disk of a-1 lost', true, true],
        ['a-1 replaced: member remove, member add, fresh start', true, true],
        ['snapshot saved; writes go on', true, true],
        ['disks of a-1, b-1 lost (a majority)', false, false],
        ['every member restored from the snapshot (a new cluster)', true, true],
      ]);
      const kinds = r.findings.map((f) => f.kind);
      expect(kinds).toContain('replacement');
      expect(kinds).toContain('restore-needed');
      // Writes acknowledged during the 3 s hold after the snapshot are gone after the restore.
      const lost = r.findings.find((f) => f.kind === 'data-lost')?.message ?? '';
      expect(Number(/lost (\d+) of/.exec(lost)?.[1])).toBeGreaterThan(0);
    },
    180_000,
  );
});
