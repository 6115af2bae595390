import { describe, expect, it } from 'vitest';
import { compiledExample, EXAMPLE_FILES } from '../../helpers/sim-scenarios.js';
import { recomputeSides, recomputeZones } from '../../../src/sim/engine/domain-state.js';
import { isHealthy } from '../../../src/sim/engine/health-gate.js';
import { createTrialRng } from '../../../src/sim/engine/rng.js';
import { KIND_DOMAIN, type ClusterModel } from '../../../src/sim/model/sim-model.js';
import { TrialState } from '../../../src/sim/engine/trial-state.js';

// The gate kept by counters must say what the gate's definition (docs/model.md, Maintenance)
// says, read directly off the element states: every master's node, apiserver and controllers up,
// every member's node, etcd and disk up, the region up, every zone holding a master or member
// effectively up, every link between two such zones up, no restore in progress.
function gateByDefinition(s: TrialState, c: ClusterModel, ci: number): boolean {
  const up = (e: number | undefined): boolean => s.down[e ?? 0] === 0;
  return (
    s.quorumBad[ci] === 0 &&
    up(s.model.regionElement[c.region]) &&
    [...c.masterNode, ...c.apiProc, ...c.ctrlProc].every(up) &&
    [...c.memberNode, ...c.etcdProc, ...c.disk].every(up) &&
    Array.from(c.gateZones).every((z) => s.zoneOk[c.zoneBase + z] === 1) &&
    Array.from(c.gateLinks).every(up)
  );
}

describe('the health gate by counters', () => {
  it.each(EXAMPLE_FILES)(
    'agrees with its definition through random element changes (%s)',
    async (f) => {
      const { model } = await compiledExample(f);
      const s = new TrialState(model);
      s.reset();
      const rng = createTrialRng(11, 0);
      let healthy = 0;
      let unhealthy = 0;
      for (let step = 0; step < 3000; step++) {
        // Mostly repairs of what is down, so the gate opens again; down counts stack (a failure,
        // a forcing event, a maintenance step).
        const down = [...s.down.keys()].filter((x) => (s.down[x] ?? 0) > 0);
        const repair = down.length > 0 && rng() < 0.7;
        const e = repair
          ? (down[Math.floor(rng() * down.length)] ?? 0)
          : Math.floor(rng() * model.elementCount);
        const delta = repair ? -1 : 1;
        s.addDown(e, delta);
        if (model.kind[e] === KIND_DOMAIN) {
          const r = model.elementRegion[e] ?? 0;
          recomputeZones(s, r);
          recomputeSides(s, r);
        }
        if (rng() < 0.05) s.quorumBad[0] = (s.quorumBad[0] ?? 0) === 0 ? 1 : 0;
        model.clusters.forEach((c, ci) => {
          const expected = gateByDefinition(s, c, ci);
          expect(isHealthy(s, ci)).toBe(expected);
          if (expected) healthy++;
          else unhealthy++;
        });
      }
      // Both answers were exercised.
      expect(healthy).toBeGreaterThan(0);
      expect(unhealthy).toBeGreaterThan(0);
    },
  );
});
