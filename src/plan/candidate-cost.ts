/**
 * What a candidate layout costs a year. The default model prices every VM at 1 a year and a
 * cloud load balancer at 0, the scenario format's defaults (`cost: { node: 1 }`), so a cost
 * reads as VM-years; `--cost-vm 1200 --cost-lb 200` or a scenario's `cost:` give money.
 */
import type { Cost } from '../model/topology.js';
import type { CandidateCost, CandidateLayout, CostModel } from './plan-result.js';

/** 1 per VM-year, 0 per load balancer: the scenario format's default `cost:`. */
export const DEFAULT_COST_MODEL: CostModel = {
  master: 1,
  etcd: 1,
  worker: 1,
  loadBalancer: 0,
  source: 'default',
};

/** The cost model of a scenario's normalized `cost:`, with flags on top. */
export function buildCostModel(
  scenario: Cost | undefined,
  flags: { vm?: number; loadBalancer?: number },
): CostModel {
  const base = scenario ?? DEFAULT_COST_MODEL;
  const vm = flags.vm;
  const flagged = vm !== undefined || flags.loadBalancer !== undefined;
  const source =
    scenario === undefined
      ? flagged
        ? 'flags'
        : 'default'
      : flagged
        ? 'scenario and flags'
        : 'scenario';
  return {
    master: vm ?? base.master,
    etcd: vm ?? base.etcd,
    worker: vm ?? base.worker,
    loadBalancer: flags.loadBalancer ?? base.loadBalancer,
    source,
  };
}

/**
 * One cluster's yearly cost and the deployment's (`clusters` of them). keepalived's two HAProxy
 * hosts are VMs priced as masters; a cloud endpoint is one load balancer; dns, local-proxy and
 * single-master endpoints cost nothing of their own.
 */
export function computeCandidateCost(
  layout: CandidateLayout,
  model: CostModel,
  clusters: number,
): CandidateCost {
  const endpoint =
    layout.endpoint.kind === 'cloud'
      ? model.loadBalancer
      : layout.endpoint.kind === 'keepalived'
        ? layout.vms.endpoint * model.master
        : 0;
  const breakdown = {
    masters: layout.vms.masters * model.master,
    etcd: layout.vms.etcd * model.etcd,
    workers: layout.vms.workers * model.worker,
    endpoint,
  };
  const perCluster = breakdown.masters + breakdown.etcd + breakdown.workers + breakdown.endpoint;
  return { perCluster, total: perCluster * clusters, breakdown };
}
