/**
 * What a scenario's deployment costs a year under its `cost:` (default 1 per VM-year, 0 per
 * load balancer). keepalived's two HAProxy hosts are VMs priced as masters and a cloud endpoint
 * is one load balancer per cluster: the plan recommender's convention, so costs compare.
 */
import type { Topology } from '../model/topology.js';

export interface TopologyCost {
  /** Every cluster, per year, in the scenario's cost unit. */
  perYear: number;
  vms: number;
  breakdown: { masters: number; etcd: number; workers: number; endpoint: number };
}

export function computeTopologyCost(t: Topology): TopologyCost {
  const breakdown = { masters: 0, etcd: 0, workers: 0, endpoint: 0 };
  let vms = 0;
  for (const c of t.clusters) {
    const external = c.etcd.placement === 'external' ? c.counts.etcdMembers : 0;
    const hosts = c.endpoint.kind === 'keepalived' ? KEEPALIVED_HOSTS : 0;
    breakdown.masters += c.counts.masters * t.cost.master;
    breakdown.etcd += external * t.cost.etcd;
    breakdown.workers += c.counts.workers * t.cost.worker;
    breakdown.endpoint += c.endpoint.kind === 'cloud' ? t.cost.loadBalancer : hosts * t.cost.master;
    vms += c.counts.masters + external + c.counts.workers + hosts;
  }
  const perYear = breakdown.masters + breakdown.etcd + breakdown.workers + breakdown.endpoint;
  return { perYear, vms, breakdown };
}

// --- internal ---

/** keepalived runs on a pair of hosts (model.md: "two hosts in one zone"). */
const KEEPALIVED_HOSTS = 2;
