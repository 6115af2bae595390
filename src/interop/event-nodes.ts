/**
 * The nodes of one cluster that a scripted event takes down, by role and zone, so that an
 * export can name each one (a cloud instance to stop, a node to power off). `fail: master
 * c/z` is the first master of zone z (model.md, "Simulation details").
 */
import type { Cluster, NodeRole, ScenarioEvent } from '../model/topology.js';

export interface AffectedNode {
  role: NodeRole;
  zone: string;
  /** 1-based among the nodes of this role in this zone. */
  ordinal: number;
}

export function affectedNodes(e: ScenarioEvent, c: Cluster): AffectedNode[] {
  if (e.kind !== 'fail') return [];
  const t = e.target;
  switch (t.kind) {
    case 'zone':
      return t.region === c.region ? nodesIn(c, [t.zone]) : [];
    case 'region':
      return t.region === c.region ? nodesIn(c, c.zones) : [];
    case 'node':
      return t.cluster === c.name
        ? [{ role: stackedRole(t.role, c), zone: t.zone, ordinal: 1 }]
        : [];
    case 'endpoint':
    case 'impairment': // the cloud's control plane fails; the VMs keep running
      return [];
  }
}

/** The zones an event takes down in this cluster (a zone or region outage), else none. */
export function zonesDown(e: ScenarioEvent, c: Cluster): string[] {
  if (e.kind !== 'fail') return [];
  if (e.target.kind === 'zone' && e.target.region === c.region) return [e.target.zone];
  if (e.target.kind === 'region' && e.target.region === c.region) return [...c.zones];
  return [];
}

export function describeNode(n: AffectedNode, c: Cluster): string {
  const role = n.role === 'etcd' ? 'etcd member' : n.role;
  return `${c.name} ${role} ${n.ordinal} in ${c.region}/${n.zone}`;
}

// --- internal ---

function nodesIn(c: Cluster, zones: readonly string[]): AffectedNode[] {
  const external = c.etcd.placement === 'external';
  return zones.flatMap((zone) => [
    ...range(c.masters[zone] ?? 0).map((i) => ({ role: 'master' as const, zone, ordinal: i })),
    ...(external
      ? range(c.etcd.members[zone] ?? 0).map((i) => ({ role: 'etcd' as const, zone, ordinal: i }))
      : []),
    ...range(c.workers[zone] ?? 0).map((i) => ({ role: 'worker' as const, zone, ordinal: i })),
  ]);
}

/** With stacked etcd, `fail: etcd c/z` names the master's node. */
function stackedRole(role: NodeRole, c: Cluster): NodeRole {
  return role === 'etcd' && c.etcd.placement === 'stacked' ? 'master' : role;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
