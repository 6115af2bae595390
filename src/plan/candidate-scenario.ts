/**
 * The deployment a candidate layout is evaluated in, as a scenario file: R regions with their
 * zones and user shares, the clusters of the chosen mode (every one with the candidate's layout),
 * the failures of the model's defaults or of the user's scenario, the targets as objectives and
 * the cost model. Building the written form and normalizing it makes every candidate a scenario
 * that `hasim validate` accepts and `hasim analyze` evaluates to the same figures.
 */
import { normalizeScenario } from '../model/normalize.js';
import type { ScenarioFile } from '../model/schema.js';
import { serializeRollout, serializeTopology } from '../model/serialize.js';
import type { Topology } from '../model/topology.js';
import type { CandidateLayout, CostModel, EvaluatedMode, PlanTargets } from './plan-result.js';

/** Everything about the deployment but the layout of its clusters. */
export interface Deployment {
  name: string;
  description: string;
  mode: EvaluatedMode;
  regions: { name: string; zones: string[]; users: number; clusters: number }[];
  /** The written failures, backup and timers of the user's scenario; empty for the defaults. */
  base: Pick<ScenarioFile, 'failures' | 'backup' | 'timers'>;
  cost: CostModel;
  targets: PlanTargets;
}

export interface DeploymentOptions {
  mode: EvaluatedMode;
  /** Clusters per region (the mode's count), regions r1, r2, … in order. */
  clustersPerRegion: readonly number[];
  zones: readonly string[];
  /** User shares per region (default: equal). */
  users?: readonly number[];
  /** The scenario whose failures, backup and timers apply (default: the model's). */
  from?: Topology;
  cost: CostModel;
  targets: PlanTargets;
}

/** The deployment of a plan's mode. */
export function buildDeployment(options: DeploymentOptions): Deployment {
  const { mode, clustersPerRegion, zones } = options;
  const regions = clustersPerRegion.map((clusters, i) => ({
    name: `r${i + 1}`,
    zones: [...zones],
    users: options.users?.[i] ?? 1,
    clusters,
  }));
  const total = clustersPerRegion.reduce((a, b) => a + b, 0);
  const written = options.from === undefined ? undefined : serializeTopology(options.from);
  return {
    name: `plan-${regions.length}-regions-${mode === 'local' ? 'local' : 'failover'}`,
    description:
      `${regions.length} region${regions.length === 1 ? '' : 's'} of ${zones.length} zone${zones.length === 1 ? '' : 's'}, ` +
      `${total} cluster${total === 1 ? '' : 's'} (${mode === 'local' ? 'served locally' : 'failover with capacity'})`,
    mode,
    regions,
    base:
      written === undefined
        ? {}
        : { failures: written.failures, backup: written.backup, timers: written.timers },
    cost: options.cost,
    targets: options.targets,
  };
}

/** The scenario file of a deployment whose every cluster has the candidate's layout. */
export function buildCandidateScenario(d: Deployment, layout: CandidateLayout): ScenarioFile {
  const rollout = serializeRollout(layout.rollout);
  const failures = d.base.failures ?? {};
  const file: ScenarioFile = {
    version: 1,
    name: d.name,
    description: d.description,
    regions: d.regions.map((r) => ({ name: r.name, zones: [...r.zones], users: r.users })),
    clusters: d.regions.flatMap((r) =>
      Array.from({ length: r.clusters }, (_, i) => ({
        name: `${r.name}-${i + 1}`,
        region: r.name,
        masters: { ...layout.masters },
        etcd: layout.etcd.placement === 'stacked' ? 'stacked' : { ...layout.etcd.members },
        endpoint: writtenEndpoint(layout.endpoint),
        workers: { ...layout.workers.perZone },
        workersNeeded: layout.workers.needed,
      })),
    ),
    failover: d.mode === 'local' ? 'local-only' : 'cross-region',
    failures: {
      ...failures,
      operatorError: { ...failures.operatorError, rollout },
      maintenance: { ...failures.maintenance, graceful: layout.maintenance === 'graceful' },
    },
    objectives: { ...d.targets },
    cost: {
      master: d.cost.master,
      etcd: d.cost.etcd,
      worker: d.cost.worker,
      loadBalancer: d.cost.loadBalancer,
    },
  };
  if (d.base.backup !== undefined) file.backup = d.base.backup;
  if (d.base.timers !== undefined) file.timers = d.base.timers;
  return file;
}

/** A candidate's endpoint as written: a kind, or a kind with its zone or keepalived's two zones. */
function writtenEndpoint(
  e: CandidateLayout['endpoint'],
): NonNullable<ScenarioFile['clusters'][number]['endpoint']> {
  const [a, b] = e.hostZones;
  if (e.kind === 'keepalived' && a !== undefined && b !== undefined && a !== b) {
    return { kind: e.kind, zones: [a, b] };
  }
  return e.zone === null ? e.kind : { kind: e.kind, zone: e.zone };
}

/** The normalized topology of a candidate's deployment. */
export function buildCandidateTopology(d: Deployment, layout: CandidateLayout): Topology {
  return normalizeScenario(buildCandidateScenario(d, layout));
}
