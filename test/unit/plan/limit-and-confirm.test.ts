import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { DEFAULT_COST_MODEL } from '../../../src/plan/candidate-cost.js';
import { buildCandidateTopology, buildDeployment } from '../../../src/plan/candidate-scenario.js';
import { confirmBySimulation } from '../../../src/plan/confirm-by-simulation.js';
import { enumerateCandidates } from '../../../src/plan/enumerate-candidates.js';
import {
  buildPlanDeployment,
  DEFAULT_WAVES,
  recommendLayout,
  type RecommendOptions,
} from '../../../src/plan/recommend-layout.js';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import { ALL_FAILURES_OFF, topologyOf } from '../../helpers/topology-builder.js';

// One shared bad change a year that takes the API down for an exponential hour, nothing else:
// a = 8760 / (8760 + 1), i.e. 525600 / 8761 = 59.99 minutes of downtime a year (model.md,
// "Bad changes"), whatever the layout.
const BAD_CHANGES_ONLY = {
  ...ALL_FAILURES_OFF,
  operatorError: {
    changesPerYear: 10,
    badChangeProbability: 0.1,
    apiDownShare: 1,
    restoreShare: 0,
    dataPlaneShare: 0,
    repair: { mean: '1h' },
  },
};
const API = 8760 / 8761;
const from = topologyOf({
  regions: [{ name: 'x', zones: ['a'] }],
  clusters: [{ name: 'x', region: 'x', masters: { a: 1 }, workers: {} }],
  failures: BAD_CHANGES_ONLY,
});

describe('when no layout meets the targets', () => {
  const plan = buildPlan({ regions: 1, tolerate: 0, nodesPerRegion: 3 });
  const options: RecommendOptions = {
    targets: { api: 99.999 },
    mode: 'local',
    from: { file: 'bad-changes.yaml', topology: from },
    cost: DEFAULT_COST_MODEL,
    simulation: null,
  };
  const result = recommendLayout(plan, options);

  it('recommends nothing and names the cheapest of the equally close layouts', () => {
    expect(result.recommended).toBeNull();
    expect(result.closest?.layout.key).toBe('m1 stacked cloud w0 graceful all-at-once');
    expect(result.closest?.shortfall[0]?.availabilityPercent).toBeCloseTo(API * 100, 10);
  });

  it('says that bad changes limit it, with their downtime and as a single point of failure', () => {
    expect(result.limitedBy).toMatchObject({ metric: 'api', of: 'r1-1' });
    expect(result.limitedBy?.contributors[0]?.cause).toBe('operatorError');
    expect(result.limitedBy?.contributors[0]?.downtimeMinutesPerYear).toBeCloseTo(525600 / 8761, 6);
    // The single points of failure are the exact engine's own, for that cluster and metric.
    const analysis = analyzeTopology(
      buildCandidateTopology(buildPlanDeployment(plan, options), result.closest!.layout),
    );
    expect(result.limitedBy?.singlePointsOfFailure).toEqual(
      analysis.clusters['r1-1']?.api.singlePointsOfFailure,
    );
    expect(result.limitedBy?.sentence).toMatch(
      /^api of r1-1 is 99\.9885 % against 99\.9990 % \(60 min\/yr down\)/,
    );
  });
});

describe('confirmBySimulation', () => {
  // Two clusters, bad changes in waves of one: only the first cluster is ever reached.
  const plan = buildPlan({ regions: 1, tolerate: 1, nodesPerRegion: 3 });
  const deployment = buildDeployment({
    mode: 'local',
    clustersPerRegion: [2],
    zones: plan.layout.zones,
    from,
    cost: DEFAULT_COST_MODEL,
    targets: { api: 99.9, scheduling: 99.999, workloads: 99.999 },
  });
  const [layout] = enumerateCandidates({
    zones: plan.layout.zones,
    workersNeeded: 3,
    maintenance: ['abrupt'],
    rollouts: [DEFAULT_WAVES],
  });
  const topology = buildCandidateTopology(deployment, layout!);
  const confirmation = confirmBySimulation(topology, deployment.targets, { seed: 7, trials: 300 });

  it('reads the cluster the exact engine finds worst, with the seed and trials to replay it', () => {
    expect(confirmation).toMatchObject({ seed: 7, trials: 300, horizonHours: 8760 });
    expect(confirmation.availability.api!.of).toBe('r1-1');
    // The canary cluster also carries the changes its wave misses (detection probability 0.8)
    // for a day's bake: the exact engine's figure, which the interval holds.
    const exact = computeMetrics(topology).clusters['r1-1']!.api;
    expect(exact).toBeLessThan(API);
    expect(confirmation.availability.api!.ci95[0]).toBeLessThanOrEqual(exact);
    expect(confirmation.availability.api!.ci95[1]).toBeGreaterThanOrEqual(exact);
  });

  it('judges a target met only when the whole interval reaches it, missed when it stays below', () => {
    const { api, scheduling, workloads } = confirmation.availability;
    // About 99.989 % ± 0.002 over 300 trials: inside 99.9, below 99.999.
    expect(api!.target).toEqual({ percent: 99.9, status: 'met' });
    expect(scheduling!.target).toEqual({ percent: 99.999, status: 'not-met' });
    // No worker ever fails, but 300 trials bound the downtime only from above: undecided.
    expect(workloads!.target).toEqual({ percent: 99.999, status: 'undecided' });
    expect(confirmation.availability.etcdQuorum!.target).toBeUndefined();
  });

  it('gives the same figures for the same seed', () => {
    expect(confirmBySimulation(topology, deployment.targets, { seed: 7, trials: 300 })).toEqual(
      confirmation,
    );
  });
});
