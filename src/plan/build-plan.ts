/**
 * `buildPlan`: from regions, tolerated cluster failures and load to cluster counts per mode,
 * the control plane and workers of every cluster, and the VMs they add up to. Pure.
 */
import { CLUSTER_MODES, computeClusterCounts } from '../quorum/cluster-count.js';
import { computeClusterSplit } from '../quorum/cluster-split.js';
import { nameDomains } from '../quorum/domain-tolerance.js';
import { computeWorkerHeadroom } from '../quorum/headroom.js';
import { chooseControlPlane } from './choose-control-plane.js';
import {
  PLAN_DEFAULTS,
  type ClusterLayout,
  type ClusterVms,
  type PlanOptions,
  type PlanResult,
} from './plan-result.js';

/** Builds the plan; throws RangeError on options out of range (regions < 1, zoneLosses ≥ zones, …). */
export function buildPlan(options: PlanOptions): PlanResult {
  const inputs = resolveInputs(options);
  const zones = Object.keys(nameDomains(new Array<number>(inputs.zonesPerRegion).fill(0)));
  const controlPlane = chooseControlPlane({
    zones,
    zoneLosses: inputs.zoneLosses,
    etcdPlacement: inputs.etcd,
    endpoint: inputs.endpoint,
  });
  const masters = sum(Object.values(controlPlane.masters));
  const split = computeClusterSplit({
    workers: inputs.nodesPerRegion,
    pods: inputs.podsPerRegion,
    zones: zones.length,
    zoneLosses: inputs.zoneLosses,
    controlPlaneNodes: masters,
  });
  const headroom = computeWorkerHeadroom({
    workersNeeded: split.workersNeededPerCluster,
    zones: zones.length,
    zoneLosses: inputs.zoneLosses,
  });
  const vms: ClusterVms = {
    masters,
    etcd: inputs.etcd === 'external' ? sum(Object.values(controlPlane.etcd.members)) : 0,
    workers: headroom.total,
    endpoint: inputs.endpoint === 'keepalived' ? 2 : 0,
    total: 0,
  };
  vms.total = vms.masters + vms.etcd + vms.workers + vms.endpoint;
  const layout: ClusterLayout = {
    zones,
    controlPlane,
    workers: {
      needed: headroom.workersNeeded,
      perZone: Object.fromEntries(zones.map((z) => [z, headroom.perZone])),
      total: headroom.total,
      zoneLosses: headroom.zoneLosses,
      utilisation: headroom.utilisation,
      maxUtilisation: headroom.maxUtilisation,
    },
    vms,
  };
  const counts = computeClusterCounts({
    regions: inputs.regions,
    tolerate: inputs.tolerate,
    clustersPerRegionLoad: split.clustersPerRegionLoad,
  });
  const modes = CLUSTER_MODES.map((mode) => {
    const count = counts[mode];
    return {
      mode,
      clusters: count.clusters,
      perRegion: nameDomains(count.perRegion, 'r'),
      assumption: count.assumption,
      vms: count.clusters * vms.total,
    };
  });
  const warnings = [...controlPlane.warnings];
  if (split.clustersPerRegionLoad > 1) {
    warnings.push(
      `one region's load is split over ${split.clustersPerRegionLoad} clusters: ${split.reasons.join('; ')}`,
    );
  }
  return {
    version: 1,
    inputs,
    clusters: {
      local: counts.local.clusters,
      failoverWithCapacity: counts.failoverWithCapacity.clusters,
      failoverAvailabilityOnly: counts.failoverAvailabilityOnly.clusters,
    },
    modes,
    split,
    layout,
    warnings,
  };
}

// --- internal ---

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function resolveInputs(options: PlanOptions): Required<PlanOptions> {
  const zonesPerRegion = options.zonesPerRegion ?? PLAN_DEFAULTS.zonesPerRegion;
  const nodesPerRegion = options.nodesPerRegion ?? PLAN_DEFAULTS.nodesPerRegion;
  const inputs: Required<PlanOptions> = {
    regions: options.regions,
    tolerate: options.tolerate,
    zonesPerRegion,
    nodesPerRegion,
    podsPerRegion: options.podsPerRegion ?? nodesPerRegion * PLAN_DEFAULTS.podsPerNode,
    zoneLosses: options.zoneLosses ?? Math.min(1, zonesPerRegion - 1),
    etcd: options.etcd ?? PLAN_DEFAULTS.etcd,
    endpoint: options.endpoint ?? PLAN_DEFAULTS.endpoint,
  };
  const whole = (name: keyof PlanOptions, value: number, min: number): void => {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
    }
  };
  whole('regions', inputs.regions, 1);
  whole('tolerate', inputs.tolerate, 0);
  whole('zonesPerRegion', inputs.zonesPerRegion, 1);
  whole('nodesPerRegion', inputs.nodesPerRegion, 1);
  whole('podsPerRegion', inputs.podsPerRegion, 0);
  whole('zoneLosses', inputs.zoneLosses, 0);
  if (inputs.zoneLosses >= inputs.zonesPerRegion) {
    throw new RangeError(
      `zoneLosses must be less than zonesPerRegion (${inputs.zonesPerRegion}), got ${inputs.zoneLosses}`,
    );
  }
  return inputs;
}
