import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/sim/compile-model.js';
import { createScriptedRng } from '../../../src/sim/rng.js';
import { P_API, P_QUORUM, P_WORKLOADS } from '../../../src/sim/sim-model.js';
import { TrialEngine } from '../../../src/sim/trial-engine.js';
import { threeZones } from '../../helpers/sim-scenarios.js';

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

  it('a disk lost on every member at once restores from the last snapshot', () => {
    // Arrange: disks fail once an hour, replacement takes 5 h; the three disks fail at 13, 14 and
    // 15 h, so at 15 h every member's data is gone: restore (fixed 2 h) from the 12 h snapshot.
    const t = threeZones({
      failures: { disk: { perYear: 8760, repair: { fixed: '5h' } } },
    });
    t.backup = { intervalHours: 12, restore: { kind: 'fixed', hours: 2 }, location: 'off-cluster' };
    const model = compileModel(t, { horizonHours: 16, randomFailures: true });
    const engine = new TrialEngine(model);
    engine.run(createScriptedRng([13, 14, 15, 100].map(u)));
    const s = engine.state;
    expect(s.lossEvents[0]).toBe(1);
    expect(s.lossHours[0]).toBeCloseTo(3, 9);
    // Quorum: 2 disks down from 14 h on (members need their disk) until the horizon at 16 h.
    expect(s.downHours[P_QUORUM]).toBeCloseTo(2, 9);
  });
});
