/**
 * One cluster's predicates in each condition of its region (no maintenance, no bad changes),
 * and what maintenance removes from them. The control plane and the workloads are computed
 * apart: an override of a worker changes the workloads only, of a master the control plane only.
 */
import type { Cluster, Region } from '../model/topology.js';
import { buildClusterPlan } from './cluster-plan.js';
import {
  buildControlPlaneTables,
  controlPlaneInto,
  type ControlPlaneTables,
} from './control-plane.js';
import type { ElementAvailabilities } from './element-availability.js';
import type { Overrides } from './elements.js';
import {
  computeMaintenanceCorrection,
  type MaintenanceCorrection,
} from './maintenance-correction.js';
import type { RegionCondition } from './region-conditions.js';
import { buildWorkloadsTable, computeWorkloads, type WorkloadsTable } from './workloads.js';

/** etcdQuorum, api and scheduling per condition, and the availability maintenance removes. */
export interface ControlPlaneConditionals {
  quorum: Float64Array;
  api: Float64Array;
  scheduling: Float64Array;
  /** The control-plane availability that maintenance removes (with its health gate). */
  maintenance: MaintenanceCorrection;
}

/** A cluster's predicates in each condition of its region (no maintenance, no bad changes). */
export interface ClusterConditionals extends ControlPlaneConditionals {
  workloads: Float64Array;
}

/** The control plane of a cluster in each of its region's conditions. */
export function computeControlPlaneConditionals(
  cluster: Cluster,
  region: Region,
  av: ElementAvailabilities,
  conditions: readonly RegionCondition[],
  overrides: Overrides,
): ControlPlaneConditionals {
  const n = conditions.length;
  const out: ControlPlaneConditionals = {
    quorum: new Float64Array(n),
    api: new Float64Array(n),
    scheduling: new Float64Array(n),
    maintenance: computeMaintenanceCorrection(cluster, region, av, overrides),
  };
  const tables: Partial<Record<'normal' | 'impaired', ControlPlaneTables>> = {};
  const v = { quorum: 0, api: 0, scheduling: 0 };
  conditions.forEach((condition, k) => {
    const t = (tables[condition.impaired ? 'impaired' : 'normal'] ??= buildControlPlaneTables(
      buildClusterPlan(cluster, av, overrides, condition.impaired),
    ));
    controlPlaneInto(t, condition, 0, v);
    out.quorum[k] = v.quorum;
    out.api[k] = v.api;
    out.scheduling[k] = v.scheduling;
  });
  return out;
}

/** The workloads of a cluster in each of its region's conditions. */
export function computeWorkloadsConditionals(
  cluster: Cluster,
  av: ElementAvailabilities,
  conditions: readonly RegionCondition[],
  overrides: Overrides,
): Float64Array {
  const out = new Float64Array(conditions.length);
  const tables: Partial<Record<'normal' | 'impaired', WorkloadsTable>> = {};
  conditions.forEach((condition, k) => {
    const t = (tables[condition.impaired ? 'impaired' : 'normal'] ??= buildWorkloadsTable(
      buildClusterPlan(cluster, av, overrides, condition.impaired),
    ));
    out[k] = computeWorkloads(t, condition);
  });
  return out;
}
