import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import {
  buildStartingScenario,
  DEFAULT_STARTING_OPTIONS,
  type StartingScenarioOptions,
} from '../../../src/interop/build-starting-scenario.js';
import { renderCommentedYaml } from '../../../src/interop/commented-yaml.js';
import { ENDPOINT_KINDS } from '../../../src/model/topology.js';

function load(options: StartingScenarioOptions) {
  const text = renderCommentedYaml(buildStartingScenario(options));
  return { text, result: loadScenarioText(text, 'init.yaml') };
}

const optionsArb = fc.record({
  regions: fc.integer({ min: 1, max: 3 }),
  zones: fc.integer({ min: 1, max: 6 }),
  clustersPerRegion: fc.integer({ min: 1, max: 3 }),
  masters: fc.integer({ min: 1, max: 7 }),
  etcd: fc.oneof(fc.constant('stacked' as const), fc.integer({ min: 1, max: 7 })),
  workersPerZone: fc.integer({ min: 0, max: 5 }),
  endpoint: fc.constantFrom(...ENDPOINT_KINDS),
});

describe('buildStartingScenario', () => {
  it('starts with the schema line for editors and validates with the defaults', () => {
    const { text, result } = load(DEFAULT_STARTING_OPTIONS);
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/scenario.schema.json',
    );
    expect(result.ok).toBe(true);
  });

  it('builds 3 stacked masters 1/1/1 and workers 2/2/2 needing 4 by default', () => {
    const { result } = load(DEFAULT_STARTING_OPTIONS);
    if (!result.ok) throw new Error('invalid');
    const [prod] = result.topology.clusters;
    expect(prod).toMatchObject({
      masters: { a: 1, b: 1, c: 1 },
      etcd: { placement: 'stacked' },
      workers: { a: 2, b: 2, c: 2 },
      // (Z − 1)/Z headroom: 2 per zone × 2 surviving zones.
      workersNeeded: 4,
    });
  });

  it('validates for any counts, with exactly the masters, members and workers asked for', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        const { result } = load({ ...DEFAULT_STARTING_OPTIONS, ...o });
        if (!result.ok) return false;
        const t = result.topology;
        expect(t.regions).toHaveLength(o.regions);
        expect(t.clusters).toHaveLength(o.regions * o.clustersPerRegion);
        for (const c of t.clusters) {
          expect(c.counts.masters).toBe(o.masters);
          expect(c.counts.etcdMembers).toBe(o.etcd === 'stacked' ? o.masters : o.etcd);
          expect(c.counts.workers).toBe(o.workersPerZone * o.zones);
          const spread = Object.values(c.masters);
          expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
        }
        return true;
      }),
    );
  });

  it('keeps the load after losing any one zone when there are several', () => {
    fc.assert(
      fc.property(optionsArb, (o) => {
        fc.pre(o.zones > 1);
        const { result } = load({ ...DEFAULT_STARTING_OPTIONS, ...o });
        if (!result.ok) return false;
        const c = result.topology.clusters[0]!;
        const largest = Math.max(...Object.values(c.workers));
        return c.counts.workers - largest >= c.workersNeeded;
      }),
    );
  });
});
