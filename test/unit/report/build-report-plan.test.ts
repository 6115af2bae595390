import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/build-plan.js';
import type { PlanResult } from '../../../src/plan/plan-result.js';
import { buildPlanSection } from '../../../src/report/build-report-plan.js';
import { buildChartSpecs } from '../../../src/report/chart-specs.js';
import { buildReport } from '../../../src/report/build-report.js';

/** A candidate as the recommender (src/plan on the plan branch) writes it. */
const candidate = (key: string, cost: number, api: number, meetsTargets: boolean) => ({
  layout: { key, label: `layout ${key}` },
  availability: { etcdQuorum: api, api, scheduling: api, workloads: 0.9999, served: api },
  cost: { perCluster: cost / 5, total: cost, breakdown: {} },
  meetsTargets,
});

describe('buildPlanSection', () => {
  it('shows the cluster counts of a plan without targets', () => {
    const section = buildPlanSection(buildPlan({ regions: 4, tolerate: 1 }));
    expect(section.summary).toBe('4 regions, tolerating 1 unavailable cluster, 3 zones per region');
    expect(section.modes.map((m) => [m.mode, m.clusters])).toEqual([
      // R·(U+1) = 8, R+U = 5, max(R, U+1) = 4 (model.md §4).
      ['local', 8],
      ['failover with capacity', 5],
      ['failover, availability only', 4],
    ]);
    expect(section.recommended).toBeNull();
    expect(section.fronts).toEqual([]);
  });

  it('reads the recommender’s recommendation, confirmation, why and front', () => {
    // Arrange: the recommender's optional fields on top of a counts-only plan.
    const rec = { ...candidate('b', 35, 0.9996, true), why: 'a third zone does', rival: null };
    const plan = {
      ...buildPlan({ regions: 4, tolerate: 1 }),
      targets: { api: 99.95 },
      search: { cost: { source: 'default' } },
      candidatesEvaluated: 1234,
      recommended: {
        ...rec,
        simulation: {
          availability: {
            api: { of: 'r1-1', mean: 0.9995, ci95: [0.9993, 0.9997], target: { status: 'met' } },
          },
        },
      },
      front: { api: [candidate('a', 25, 0.999, false), rec] },
      closest: null,
      limitedBy: null,
    } as unknown as PlanResult;
    // Act
    const section = buildPlanSection(plan);
    const report = buildReport({ plan });
    // Assert
    expect(section).toMatchObject({
      targets: { api: 99.95 },
      costUnit: 'VM-years',
      candidatesEvaluated: 1234,
      recommended: { key: 'b', label: 'layout b', cost: 35, meetsTargets: true },
      why: 'a third zone does',
      confirmation: [
        {
          metric: 'api',
          of: 'r1-1',
          availability: { mean: 0.9995, ci95: [0.9993, 0.9997] },
          target: 'met',
        },
      ],
    });
    expect(section.fronts.map((f) => [f.metric, f.candidates.map((c) => c.key)])).toEqual([
      ['api', ['a', 'b']],
    ]);
    expect(report.title).toBe(
      'hasim report · plan for 4 regions, tolerating 1 unavailable cluster, 3 zones per region',
    );
    expect(buildChartSpecs(report).map((c) => c.id)).toEqual(['cost-availability']);
  });
});
