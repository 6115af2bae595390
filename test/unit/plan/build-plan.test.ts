import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { renderPlanText } from '../../../src/report/render-plan-text.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';
import { bruteZoneTolerance, subsets, survives } from '../../helpers/quorum-oracles.js';

describe('buildPlan', () => {
  // Kubernetes multi-cluster docs (docs/admin/multi-cluster.md, corrected by kubernetes PR
  // #15338): 4 regions tolerating 1 unavailable cluster → 8 local, 5 with failover.
  it('plans 8 local, 5 failover and 4 availability-only clusters for 4 regions tolerating 1', () => {
    const plan = buildPlan({ regions: 4, tolerate: 1 });
    expect(plan.version).toBe(1);
    expect(plan.clusters).toEqual({
      local: 8,
      failoverWithCapacity: 5,
      failoverAvailabilityOnly: 4,
    });
  });

  it('gives every cluster 3 stacked etcd members, one per zone, with 3 zones', () => {
    const cp = buildPlan({ regions: 1, tolerate: 0 }).layout.controlPlane;
    expect(cp.etcd.members).toEqual({ z1: 1, z2: 1, z3: 1 });
    expect(cp.masters).toEqual({ z1: 1, z2: 1, z3: 1 });
    expect(cp.etcd.zoneTolerance).toBe(1);
  });

  it('places etcd so that any one zone loss keeps quorum when a region has 3 or more zones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), (zones) => {
        const members = Object.values(
          buildPlan({ regions: 2, tolerate: 1, zonesPerRegion: zones }).layout.controlPlane.etcd
            .members,
        );
        expect(members).toHaveLength(zones);
        expect(
          subsets(zones)
            .filter((s) => s.length === 1)
            .every((s) => survives(members, s)),
        ).toBe(true);
      }),
    );
  });

  it('takes 5 members to survive two zone losses over 5 zones', () => {
    const etcd = buildPlan({ regions: 1, tolerate: 0, zonesPerRegion: 5, zoneLosses: 2 }).layout
      .controlPlane.etcd;
    expect(Object.values(etcd.members).reduce((a, b) => a + b, 0)).toBe(5);
    expect(bruteZoneTolerance(Object.values(etcd.members))).toBe(2);
  });

  it('says honestly that two zones cannot survive losing the larger one', () => {
    const plan = buildPlan({ regions: 2, tolerate: 1, zonesPerRegion: 2 });
    expect(plan.layout.controlPlane.etcd.zoneTolerance).toBe(0);
    expect(plan.warnings.join('\n')).toMatch(/third zone/);
  });

  it('gives workers enough headroom to carry the load after the zone losses asked for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((z) =>
          fc.record({
            zonesPerRegion: fc.constant(z),
            zoneLosses: fc.integer({ min: 0, max: z - 1 }),
            nodesPerRegion: fc.integer({ min: 1, max: 20_000 }),
          }),
        ),
        (o) => {
          const { layout, split } = buildPlan({ regions: 1, tolerate: 1, ...o });
          const perZone = Object.values(layout.workers.perZone);
          const worst = subsets(perZone.length)
            .filter((s) => s.length === o.zoneLosses)
            .map((lost) => perZone.reduce((a, n, i) => a + (lost.includes(i) ? 0 : n), 0));
          // Every cluster carries its share; k clusters together carry the region's load.
          expect(Math.min(...worst) * split.clustersPerRegionLoad).toBeGreaterThanOrEqual(
            o.nodesPerRegion,
          );
        },
      ),
    );
  });

  it('adds up the VMs: per cluster and per mode', () => {
    const plan = buildPlan({ regions: 3, tolerate: 2, etcd: 'external', endpoint: 'keepalived' });
    const v = plan.layout.vms;
    expect(v.total).toBe(v.masters + v.etcd + v.workers + v.endpoint);
    expect(v.etcd).toBe(3);
    expect(v.endpoint).toBe(2);
    for (const m of plan.modes) expect(m.vms).toBe(m.clusters * v.total);
  });

  it('splits a region too big for one cluster and multiplies the clusters', () => {
    const plan = buildPlan({ regions: 2, tolerate: 1, nodesPerRegion: 9000 });
    // 9,000 workers with one-zone headroom over 3 zones need 13,500 nodes: 3 clusters of ≤ 5,000.
    expect(plan.split.clustersPerRegionLoad).toBe(3);
    expect(plan.clusters.local).toBe(2 * (3 + 1));
    expect(plan.clusters.failoverWithCapacity).toBe(2 * 3 + 1);
  });

  it('rejects losing as many zones as the region has', () => {
    expect(() => buildPlan({ regions: 1, tolerate: 0, zonesPerRegion: 2, zoneLosses: 2 })).toThrow(
      RangeError,
    );
  });

  it('survives a round trip through JSON unchanged', () => {
    const plan = buildPlan({ regions: 4, tolerate: 1 });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('renderPlanText', () => {
  it('shows every mode with its count and assumption, and the layout per zone', () => {
    const text = renderPlanText(buildPlan({ regions: 4, tolerate: 1 }), PLAIN_STYLE);
    expect(text).toMatch(/│ local\s+│\s+8 │/);
    expect(text).toMatch(/│ failover with capacity\s+│\s+5 │/);
    expect(text).toMatch(/│ failover, availability only\s+│\s+4 │/);
    expect(text).toContain('kubernetes PR #15338');
    expect(text).toMatch(/│ z3\s+│\s+1 │\s+1 │\s+15 │/);
    expect(text).not.toContain('\u001b[');
  });
});
