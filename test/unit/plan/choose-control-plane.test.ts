import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseControlPlane } from '../../../src/plan/choose-control-plane.js';
import { bruteZoneTolerance, compositions } from '../../helpers/quorum-oracles.js';

const zonesOf = (z: number) => Array.from({ length: z }, (_, i) => `z${i + 1}`);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The fewest of 3, 5, 7 members that some spread over z zones lets survive u zone losses. */
function fewestSurviving(z: number, u: number): number | undefined {
  return [3, 5, 7].find((n) =>
    compositions(n, z).some((spread) => bruteZoneTolerance(spread) >= u),
  );
}

describe('chooseControlPlane', () => {
  it('takes the fewest members that any spread lets survive the zone losses asked for', () => {
    const arb = fc
      .integer({ min: 1, max: 7 })
      .chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: z - 1 })));
    fc.assert(
      fc.property(arb, ([z, u]) => {
        const expected = fewestSurviving(z, u);
        fc.pre(expected !== undefined);
        const cp = chooseControlPlane({
          zones: zonesOf(z),
          zoneLosses: u,
          etcdPlacement: 'stacked',
          endpoint: 'cloud',
        });
        expect(total(cp.etcd.members)).toBe(expected);
        expect(bruteZoneTolerance(Object.values(cp.etcd.members))).toBeGreaterThanOrEqual(u);
      }),
    );
  });

  it('warns when no size up to 7 survives the losses, and keeps the best it has', () => {
    // 4 zones, 2 losses: every spread of 3, 5 or 7 members tolerates at most 1 zone loss.
    expect(fewestSurviving(4, 2)).toBeUndefined();
    const cp = chooseControlPlane({
      zones: zonesOf(4),
      zoneLosses: 2,
      etcdPlacement: 'stacked',
      endpoint: 'cloud',
    });
    expect(cp.etcd.zoneTolerance).toBe(1);
    expect(cp.warnings.join('\n')).toMatch(/no etcd of at most 7 members over 4 zones survives 2/);
  });

  it('puts stacked members on the masters, and external members beside 3 spread masters', () => {
    const stacked = chooseControlPlane({
      zones: zonesOf(5),
      zoneLosses: 2,
      etcdPlacement: 'stacked',
      endpoint: 'dns',
    });
    expect(stacked.masters).toEqual(stacked.etcd.members);
    const external = chooseControlPlane({
      zones: zonesOf(2),
      zoneLosses: 1,
      etcdPlacement: 'external',
      endpoint: 'keepalived',
    });
    expect(external.masters).toEqual({ z1: 2, z2: 1 });
    expect(external.endpoint).toEqual({ kind: 'keepalived', zone: 'z1' });
    expect(external.warnings.join('\n')).toMatch(/keepalived's VIP pair lives in one zone \(z1\)/);
  });
});
