/**
 * What would remove a contributor to downtime or a single point of failure, in one sentence a
 * reviewer can check against docs/model.md. Specific when the layout is known (which zone holds
 * how many etcd members), general otherwise; a zone's remedy depends on the metric (etcd for the
 * control plane, workers for workloads).
 */
import { balancedSpread } from '../quorum/domain-tolerance.js';
import type { ClusterLayoutRow, LayoutSection } from './report-layout.js';

/** Where a remedy applies: `metric` of `target` (a cluster or a region). */
export interface RemedyContext {
  target: string;
  metric: string;
  layout: LayoutSection | null;
}

/** The remedy for a failure class. */
export function remedyForClass(cls: string, ctx: RemedyContext): string {
  const { layout } = ctx;
  const one = onlyCluster(ctx);
  switch (cls) {
    case 'region':
      return layout?.failover === 'cross-region' && layout.regions.length > 1
        ? 'a spare cluster in another region for failover (R+U clusters, hasim plan)'
        : 'clusters in a second region with failover: cross-region (hasim plan --regions 2)';
    case 'regionImpairment':
      return 'an endpoint that needs no cloud load balancer or DNS (keepalived, local-proxy), or a cluster in another region';
    case 'zone':
      return one === undefined ? ZONE_GENERAL : zoneRemedy(one, null, ctx.metric);
    case 'partition':
      return 'etcd over an odd number of zones (3), so one side of any split keeps a majority';
    case 'operatorError':
      if (layout !== null && layout.clusters.length === 1)
        return 'a staging cluster first in the file with rollout: { waves: [1, all] }: one cluster alone takes every bad change';
      return layout?.rollout === 'waves'
        ? 'a smaller first wave or faster detection: the first wave still takes every bad change'
        : 'roll changes out in waves with a bake time (rollout: { waves: [1, all], detection: 30m })';
    case 'loadBalancer':
      return 'an endpoint without a shared element: local-proxy (a proxy on every node) or dns';
    case 'maintenance':
      return 'more masters, so a maintenance pass during a failure still leaves a quorum (5 over 3 zones)';
    case 'master':
      return one !== undefined && one.totals.masters === 1
        ? '3 masters over 3 zones'
        : 'more masters: 5 tolerate 2 failures where 3 tolerate 1';
    case 'etcd':
      return 'more external etcd members: 5 over 3 zones tolerate 2 failures';
    case 'process':
      return 'more masters: each runs its own apiserver, controllers and stacked etcd member';
    case 'worker':
      return 'spare workers beyond workersNeeded in every zone';
    case 'disk':
      return 'cloud volumes for etcd data (annual failure rate ~0.1–0.2 % against ~1.6 % for local disks)';
    case 'event':
      return 'a scripted event of the scenario';
    default:
      return '';
  }
}

/** The remedy for one zone (`region/zone`). */
export function remedyForZone(zoneRef: string, ctx: RemedyContext): string {
  const region = zoneRef.slice(0, zoneRef.indexOf('/'));
  const zone = zoneRef.slice(zoneRef.indexOf('/') + 1);
  const one = clustersOf(ctx).find((c) => c.region === region);
  return one === undefined ? ZONE_GENERAL : zoneRemedy(one, zone, ctx.metric);
}

/** The remedy for a single point of failure, by its element id (exact/elements.ts). */
export function remedyForElement(element: string, cls: string | null, ctx: RemedyContext): string {
  if (element.endsWith('(pinned)'))
    return 'an endpoint that reaches every master (cloud, local-proxy or dns) instead of pinning one';
  const zone = /^zone (.+)$/.exec(element)?.[1];
  if (zone !== undefined) return remedyForZone(zone, ctx);
  if (element === 'bad change (etcd restore)')
    return `${remedyForClass('operatorError', ctx)}; keep snapshots off the etcd nodes`;
  if (/ keepalived host @/.test(element))
    return 'an endpoint without a shared element: local-proxy (a proxy on every node)';
  if (element.endsWith('keepalived host'))
    return 'keepalived hosts in two zones (endpoint: { kind: keepalived, zones: [a, b] }), or local-proxy';
  return remedyForClass(cls ?? 'unknown', ctx);
}

// --- internal ---

const ZONE_GENERAL =
  'spread etcd and workers over 3 zones so that no zone holds a majority or the spare capacity';

/** The clusters a target names: the cluster itself, or every cluster of a region. */
function clustersOf(ctx: RemedyContext): ClusterLayoutRow[] {
  const all = ctx.layout?.clusters ?? [];
  const cluster = all.find((c) => c.name === ctx.target);
  return cluster !== undefined ? [cluster] : all.filter((c) => c.region === ctx.target);
}

function onlyCluster(ctx: RemedyContext): ClusterLayoutRow | undefined {
  const clusters = clustersOf(ctx);
  return clusters.length === 1 ? clusters[0] : undefined;
}

function zoneRemedy(c: ClusterLayoutRow, zone: string | null, metric: string): string {
  const n = c.totals.etcdMembers;
  const zones = c.zones.length;
  if (c.etcd.zoneTolerance === 0 && metric !== 'workloads') {
    const held = zone === null ? undefined : c.zones.find((z) => z.zone === zone)?.etcdMembers;
    const spread = balancedSpread(Math.max(3, n), 3).join('+');
    const where =
      held === undefined
        ? ''
        : `zone ${zone} holds ${held} of ${c.name}'s ${n} etcd members (quorum ${c.etcd.quorum}); `;
    return zones >= 3
      ? `${where}spread etcd evenly (${spread} over 3 zones) so no zone holds a majority`
      : `${where}a third zone for etcd (${spread}): with ${zones === 1 ? 'one zone' : 'two zones'} some zone always holds a majority`;
  }
  if (c.workerZoneTolerance === 0 && zones > 1)
    return `more workers in ${c.name}, so the other zones carry the load (utilisation ≤ (Z−1)/Z)`;
  if (zones === 1) return `${c.name} in more than one zone: masters, etcd and workers over 3 zones`;
  return `${c.name} survives any one zone loss; what remains is a zone outage overlapping another failure`;
}
