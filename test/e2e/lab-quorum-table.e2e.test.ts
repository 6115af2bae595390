/**
 * The lab's acceptance table is what `hasim quorum` predicts: checked here through the binary,
 * without etcd, so the table the lab tests hold real etcd to cannot drift from hasim's own answer.
 */
import { describe, expect, it } from 'vitest';
import { ZONE_TABLE } from '../helpers/lab-zone-table.js';
import { runBin } from '../helpers/run-cli.js';

const ZONES = 'abcd';

describe('the lab zone table', () => {
  it.each(ZONE_TABLE)('$placement: quorum kept exactly where hasim quorum says', async (row) => {
    // Arrange
    const run = await runBin(['quorum', '--zones', row.counts.join(','), '--json']);
    const q = JSON.parse(run.stdout) as {
      members: number;
      quorum: number;
      zoneTolerance: number;
      criticalZoneSets: string[][];
    };
    const sets = Object.keys(row.kept);
    // Act: hasim quorum's majority applied to the members each set leaves, and its critical sets
    // (z1, z2, … in the order of --zones) renamed back to a, b, ….
    const keptByQuorum = Object.fromEntries(
      sets.map((set) => {
        const lost = set.split('+').reduce((a, z) => a + (row.counts[ZONES.indexOf(z)] ?? 0), 0);
        return [set, q.members - lost >= q.quorum];
      }),
    );
    const critical = q.criticalZoneSets.map((s) =>
      s.map((z) => ZONES[Number(z.slice(1)) - 1]).join('+'),
    );
    // Assert
    expect(keptByQuorum).toEqual(row.kept);
    const size = q.zoneTolerance + 1;
    expect(critical.sort()).toEqual(
      sets.filter((s) => s.split('+').length === size && !row.kept[s]).sort(),
    );
    expect(sets.filter((s) => s.split('+').length < size).every((s) => row.kept[s])).toBe(true);
  });
});
