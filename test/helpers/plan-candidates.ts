/** Hand-made evaluated candidates for tests of the recommender's choices and sentences. */
import { enumerateCandidates } from '../../src/plan/enumerate-candidates.js';
import type { CandidateLayout, EvaluatedCandidate } from '../../src/plan/plan-result.js';
import { DEFAULT_WAVES } from '../../src/plan/recommend-layout.js';

/** Every candidate layout over z1, z2, z3 with 30 workers needed. */
const LAYOUTS = enumerateCandidates({
  zones: ['z1', 'z2', 'z3'],
  workersNeeded: 30,
  maintenance: ['graceful', 'abrupt'],
  rollouts: [{ kind: 'all-at-once' }, DEFAULT_WAVES],
});

/** The layout with this key, e.g. `m1+1+1 stacked cloud w0 graceful all-at-once`. */
export function layoutOf(key: string): CandidateLayout {
  const found = LAYOUTS.find((l) => l.key === key);
  if (found === undefined) throw new Error(`no layout ${key}`);
  return found;
}

/** A candidate with the given figures (metrics not given at 1) and total yearly cost. */
export function candidateOf(
  key: string,
  availability: Partial<EvaluatedCandidate['availability']>,
  cost: number,
  meetsTargets = true,
): EvaluatedCandidate {
  return {
    layout: layoutOf(key),
    availability: {
      etcdQuorum: 1,
      api: 1,
      scheduling: 1,
      workloads: 1,
      served: 1,
      usersServed: 1,
      ...availability,
    },
    cost: {
      perCluster: cost,
      total: cost,
      breakdown: { masters: 0, etcd: 0, workers: cost, endpoint: 0 },
    },
    meetsTargets,
  };
}
