import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAttribution } from '../../../src/exact/attribution.js';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { elementId, listElementGroups } from '../../../src/exact/elements.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import { computeImportance, computeSinglePointsOfFailure } from '../../../src/exact/importance.js';
import { smallScenarioArb, withinElementBudget } from '../../helpers/scenario-arbitraries.js';
import { oneRegion } from '../../helpers/topology-builder.js';

const zone = { perYear: 0.5, repair: { mean: '6h' } };
const on = { perYear: 1, repair: { mean: '1h' } };
const everyClassOn = {
  node: on,
  disk: on,
  zone: on,
  region: on,
  process: on,
  loadBalancer: on,
};

/** Single points of failure with every binary class able to fail. */
function spofs(t: ReturnType<typeof oneRegion>): Map<string, string[]> {
  return computeSinglePointsOfFailure(t, computeElementAvailabilities(t));
}

describe('single points of failure', () => {
  it('names the cloud load balancer and the region for api, no zone with masters in 3 zones', () => {
    const t = oneRegion(
      ['a', 'b', 'c'],
      [{ masters: { a: 1, b: 1, c: 1 }, endpoint: 'cloud' }],
      everyClassOn,
    );
    const api = spofs(t).get('clusters/c0/api');
    expect(api).toEqual(
      expect.arrayContaining([elementId.region('r'), elementId.loadBalancer('c0')]),
    );
    expect(api?.filter((id) => id.startsWith('zone'))).toEqual([]);
  });

  it('names the zone holding 2 of 3 members, not the other one', () => {
    const t = oneRegion(['a', 'b'], [{ masters: { a: 1 }, etcd: { a: 2, b: 1 } }], everyClassOn);
    const quorum = spofs(t).get('clusters/c0/etcdQuorum');
    expect(quorum).toContain(elementId.zone('r', 'a'));
    expect(quorum).not.toContain(elementId.zone('r', 'b'));
  });

  it('names the pinned master of a single-master endpoint and not the others', () => {
    const t = oneRegion(['a'], [{ masters: { a: 3 }, endpoint: 'single-master' }], everyClassOn);
    const api = spofs(t).get('clusters/c0/api');
    expect(api).toContain(elementId.role('c0', 'master node', 'a', true));
    expect(api).not.toContain(elementId.role('c0', 'master node', 'a'));
  });

  it('does not name one keepalived host, but names the pair’s zone', () => {
    const t = oneRegion(
      ['a', 'b', 'c'],
      [{ masters: { a: 1, b: 1, c: 1 }, endpoint: { kind: 'keepalived', zone: 'b' } }],
      everyClassOn,
    );
    const api = spofs(t).get('clusters/c0/api');
    expect(api).not.toContain(elementId.keepalivedHost('c0'));
    expect(api).toContain(elementId.zone('r', 'b'));
  });

  it('lists no element of a class that cannot fail', () => {
    const t = oneRegion(['a'], [{ masters: { a: 1 }, endpoint: 'cloud' }], { zone });
    expect(spofs(t).get('clusters/c0/api')).toEqual([elementId.zone('r', 'a')]);
  });
});

describe('Birnbaum importance', () => {
  it('of the cloud load balancer is the availability of the rest in series', () => {
    const t = oneRegion(['a'], [{ masters: { a: 1 }, etcd: { a: 1 }, endpoint: 'cloud' }], {
      loadBalancer: { perYear: 4, repair: { mean: '3h' } },
      process: { perYear: 12, repair: { mean: '1h' } },
    });
    const p = 8760 / 12 / (8760 / 12 + 1);
    const lb = computeImportance(t, computeElementAvailabilities(t))
      .get('clusters/c0/api')
      ?.find((i) => i.element === elementId.loadBalancer('c0'));
    expect(Math.abs((lb?.birnbaum ?? NaN) - p * p)).toBeLessThanOrEqual(1e-12);
  });

  it('satisfies the pivotal decomposition A = a·A(a=1) + (1 − a)·A(a=0) for every element', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(), (file, pick) => {
        // Arrange: one element group and its current availability.
        const t = withinElementBudget(file, Infinity);
        const av = computeElementAvailabilities(t);
        const groups = listElementGroups(t, av);
        const group = groups[pick % groups.length]!;
        const a = 0.37;
        // Act
        const at = (v: number): number =>
          computeMetrics(t, av, new Map([[group.id, v]])).clusters[t.clusters[0]!.name]!.api;
        // Assert: A is linear in one element's availability.
        expect(at(a)).toBeCloseTo(a * at(1) + (1 - a) * at(0), 12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Birnbaum importance from one evaluation', () => {
  it('equals A(a=1) − A(a=0) computed directly', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(), (file, pick) => {
        // Arrange
        const t = withinElementBudget(file, Infinity);
        const av = computeElementAvailabilities(t);
        const groups = listElementGroups(t, av);
        const group = groups[pick % groups.length]!;
        const name = t.clusters[0]!.name;
        const api = (v: number): number =>
          computeMetrics(t, av, new Map([[group.id, v]])).clusters[name]!.api;
        // Act
        const reported = computeImportance(t, av)
          .get(`clusters/${name}/api`)
          ?.find((i) => i.element === group.id);
        // Assert
        expect(Math.abs((reported?.birnbaum ?? 0) - (api(1) - api(0)))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('attribution of downtime', () => {
  it('gives all the downtime to the only failing class, and to the zone holding 2 of 3', () => {
    const t = oneRegion(['a', 'b'], [{ masters: { a: 1 }, etcd: { a: 2, b: 1 } }], { zone });
    const av = computeElementAvailabilities(t);
    const base = computeMetrics(t, av);
    const quorum = computeAttribution(t, av, base).get('clusters/c0/etcdQuorum');
    const downtime = (1 - base.clusters['c0']!.etcdQuorum) * 525_600;
    expect(quorum?.byClass.zone).toBeCloseTo(downtime, 9);
    expect(quorum?.byZone['r/a']).toBeCloseTo(downtime, 9);
    expect(quorum?.byZone['r/b']).toBeUndefined();
  });
});
