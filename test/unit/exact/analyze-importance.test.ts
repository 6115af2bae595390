import { describe, expect, it } from 'vitest';
import { analyzeTopology, IMPORTANCE_LISTED } from '../../../src/exact/analyze.js';
import { computeElementAvailabilities } from '../../../src/exact/element-availability.js';
import { computeImportance } from '../../../src/exact/importance.js';
import { metricKey, type MetricPath } from '../../../src/exact/metric-paths.js';
import { topologyOf } from '../../helpers/topology-builder.js';

describe('the importances analyze lists', () => {
  it('are the 10 largest and those of the single points of failure; the rest are counted', () => {
    // Arrange: 6 clusters in 2 regions, so that every metric has dozens of important elements.
    const t = topologyOf({
      regions: [
        { name: 'x', zones: ['a', 'b', 'c'] },
        { name: 'y', zones: ['a', 'b', 'c'] },
      ],
      clusters: Array.from({ length: 6 }, (_, i) => ({
        name: `k${i}`,
        region: i % 2 === 0 ? 'x' : 'y',
        masters: { a: 1, b: 1, c: 1 },
        endpoint: i < 3 ? 'cloud' : 'dns',
        workers: { a: 2, b: 2, c: 2 },
        workersNeeded: 4,
      })),
      failover: 'cross-region',
    });
    const all = computeImportance(t, computeElementAvailabilities(t));
    // Act
    const result = analyzeTopology(t);
    // Assert
    const metrics: [MetricPath, (typeof result.clusters)[string]['api']][] = [
      ...Object.entries(result.clusters).flatMap(([name, ms]) =>
        Object.entries(ms).map(([metric, m]): [MetricPath, typeof m] => [
          { scope: 'clusters', name, metric: metric as 'api' },
          m,
        ]),
      ),
      ...Object.entries(result.regions).flatMap(([name, ms]) =>
        Object.entries(ms).map(([metric, m]): [MetricPath, typeof m] => [
          { scope: 'regions', name, metric: metric as 'served' },
          m,
        ]),
      ),
    ];
    let omitted = 0;
    for (const [path, m] of metrics) {
      const full = all.get(metricKey(path)) ?? [];
      const top = new Set(full.slice(0, IMPORTANCE_LISTED).map((x) => x.element));
      const expected = full.filter(
        (x) => top.has(x.element) || m.singlePointsOfFailure.includes(x.element),
      );
      expect(m.importance).toEqual(expected);
      expect(m.importanceOmitted).toBe(full.length - expected.length);
      omitted += m.importanceOmitted;
    }
    expect(omitted).toBeGreaterThan(100);
  });
});
