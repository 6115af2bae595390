import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeControlPlaneConditionals,
  computeWorkloadsConditionals,
} from '../../../src/exact/cluster-conditionals.js';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { listElementGroups } from '../../../src/exact/elements.js';
import {
  computeMetrics,
  prepareEngine,
  reprepare,
  type PreparedEngine,
} from '../../../src/exact/engine.js';
import type { Overrides } from '../../../src/exact/elements.js';
import { smallScenarioArb, withinElementBudget } from '../../helpers/scenario-arbitraries.js';
import { topologyOf } from '../../helpers/topology-builder.js';

/** The clusters whose shared conditionals differ from a computation of their own. */
function mismatches(prepared: PreparedEngine, overrides: Overrides): string[] {
  const t = prepared.topology;
  return t.clusters.flatMap((c, i) => {
    const region = t.regions.find((r) => r.name === c.region)!;
    const conditions = prepared.conditions.get(c.region) ?? [];
    const own = {
      ...computeControlPlaneConditionals(c, region, prepared.av, conditions, overrides),
      workloads: computeWorkloadsConditionals(c, prepared.av, conditions, overrides),
    };
    const shared = prepared.clusters[i];
    try {
      expect(shared).toEqual(own);
      return [];
    } catch {
      return [`${c.name} under ${JSON.stringify([...overrides])}`];
    }
  });
}

describe('conditionals shared between clusters of one layout', () => {
  it('are what each cluster computes on its own, under every single override', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(), (file, pick) => {
        // Arrange: a random topology; its clusters may repeat layouts in one or two regions.
        const t = withinElementBudget(file, 16);
        const av = computeElementAvailabilities(t);
        const prepared = prepareEngine(t, av, new Map());
        const groups = listElementGroups(t, av);
        const group = groups[pick % groups.length]!;
        const overrides = new Map([[group.id, 0]]);
        // Act
        const next = reprepare(prepared, overrides, {
          ...(group.cluster === undefined ? {} : { cluster: group.cluster }),
          ...(group.region === undefined ? {} : { region: group.region }),
        });
        // Assert
        expect(mismatches(prepared, new Map())).toEqual([]);
        expect(mismatches(next, overrides)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('keep apart two clusters that differ only in their workers, or only in their endpoint', () => {
    // Arrange: four clusters in one region, two pairs of near twins.
    const cluster = (name: string, workers: number, endpoint: string): object => ({
      name,
      region: 'r',
      masters: { a: 1, b: 1, c: 1 },
      endpoint,
      workers: { a: workers, b: 1, c: 1 },
      workersNeeded: 2,
    });
    const t = topologyOf({
      regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
      clusters: [
        cluster('k0', 1, 'cloud'),
        cluster('k1', 2, 'cloud'),
        cluster('k2', 1, 'dns'),
        cluster('k3', 1, 'cloud'),
      ],
    });
    const av = computeElementAvailabilities(t);
    // Act
    const prepared = prepareEngine(t, av, new Map());
    // Assert: k0 and k3 share everything; k1 shares k0's control plane only; k2 nothing of it.
    const [k0, k1, k2, k3] = prepared.clusters;
    expect(k3).toEqual(k0);
    expect(k1!.api).toBe(k0!.api);
    expect(k1!.workloads).not.toEqual(k0!.workloads);
    expect(k2!.api).not.toEqual(k0!.api);
    expect(mismatches(prepared, new Map())).toEqual([]);
  });

  it('follow an overrides map changed in place between two computations', () => {
    // Arrange
    const t = topologyOf({
      regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
      clusters: [{ name: 'k', region: 'r', masters: { a: 1, b: 1, c: 1 }, workers: { a: 1 } }],
    });
    const av = computeElementAvailabilities(t);
    const overrides = new Map([['k apiserver @a', 0]]);
    // Act
    const before = computeMetrics(t, av, overrides);
    overrides.set('k apiserver @a', 1);
    const after = computeMetrics(t, av, overrides);
    // Assert
    expect(after).toEqual(computeMetrics(t, av, new Map([['k apiserver @a', 1]])));
    expect(after.clusters['k']!.api).toBeGreaterThan(before.clusters['k']!.api);
  });

  it('keep apart two clusters whose masters sit in other zones, with the same external etcd', () => {
    // Arrange
    const cluster = (name: string, masters: Record<string, number>): object => ({
      name,
      region: 'r',
      masters,
      etcd: { a: 1, b: 1, c: 1 },
      endpoint: 'cloud',
      workers: { a: 1 },
    });
    const t = topologyOf({
      regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
      clusters: [cluster('k0', { a: 2 }), cluster('k1', { a: 1, b: 1 })],
    });
    // Act
    const prepared = prepareEngine(t, computeElementAvailabilities(t), new Map());
    // Assert
    expect(prepared.clusters[1]!.api).not.toEqual(prepared.clusters[0]!.api);
    expect(mismatches(prepared, new Map())).toEqual([]);
  });
});
