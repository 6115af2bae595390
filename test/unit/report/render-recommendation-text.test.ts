/**
 * Golden text of the recommender (reviewed like code: update with `vitest -u` on purpose only).
 * The figures come from the exact engine and a seeded Monte Carlo run of the model's defaults;
 * they are a snapshot, not a truth: the tests of src/plan check them against a brute force.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/build-plan.js';
import { buildCostModel } from '../../../src/plan/candidate-cost.js';
import { buildCandidateScenario } from '../../../src/plan/candidate-scenario.js';
import {
  buildPlanDeployment,
  recommendLayout,
  type RecommendOptions,
} from '../../../src/plan/recommend-layout.js';
import { renderRecommendationText } from '../../../src/report/render-recommendation-text.js';
import { renderScenarioYaml } from '../../../src/report/render-scenario-yaml.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';

const plan = buildPlan({ regions: 2, tolerate: 1, zonesPerRegion: 3, nodesPerRegion: 6 });
const options: RecommendOptions = {
  targets: { api: 99.95, served: 99.99 },
  mode: 'failoverWithCapacity',
  users: [3, 1],
  cost: buildCostModel(undefined, { vm: 1200, loadBalancer: 200 }),
  simulation: { seed: 1, trials: 300 },
};
// One search for the tests that read it (structuredClone before changing it).
const golden = recommendLayout(plan, options);

describe('renderRecommendationText', () => {
  it('shows the recommended layout, its figures and cost, why, and the fronts', async () => {
    await expect(renderRecommendationText(golden, PLAIN_STYLE)).toMatchFileSnapshot(
      '../../golden/plan-recommendation.txt',
    );
  });

  it('shows the closest layout and what limits it when nothing meets the targets', async () => {
    const result = recommendLayout(plan, { ...options, targets: { api: 99.999 } });
    await expect(renderRecommendationText(result, PLAIN_STYLE)).toMatchFileSnapshot(
      '../../golden/plan-no-layout.txt',
    );
  });

  it('warns when the Monte Carlo run with timers finds a target missed that the exact engine meets', () => {
    // Arrange: the golden case, with its simulated api interval moved below the target.
    const result = structuredClone(golden);
    const sim = result.recommended!.simulation!;
    sim.availability.api = {
      ...sim.availability.api!,
      ci95: [0.9997, 0.9998],
      target: { percent: 99.99, status: 'not-met' },
    };
    // Act
    const text = renderRecommendationText(result, PLAIN_STYLE);
    // Assert
    expect(text).toContain(
      "⚠ with Kubernetes' timers the Monte Carlo run puts api of r1-1 at 99.9800 % at best, below 99.99 %",
    );
  });

  it('renders nothing for a plan without targets', () => {
    expect(renderRecommendationText(plan, PLAIN_STYLE)).toBe('');
  });
});

describe('renderScenarioYaml', () => {
  it('writes the recommended layout as a commented scenario', async () => {
    const result = golden;
    const file = buildCandidateScenario(
      buildPlanDeployment(plan, options),
      result.recommended!.layout,
    );
    await expect(
      renderScenarioYaml(file, result, result.recommended!, '0.0.0-test'),
    ).toMatchFileSnapshot('../../golden/plan-recommended.yaml');
  });
});
