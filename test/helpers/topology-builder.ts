/**
 * Builds topologies for tests the way users write them: a scenario-file object run through
 * `validateScenario`, so every default and normalization rule applies.
 */
import type { Topology } from '../../src/model/topology.js';
import { validateScenario } from '../../src/model/validate.js';

/** Every failure class switched off; spread it and switch on what a test needs. */
export const ALL_FAILURES_OFF = {
  node: { perYear: 0 },
  disk: { perYear: 0 },
  zone: { perYear: 0 },
  region: { perYear: 0 },
  regionImpairment: { perYear: 0 },
  partition: { perYear: 0 },
  process: { perYear: 0 },
  loadBalancer: { perYear: 0 },
  operatorError: { changesPerYear: 0 },
  maintenance: { passesPerYear: 0 },
} as const;

export type ScenarioInput = Record<string, unknown>;

/** A topology from a scenario-file object (version and name filled in); throws on errors. */
export function topologyOf(file: ScenarioInput): Topology {
  const result = validateScenario({ version: 1, name: 'test', ...file });
  if (!result.ok) throw new Error(`invalid test scenario: ${JSON.stringify(result.errors)}`);
  return result.topology;
}

export interface ClusterInput {
  name?: string;
  region?: string;
  masters: Record<string, number>;
  etcd?: 'stacked' | Record<string, number>;
  endpoint?: string | { kind: string; zone?: string; zones?: [string, string] };
  workers?: Record<string, number>;
  workersNeeded?: number;
}

/** One region `r` with the given zones and clusters; failures default to all off. */
export function oneRegion(
  zones: string[],
  clusters: ClusterInput[],
  failures: ScenarioInput = {},
  extra: ScenarioInput = {},
): Topology {
  return topologyOf({
    regions: [{ name: 'r', zones }],
    clusters: clusters.map((c, i) => ({
      name: c.name ?? `c${i}`,
      region: c.region ?? 'r',
      masters: c.masters,
      ...(c.etcd === undefined ? {} : { etcd: c.etcd }),
      ...(c.endpoint === undefined ? {} : { endpoint: c.endpoint }),
      workers: c.workers ?? {},
      ...(c.workersNeeded === undefined ? {} : { workersNeeded: c.workersNeeded }),
    })),
    failures: { ...ALL_FAILURES_OFF, ...failures },
    ...extra,
  });
}
