import { describe, expect, it } from 'vitest';
import { buildCostModel, computeCandidateCost } from '../../../src/plan/candidate-cost.js';
import { explainChoice, formatPercents } from '../../../src/plan/explain-choice.js';
import type { EvaluatedCandidate } from '../../../src/plan/plan-result.js';
import { candidateOf, layoutOf } from '../../helpers/plan-candidates.js';

function candidate(key: string, api: number, served: number, cost: number): EvaluatedCandidate {
  return candidateOf(key, { api, served }, cost);
}

const layout = layoutOf;

describe('formatPercents', () => {
  it('rounds down, so a figure just below its target never shows as meeting it', () => {
    expect(formatPercents([0.999496], 99.95)).toEqual(['99.9496 %', '99.9500 %']);
  });

  it('gives each figure a decimal per nine, as analyze does, and distinct figures distinct digits', () => {
    expect(formatPercents([0.9999164, 0.99991], 99.99)).toEqual([
      '99.99164 %',
      '99.99100 %',
      '99.99000 %',
    ]);
  });
});

describe('explainChoice', () => {
  it('names what the recommendation adds over its cheaper rival and the figures that decide it', () => {
    const rival = candidate('m1 stacked local-proxy w0 graceful all-at-once', 0.99961, 0.9999, 248);
    const rec = candidate(
      'm1+1+1 stacked local-proxy w0 graceful all-at-once',
      0.99992,
      0.9999,
      264,
    );
    expect(explainChoice(rec, rival, { api: 99.99 }, 1640)).toBe(
      'Against the nearest cheaper layout (248 a year), this one has 3 masters over 3 zones ' +
        '(1+1+1) instead of 1 master: api 99.96100 % → 99.99200 % against a 99.99000 % target, for 16 ' +
        'more a year.',
    );
  });

  it('lists every difference and the other targets the rival misses', () => {
    const rival = candidate('m1 stacked local-proxy w0 graceful all-at-once', 0.9994, 0.9998, 248);
    const rec = candidate('m1+1+1 stacked dns w1 graceful waves', 0.9999, 0.99995, 360);
    expect(explainChoice(rec, rival, { api: 99.95, served: 99.99 }, 1640)).toBe(
      'Against the nearest cheaper layout (248 a year), this one has 3 masters over 3 zones ' +
        '(1+1+1) instead of 1 master and a dns endpoint instead of local-proxy and 45 workers ' +
        'for 1 zone loss instead of 30 for 0 zone losses and changes in waves of 1, all ' +
        '(bake 24 h, detection 30 min, caught 80 % a wave) instead of all at once: served ' +
        '99.98000 % → 99.99500 % against a ' +
        '99.99000 % target (and it also meets api, which that one misses), for 112 more a year.',
    );
  });

  it('says so when nothing is cheaper', () => {
    const rec = candidate('m1 stacked local-proxy w0 graceful all-at-once', 0.99961, 1, 248);
    expect(explainChoice(rec, null, { api: 99.95 }, 1640)).toBe(
      'No candidate costs less: at 248 a year it is the cheapest of the 1640 evaluated, and it ' +
        'meets api 99.9610 % ≥ 99.9500 %.',
    );
  });
});

describe('computeCandidateCost', () => {
  it('prices VMs by role, keepalived hosts as masters and a cloud load balancer apart', () => {
    const model = { master: 10, etcd: 7, worker: 3, loadBalancer: 50, source: 'flags' } as const;
    const external = layout('m1+1+1 e1+1+1 keepalived w1 graceful all-at-once');
    expect(computeCandidateCost(external, model, 4)).toEqual({
      perCluster: 3 * 10 + 3 * 7 + 45 * 3 + 2 * 10,
      total: 4 * (3 * 10 + 3 * 7 + 45 * 3 + 2 * 10),
      breakdown: { masters: 30, etcd: 21, workers: 135, endpoint: 20 },
    });
    const cloud = layout('m1+1+1 stacked cloud w0 graceful all-at-once');
    expect(computeCandidateCost(cloud, model, 1).breakdown).toEqual({
      masters: 30,
      etcd: 0,
      workers: 90,
      endpoint: 50,
    });
  });

  it('takes flags over the scenario and says where the figures come from', () => {
    const scenario = { master: 2, etcd: 2, worker: 1, loadBalancer: 5 };
    expect(buildCostModel(scenario, { vm: 1200 })).toEqual({
      master: 1200,
      etcd: 1200,
      worker: 1200,
      loadBalancer: 5,
      source: 'scenario and flags',
    });
    expect(buildCostModel(undefined, {}).source).toBe('default');
  });
});
