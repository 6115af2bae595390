/**
 * The timer measurement: ten leader kills of a real etcd with its default timers (heartbeat
 * 100 ms, election timeout 1000 ms), the gap from each kill to the first successful write.
 */
import { describe, expect, it } from 'vitest';
import type { LabResult } from '../../src/lab/lab-result.js';
import { labMissing } from '../helpers/lab-env.js';
import { runBin } from '../helpers/run-cli.js';

describe.skipIf(labMissing() !== null)('hasim lab: leader elections', () => {
  it('measures the gap after 10 leader kills with etcd default timers, beside the model timers', async () => {
    const run = await runBin([
      'lab',
      'test/fixtures/lab/placement-1-1-1.yaml',
      '--experiments',
      'elections',
      '--kills',
      '10',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const e = (JSON.parse(run.stdout) as LabResult).elections;
    expect(e).toMatchObject({ kills: 10, measured: 10, heartbeatMs: 100, electionMs: 1000 });
    // The fixture's endpoint is the default, cloud: lease 15 s, failover 30 s (docs/model.md).
    expect(e?.model).toEqual({
      etcdElectionMs: 0,
      leaseDurationMs: 15_000,
      endpointKind: 'cloud',
      endpointFailoverMs: 30_000,
    });
    // Not a speed check: raft counts its election timeout in ticks of the heartbeat interval
    // (100 ms); a follower campaigns after at least electionTimeout/heartbeat = 10 ticks since the
    // last heartbeat it got, the first of which may come just after that heartbeat (> 900 ms), and
    // that heartbeat came ≤ 100 ms before the kill: no gap can be under 800 ms, however fast or
    // slow the machine (a run here measured 891 ms).
    expect(e?.minMs).toBeGreaterThanOrEqual(800);
    expect(e?.p95Ms).toBeGreaterThanOrEqual(e?.medianMs ?? Infinity);
  }, 300_000);
});
