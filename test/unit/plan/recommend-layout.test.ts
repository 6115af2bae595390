/**
 * The recommender against an independent brute-force search (test/helpers/brute-force-plan.ts):
 * the same candidates with the same exact figures, a recommendation that meets the targets and
 * that no cheaper candidate beats, and a Pareto front that is non-dominated and complete.
 */
import fc from 'fast-check';
import { MEANINGFUL_GAIN } from '../../../src/plan/choose-candidate.js';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { buildCostModel } from '../../../src/plan/candidate-cost.js';
import type { EvaluatedCandidate, PlanMetric, PlanTargets } from '../../../src/plan/plan-result.js';
import { recommendLayout } from '../../../src/plan/recommend-layout.js';
import {
  BRUTE_METRICS,
  bruteForcePlan,
  bruteMeets,
  type BruteCandidate,
} from '../../helpers/brute-force-plan.js';
import { topologyOf } from '../../helpers/topology-builder.js';

const FAILURE_VARIANTS: Record<string, unknown>[] = [
  {},
  { zone: { perYear: 0.5 }, maintenance: { passesPerYear: 0 } },
  { operatorError: { changesPerYear: 0 }, partition: { perYear: 0 }, node: { perYear: 2 } },
];

const caseArb = fc.record({
  regions: fc.integer({ min: 1, max: 2 }),
  tolerate: fc.integer({ min: 0, max: 1 }),
  // Two zones at most: the brute force evaluates every candidate with the plain engine, and
  // 4,080 three-zone candidates take minutes that way (the search itself shares the work).
  zones: fc.constantFrom(1, 2, 2),
  nodes: fc.integer({ min: 2, max: 12 }),
  local: fc.boolean(),
  users: fc.constantFrom([3, 1], [1, 0]),
  failures: fc.constantFrom(...FAILURE_VARIANTS),
  vm: fc.constantFrom(1, 2.5),
  lb: fc.constantFrom(0, 1, 7),
  targets: fc
    .uniqueArray(fc.constantFrom(...BRUTE_METRICS), { minLength: 1, maxLength: 3 })
    .chain((metrics) =>
      fc
        .tuple(...metrics.map(() => fc.constantFrom(99, 99.9, 99.95, 99.99, 99.995, 99.999)))
        .map((values) => Object.fromEntries(metrics.map((m, i) => [m, values[i]])) as PlanTargets),
    ),
});

function keyOf(c: {
  masters: unknown;
  etcd: unknown;
  endpoint: unknown;
  u: number;
  graceful: boolean;
  waves: boolean;
}): string {
  return JSON.stringify([c.masters, c.etcd, c.endpoint, c.u, c.graceful, c.waves]);
}

function bruteKey(b: BruteCandidate): string {
  return keyOf({
    masters: b.masters,
    etcd: b.etcd,
    endpoint: b.endpoint,
    u: b.workerZoneLosses,
    graceful: b.graceful,
    waves: b.waves,
  });
}

function planKey(c: EvaluatedCandidate): string {
  const l = c.layout;
  return keyOf({
    masters: l.masters,
    etcd: l.etcd.placement === 'stacked' ? 'stacked' : l.etcd.members,
    endpoint:
      l.endpoint.kind === 'keepalived' && l.endpoint.hostZones[0] !== l.endpoint.hostZones[1]
        ? { kind: 'keepalived', zones: l.endpoint.hostZones }
        : l.endpoint.kind,
    u: l.workers.zoneLosses,
    graceful: l.maintenance === 'graceful',
    waves: l.rollout.kind === 'waves',
  });
}

describe('recommendLayout against a brute-force search', () => {
  it('finds the cheapest layout meeting every target and the complete Pareto front', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // Arrange
        const plan = buildPlan({
          regions: c.regions,
          tolerate: c.tolerate,
          zonesPerRegion: c.zones,
          nodesPerRegion: c.nodes,
        });
        const mode = c.local ? 'local' : 'failoverWithCapacity';
        const from = topologyOf({
          regions: [{ name: 'x', zones: ['a'] }],
          clusters: [{ name: 'x', region: 'x', masters: { a: 1 }, workers: {} }],
          failures: c.failures,
        });
        const brute = bruteForcePlan({
          regions: c.regions,
          perRegion: Object.values(plan.modes.find((m) => m.mode === mode)!.perRegion),
          zones: c.zones,
          workersNeeded: plan.split.workersNeededPerCluster,
          local: c.local,
          users: c.users.slice(0, c.regions),
          failures: c.failures,
          cost: { vm: c.vm, lb: c.lb },
        });
        const byKey = new Map(brute.map((b) => [bruteKey(b), b]));
        // Act
        const result = recommendLayout(plan, {
          targets: c.targets,
          mode,
          users: c.users.slice(0, c.regions),
          from: { file: 'test', topology: from },
          cost: buildCostModel(undefined, { vm: c.vm, loadBalancer: c.lb }),
          simulation: null,
        });
        // Assert: the same candidates, the same figures and costs.
        expect(result.candidatesEvaluated).toBe(brute.length);
        const all = [
          ...(result.recommended ? [result.recommended] : []),
          ...(result.closest ? [result.closest] : []),
          ...Object.values(result.front ?? {}).flat(),
        ];
        for (const candidate of all) {
          const b = byKey.get(planKey(candidate));
          expect(b).toBeDefined();
          expect(candidate.availability).toEqual(b!.availability);
          expect(candidate.cost.total).toBeCloseTo(b!.cost, 9);
        }
        // The recommendation: meets the targets, and no candidate meeting them is cheaper.
        const meeting = brute.filter((b) => bruteMeets(b, c.targets));
        const cheapest = meeting.length === 0 ? null : Math.min(...meeting.map((b) => b.cost));
        const rec = result.recommended ?? null;
        expect(rec === null).toBe(cheapest === null);
        expect(result.closest === null).toBe(cheapest !== null);
        expect(result.limitedBy === null).toBe(cheapest !== null);
        expect(rec === null || bruteMeets(byKey.get(planKey(rec))!, c.targets)).toBe(true);
        expect(rec === null || Math.abs(rec.cost.total - (cheapest ?? NaN)) < 1e-9).toBe(true);
        // The front of each target metric (MEANINGFUL_GAIN, ε): its points get dearer and each
        // cuts the downtime of the one before by more than ε; and every candidate is at most as
        // good, within ε, as a front point that costs no more.
        for (const m of Object.keys(c.targets) as PlanMetric[]) {
          const front = result.front?.[m] ?? [];
          const down = (av: number): number => 1 - av;
          front.slice(1).forEach((p, i) => {
            const before = front[i]!;
            expect(p.cost.total).toBeGreaterThan(before.cost.total - 1e-9);
            expect(down(p.availability[m])).toBeLessThan(
              down(before.availability[m]) * (1 - MEANINGFUL_GAIN),
            );
          });
          for (const x of brute) {
            expect(
              front.some(
                (p) =>
                  p.cost.total <= x.cost + 1e-9 &&
                  down(x.availability[m]) >= down(p.availability[m]) * (1 - MEANINGFUL_GAIN),
              ),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 4 },
    );
  }, 600_000);
});
