/**
 * The few sentences a reviewer reads first: zones whose loss breaks etcd quorum or leaves too few
 * workers (closed forms of the layout), objectives missed or undecided, and the predicates with
 * single points of failure other than their region.
 */
import { formatPercentAgainst } from './report-format.js';
import type { Finding, MetricRow, SpofRow } from './report.js';
import { quorumBreakingZones, type LayoutSection } from './report-layout.js';

export function buildFindings(
  layout: LayoutSection | null,
  metrics: readonly MetricRow[],
  spofs: readonly SpofRow[],
  engineWarnings: readonly string[] = [],
): Finding[] {
  return [
    ...layoutFindings(layout),
    ...objectiveFindings(metrics),
    ...spofFindings(spofs),
    // Where the exact engine says a figure is approximate.
    ...engineWarnings.map((text): Finding => ({ severity: 'info', text })),
  ];
}

// --- internal ---

function layoutFindings(layout: LayoutSection | null): Finding[] {
  const out: Finding[] = [];
  for (const c of layout?.clusters ?? []) {
    const n = c.totals.etcdMembers;
    const q = c.etcd.quorum;
    for (const zone of quorumBreakingZones(c)) {
      const held = c.zones.find((z) => z.zone === zone)?.etcdMembers ?? 0;
      out.push({
        severity: 'risk',
        text:
          held === n
            ? `Losing zone ${c.region}/${zone} breaks etcd quorum of cluster ${c.name}: all ${n} etcd members are in it.`
            : `Losing zone ${c.region}/${zone} breaks etcd quorum of cluster ${c.name}: it holds ${held} of the ${n} etcd members, and the other zones hold ${n - held}, fewer than the quorum of ${q}.`,
      });
    }
    const spare = c.totals.workers - c.totals.workersNeeded;
    const short = c.zones.filter((z) => z.workers > spare && c.totals.workersNeeded > 0);
    if (c.zones.length > 1 && short.length > 0) {
      out.push({
        severity: 'risk',
        text: `Losing zone ${short.map((z) => `${c.region}/${z.zone}`).join(' or ')} leaves cluster ${c.name} fewer workers than the ${c.totals.workersNeeded} it needs (${spare} spare).`,
      });
    }
  }
  return out;
}

function objectiveFindings(metrics: readonly MetricRow[]): Finding[] {
  const out: Finding[] = [];
  for (const m of metrics) {
    const o = m.objective;
    if (o === null) continue;
    const what = `${m.target} ${m.metric}`;
    if (o.exact === 'not-met' && m.exact !== null) {
      out.push({
        severity: 'missed',
        text: `${what}: ${formatPercentAgainst(m.exact.availability, o.percent)} by the exact engine, below the objective of ${o.percent} %.`,
      });
    }
    if (o.simulated === 'not-met' && m.simulated !== null) {
      out.push({
        severity: 'missed',
        text: `${what}: ${formatPercentAgainst(m.simulated.availability.ci95[1], o.percent)} at most by the simulation (95 % interval), below the objective of ${o.percent} %.`,
      });
    } else if (o.simulated === 'undecided') {
      out.push({
        severity: 'info',
        text: `${what}: the simulation's 95 % interval straddles the objective of ${o.percent} %; more trials would decide it.`,
      });
    }
  }
  return out;
}

function spofFindings(spofs: readonly SpofRow[]): Finding[] {
  // A region is a single point of failure of every one-region design; say so only once, in the
  // table, and list here what the design itself could remove.
  const own = spofs.filter((s) => s.class !== 'region');
  if (own.length === 0) return [];
  return [
    {
      severity: 'risk',
      text: `Single points of failure besides the region: ${own.map((s) => s.element).join(', ')}.`,
    },
  ];
}
