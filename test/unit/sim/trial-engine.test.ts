import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/sim/model/compile-model.js';
import { createScriptedRng } from '../../../src/sim/engine/rng.js';
import { P_API, P_QUORUM, P_WORKLOADS } from '../../../src/sim/model/sim-model.js';
import { TrialEngine } from '../../../src/sim/engine/trial-engine.js';
import { threeZones, topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

/** The uniform draw that makes an exponential with rate 1/h last `hours`. */
const u = (hours: number): number => 1 - Math.exp(-hours);

describe('TrialEngine on hand-worked random trials', () => {
  it('two overlapping master failures lose quorum for exactly their overlap', () => {
    // Arrange: masters fail once an hour on average (8760 a year) and are repaired in exactly 2 h;
    // nothing else can fail. The scripted generator decides the failure times:
    //   initial draws: m0 at 3 h, m1 at 4 h, m2 at 20 h;
    //   m0 repaired at 5 h, next failure 10 h later (15 h); m1 repaired at 6 h, next at 26 h;
    //   m0 repaired at 17 h, m2 at 22 h, m1 at 28 h: each draws 100 h (beyond the 30 h horizon).
    // Only m0 [3,5] and m1 [4,6] overlap: quorum (2 of 3) is lost on [4,5].
    const t = threeZones({ failures: { master: { perYear: 8760, repair: { fixed: '2h' } } } });
    const model = compileModel(t, { horizonHours: 30, randomFailures: true });
    const engine = new TrialEngine(model);
    // Act
    engine.run(createScriptedRng([3, 4, 20, 10, 20, 100, 100, 100].map(u)));
    // Assert
    const s = engine.state;
    expect(s.downHours[P_QUORUM]).toBeCloseTo(1, 9);
    expect(s.outages[P_QUORUM]).toBe(1);
    expect(s.downHours[P_API]).toBeCloseTo(1, 9);
    expect(s.outages[P_WORKLOADS]).toBe(0);
    // Failures at 3, 4, 15, 20, 26 h and repairs at 5, 6, 17, 22, 28 h: 10 events.
    expect(s.events).toBe(10);
  });

  it('a majority of disks lost loses quorum for good: down until restored from the last snapshot', () => {
    // Arrange: disks fail once an hour and take 5 h to replace; the three disks fail at 13, 14
    // and 15 h. At 14 h two of three members have lost their data (> n − q = 1): etcd cannot
    // re-add members without a quorum, so it is restored from the 12 h snapshot (fixed 6 h).
    const t = threeZones({ failures: { disk: { perYear: 8760, repair: { fixed: '5h' } } } });
    t.backup = { intervalHours: 12, restore: { kind: 'fixed', hours: 6 }, location: 'off-cluster' };
    const model = compileModel(t, { horizonHours: 24, randomFailures: true });
    const engine = new TrialEngine(model);
    // Act: replacements at 18, 19 and 20 h draw their next failures beyond the horizon.
    engine.run(createScriptedRng([13, 14, 15, 100].map(u)));
    // Assert: one loss of the 2 h of writes since the snapshot; quorum down from 14 h until the
    // restore completes at 20 h, although two disks are back at 19 h.
    const s = engine.state;
    expect(s.lossEvents[0]).toBe(1);
    expect(s.lossHours[0]).toBeCloseTo(2, 9);
    expect(s.totalLosses[0]).toBe(0);
    expect(s.downHours[P_QUORUM]).toBeCloseTo(6, 9);
    expect(s.outages[P_QUORUM]).toBe(1);
  });

  it('one disk down of three is replaced like a member, without a restore', () => {
    const t = threeZones({ failures: { disk: { perYear: 8760, repair: { fixed: '5h' } } } });
    const model = compileModel(t, { horizonHours: 24, randomFailures: true });
    const engine = new TrialEngine(model);
    // Disks fail at 3, 10 and 17 h: never two down at once.
    engine.run(createScriptedRng([3, 10, 17, 100, 100, 100].map(u)));
    expect(engine.state.lossEvents[0]).toBe(0);
    expect(engine.state.outages[P_QUORUM]).toBe(0);
  });

  it('snapshots on the only etcd node are lost with its disk: a total loss', () => {
    const t = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'solo', region: 'eu', masters: { a: 1 }, workers: { a: 1 } }],
      failures: { ...ALL_FAILURES_OFF, disk: { perYear: 8760, repair: { fixed: '1h' } } },
      backup: { interval: '12h', restore: { fixed: '2h' }, location: 'on-etcd-nodes' },
      timers: ZERO_TIMERS,
    });
    const model = compileModel(t, { horizonHours: 24, randomFailures: true });
    const engine = new TrialEngine(model);
    engine.run(createScriptedRng([13, 100].map(u)));
    expect(engine.state.lossEvents[0]).toBe(1);
    expect(engine.state.totalLosses[0]).toBe(1);
    // Everything written since the start is gone.
    expect(engine.state.lossHours[0]).toBeCloseTo(13, 9);
  });
});
