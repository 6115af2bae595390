import { describe, expect, it } from 'vitest';
import { rolloutWaves } from '../../../src/exact/bad-change-states.js';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { listElementGroups } from '../../../src/exact/elements.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import { findGroupSymmetry } from '../../../src/exact/group-symmetry.js';
import { computeImportance, computeSinglePointsOfFailure } from '../../../src/exact/importance.js';
import { listMetricPaths, metricKey, metricValue } from '../../../src/exact/metric-paths.js';
import { validateScenario } from '../../../src/model/validate.js';
import type { Topology } from '../../../src/model/topology.js';

// Clusters of one region with one layout and one rollout wave are interchangeable: the analysis
// evaluates the groups of one and copies the figures to the others. Checked here against an
// independent computation of each copied figure: the Birnbaum importance A(1) − A(0) from two
// full evaluations (computeMetrics with the element overridden), for every group of every cluster.
function fleet(): Topology {
  const cluster = (name: string, region: string, workers = 2) => ({
    name,
    region,
    masters: { a: 1, b: 1, c: 1 },
    endpoint: 'cloud',
    workers: { a: workers, b: workers, c: workers },
    workersNeeded: 4,
  });
  const r = validateScenario({
    version: 1,
    name: 'fleet',
    regions: [
      { name: 'eu', zones: ['a', 'b', 'c'] },
      { name: 'us', zones: ['a', 'b', 'c'], users: 2 },
    ],
    // Three alike in eu, one with more workers, one alike in us; waves split c1 from c2.
    clusters: [
      cluster('c1', 'eu'),
      cluster('c2', 'eu'),
      cluster('c3', 'eu'),
      cluster('big', 'eu', 3),
      cluster('u1', 'us'),
    ],
    failures: {
      operatorError: {
        changesPerYear: 12,
        rollout: { waves: [1, 'all'], detection: '30m', bake: '1d' },
      },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Three regions, two alike (r1, r2) and one with more users (r3), each a cloud and a keepalived cluster. */
function regions(): Topology {
  const zones = ['a', 'b', 'c'];
  const cluster = (name: string, region: string, endpoint: string) => ({
    name,
    region,
    masters: { a: 1, b: 1, c: 1 },
    endpoint,
    workers: { a: 2, b: 2, c: 2 },
    workersNeeded: 4,
  });
  const r = validateScenario({
    version: 1,
    name: 'regions',
    regions: [
      { name: 'r1', zones },
      { name: 'r2', zones },
      { name: 'r3', zones, users: 3 },
    ],
    clusters: ['r1', 'r2', 'r3'].flatMap((region) => [
      cluster(`${region}-lb`, region, 'cloud'),
      cluster(`${region}-vip`, region, 'keepalived'),
    ]),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** The group whose figures each group copies, by group id. */
function sourcesOf(t: Topology): (id: string) => number {
  const groups = listElementGroups(t, computeElementAvailabilities(t));
  const waves = rolloutWaves(t.failures.operatorError.rollout, t.clusters.length).waveOf;
  const { source } = findGroupSymmetry(t, groups, listMetricPaths(t), waves);
  return (id) => source[groups.findIndex((g) => g.id === id)] ?? -1;
}

describe('group symmetry', () => {
  it('puts together the groups of clusters alike in layout, region and wave, and no others', () => {
    const sourceOf = sourcesOf(fleet());
    // c1 is wave 1 alone; c2 and c3 are wave 2 in eu; big differs; u1 is in us (other users).
    expect(sourceOf('c3 master node @a')).toBe(sourceOf('c2 master node @a'));
    expect(sourceOf('c2 master node @a')).not.toBe(sourceOf('c1 master node @a'));
    expect(sourceOf('c2 master node @a')).not.toBe(sourceOf('c2 master node @b'));
    expect(sourceOf('c2 master node @a')).not.toBe(sourceOf('big master node @a'));
    expect(sourceOf('c2 master node @a')).not.toBe(sourceOf('u1 master node @a'));
    expect(sourceOf('c3 load balancer')).toBe(sourceOf('c2 load balancer'));
    // eu and us differ (users, clusters): their zones are their own.
    expect(sourceOf('zone us/a')).not.toBe(sourceOf('zone eu/a'));
  });

  it('puts together alike regions: the same zones, users and clusters', () => {
    const sourceOf = sourcesOf(regions());
    expect(sourceOf('zone r2/b')).toBe(sourceOf('zone r1/b'));
    expect(sourceOf('link r2/a-c')).toBe(sourceOf('link r1/a-c'));
    expect(sourceOf('r2-vip master node @a')).toBe(sourceOf('r1-vip master node @a'));
    expect(sourceOf('r2-vip master node @a')).not.toBe(sourceOf('r2-lb master node @a'));
    // r3 has more users: not alike.
    expect(sourceOf('zone r3/b')).not.toBe(sourceOf('zone r1/b'));
  });

  it.each([
    ['alike clusters in one region', fleet],
    ['alike regions', regions],
  ])('copies importances equal to evaluating every group on its own: %s', (_, build) => {
    const t = build();
    const av = computeElementAvailabilities(t);
    const importance = computeImportance(t, av);
    const paths = listMetricPaths(t);
    let checked = 0;
    for (const group of listElementGroups(t, av)) {
      if (group.kind !== undefined) continue; // bad changes: no symmetry, evaluated as before
      const at = (value: number) => computeMetrics(t, av, new Map([[group.id, value]]));
      const up = at(1);
      const down = at(0);
      for (const p of paths) {
        const expected = metricValue(up, p) - metricValue(down, p);
        const listed = importance.get(metricKey(p))?.find((x) => x.element === group.id);
        if (Math.abs(expected) < 1e-15) continue; // 0 up to rounding: not listed, or ~0
        expect(listed?.birnbaum, `${group.id} on ${metricKey(p)}`).toBeCloseTo(expected, 12);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('copies single points of failure: each cluster’s own load balancer, not its twin’s', () => {
    const t = fleet();
    const spof = computeSinglePointsOfFailure(t, computeElementAvailabilities(t));
    for (const name of ['c1', 'c2', 'c3', 'big', 'u1']) {
      const api = spof.get(`clusters/${name}/api`) ?? [];
      expect(api).toContain(`${name} load balancer`);
      expect(api.filter((id) => id.endsWith('load balancer'))).toHaveLength(1);
    }
  });

  it('copies single points of failure of alike regions onto their own region', () => {
    const t = regions();
    const spof = computeSinglePointsOfFailure(t, computeElementAvailabilities(t));
    for (const r of ['r1', 'r2', 'r3']) {
      expect(spof.get(`clusters/${r}-lb/api`)).toEqual(
        expect.arrayContaining([`region ${r}`, `${r}-lb load balancer`]),
      );
      expect(spof.get(`clusters/${r}-lb/api`)?.filter((id) => id.startsWith('region '))).toEqual([
        `region ${r}`,
      ]);
    }
  });
});
