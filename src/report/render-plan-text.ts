/** `hasim plan` for people: cluster counts per mode, the layout of every cluster, warnings. */
import type { ClusterMode } from '../quorum/cluster-count.js';
import type { PlanResult } from '../plan/plan-result.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

const MODE_LABELS: Record<ClusterMode, string> = {
  local: 'local',
  failoverWithCapacity: 'failover with capacity',
  failoverAvailabilityOnly: 'failover, availability only',
};

/** Renders a plan as text (ends with a newline). */
export function renderPlanText(plan: PlanResult, style: TextStyle): string {
  const { inputs, layout } = plan;
  const cp = layout.controlPlane;
  const lines: string[] = [];
  lines.push(
    style.bold(
      `Plan: ${count(inputs.regions, 'region')}, tolerating ${count(inputs.tolerate, 'unavailable cluster')}, ` +
        `${count(inputs.zonesPerRegion, 'zone')} per region`,
    ),
    style.dim(
      `load per region: ${inputs.nodesPerRegion} worker nodes, ${inputs.podsPerRegion} pods` +
        (plan.split.clustersPerRegionLoad > 1
          ? `, split over ${plan.split.clustersPerRegionLoad} clusters`
          : ''),
    ),
    '',
    renderTable(
      ['mode', 'clusters', 'per region', 'VMs'],
      plan.modes.map((m) => [
        MODE_LABELS[m.mode],
        m.clusters,
        Object.values(m.perRegion).join(','),
        m.vms,
      ]),
      style,
      ['left', 'right', 'left', 'right'],
    ),
  );
  for (const m of plan.modes) lines.push(`  ${style.bold(MODE_LABELS[m.mode])}: ${m.assumption}`);
  lines.push('', style.bold(`Every cluster (zones ${layout.zones.join(', ')})`));
  const external = cp.etcd.placement === 'external';
  lines.push(
    renderTable(
      ['zone', 'masters', external ? 'etcd VMs' : 'etcd (stacked)', 'workers'],
      layout.zones.map((z) => [
        z,
        cp.masters[z] ?? 0,
        cp.etcd.members[z] ?? 0,
        layout.workers.perZone[z] ?? 0,
      ]),
      style,
      ['left', 'right', 'right', 'right'],
    ),
  );
  const zt = cp.etcd.zoneTolerance;
  lines.push(
    `  etcd: ${cp.rationale}; quorum ${cp.etcd.quorum}, tolerates ${count(cp.etcd.tolerance, 'member failure')} ` +
      `and ${zt === 1 ? '1 zone loss' : `${zt} zone losses`}`,
    `  endpoint: ${cp.endpoint.kind}${cp.endpoint.zone === null ? '' : ` in ${cp.endpoint.zone}`}`,
    `  workers: ${layout.workers.needed} needed, ${layout.workers.total} placed; utilisation ` +
      `${percent(layout.workers.utilisation)} ≤ ${percent(layout.workers.maxUtilisation)} to carry the load after ` +
      `${layout.workers.zoneLosses === 1 ? '1 zone loss' : `${layout.workers.zoneLosses} zone losses`}`,
    `  VMs per cluster: ${layout.vms.total} (${layout.vms.masters} masters` +
      (layout.vms.etcd > 0 ? `, ${layout.vms.etcd} etcd` : '') +
      `, ${layout.vms.workers} workers` +
      (layout.vms.endpoint > 0 ? `, ${layout.vms.endpoint} keepalived/HAProxy` : '') +
      ')',
  );
  if (plan.warnings.length > 0) {
    lines.push('', style.bold('Warnings'));
    for (const w of plan.warnings) lines.push(`  ${style.warning('⚠')} ${w}`);
  }
  return `${lines.join('\n')}\n`;
}

// --- internal ---

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}
