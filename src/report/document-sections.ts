/**
 * The sections of a report document that show figures: layout, availability, objectives,
 * downtime by cause and outage durations. Risks, the SLA view, managed SLAs and the plan are in
 * document-risk-sections.ts.
 */
import {
  list,
  table,
  type Block,
  type DocSection,
  type DocumentOptions,
} from './document-blocks.js';
import {
  formatAvailabilityInterval,
  formatDurationMinutes,
  formatInterval,
  formatMinutes,
  formatNumber,
  formatPercent,
} from './report-format.js';
import { causeLabel } from './cause-labels.js';
import type { Report } from './report.js';
import { renderMermaid } from './render-mermaid.js';

export { managedSection, planSection, sloSection, spofSection } from './document-risk-sections.js';

/** `cluster prod` or `region eu-west`. */
export function targetLabel(m: {
  scope?: 'cluster' | 'region' | 'deployment';
  target: string;
}): string {
  if (m.scope === 'deployment') return 'deployment';
  return m.scope === undefined ? m.target : `${m.scope} ${m.target}`;
}

export function layoutSection(report: Report, options: DocumentOptions): DocSection | null {
  const layout = report.layout;
  if (layout === null) {
    return report.metrics.length === 0
      ? null
      : {
          id: 'layout',
          title: 'Layout',
          blocks: [
            {
              kind: 'paragraph',
              text: 'The layout is not in a saved result: pass the scenario too (hasim report result.json --scenario x.yaml).',
            },
          ],
        };
  }
  const blocks: Block[] = [];
  if (options.diagram) blocks.push({ kind: 'mermaid', text: renderMermaid(layout) });
  const rows = layout.clusters.flatMap((c) =>
    c.zones.map((z) => [
      c.name,
      `${c.region}/${z.zone}`,
      String(z.masters),
      String(z.etcdMembers),
      String(z.workers),
    ]),
  );
  blocks.push(
    table(
      ['cluster', 'zone', 'masters', `etcd members`, 'workers'],
      rows,
      ['left', 'left', 'right', 'right', 'right'],
      options,
    ),
  );
  blocks.push(
    list(
      layout.clusters.map((c) => ({
        mark: null,
        text:
          `${c.name}: ${c.etcdPlacement} etcd of ${c.totals.etcdMembers}, quorum ${c.etcd.quorum}, ` +
          `tolerates ${plural(c.etcd.tolerance, 'member failure')} and ${plural(c.etcd.zoneTolerance, 'zone loss', 'zone losses')}; ` +
          `API endpoint ${c.endpoint.kind}${c.endpoint.zone === null ? '' : ` in zone ${c.endpoint.zone}`}; ` +
          `${c.totals.workers} workers for ${c.totals.workersNeeded} needed, enough after ${plural(c.workerZoneTolerance, 'zone loss', 'zone losses')}.`,
      })),
      options,
    ),
  );
  if (layout.regions.length > 1)
    blocks.push({
      kind: 'paragraph',
      text: `Failover: ${layout.failover}. Changes roll out ${layout.rollout === 'waves' ? 'in waves' : 'to every cluster at once'}.`,
    });
  return { id: 'layout', title: 'Layout', blocks };
}

export function availabilitySection(report: Report, options: DocumentOptions): DocSection | null {
  const rows = report.metrics;
  if (rows.length === 0) return null;
  const exact = report.engines.exact;
  const sim = report.engines.simulation;
  const head = ['', 'metric'];
  const align: ('left' | 'right')[] = ['left', 'left'];
  if (exact) {
    head.push('availability (exact)', 'nines', 'down min/yr', 'down min/month');
    align.push('right', 'right', 'right', 'right');
  }
  if (sim) {
    head.push('availability (simulated, 95 % CI)', 'down min/yr (95 % CI)', 'down min/month');
    align.push('right', 'right', 'right');
  }
  const body = rows.map((m) => {
    const cells = [targetLabel(m), m.metric];
    if (exact) {
      const e = m.exact;
      cells.push(
        e === null ? '—' : formatPercent(e.availability),
        e === null || e.nines === null ? '∞' : e.nines.toFixed(2),
        e === null ? '—' : formatMinutes(e.downMinutesPerYear),
        e === null ? '—' : formatMinutes(e.downMinutesPerMonth),
      );
    }
    if (sim) {
      const s = m.simulated;
      cells.push(
        s === null
          ? '—'
          : `${formatAvailabilityInterval(s.availability)}${s.bound ? ' (bound)' : ''}`,
        s === null ? '—' : formatInterval(s.downMinutesPerYear),
        s === null ? '—' : formatInterval(s.downMinutesPerMonth),
      );
    }
    return cells;
  });
  const notes = [
    'Downtime per month is the mean month, a twelfth of the year; single months differ (see the SLA view when the scenario has objectives).',
  ];
  if (exact && sim)
    notes.push(
      'The simulation adds what the exact engine leaves out: Kubernetes’ timers (lease, endpoint failover, pod eviction) and repair-time shapes.',
    );
  if (rows.some((m) => m.simulated?.bound === true))
    notes.push(
      '(bound): no outage in any trial; the interval is a one-sided bound, not an estimate.',
    );
  return {
    id: 'availability',
    title: 'Availability',
    blocks: [table(head, body, align, options), { kind: 'paragraph', text: notes.join(' ') }],
  };
}

export function objectivesSection(report: Report, options: DocumentOptions): DocSection | null {
  const rows = report.metrics.filter((m) => m.objective !== null);
  if (rows.length === 0) return null;
  const mark = (s: string | null): string =>
    s === null ? '—' : s === 'met' ? 'met ✔' : s === 'not-met' ? 'missed ✖' : 'undecided';
  const body = rows.map((m) => [
    targetLabel(m),
    m.metric,
    `${m.objective?.percent ?? ''} %`,
    formatMinutes(m.objective?.budgetMinutesPerMonth ?? 0),
    mark(m.objective?.exact ?? null),
    mark(m.objective?.simulated ?? null),
  ]);
  return {
    id: 'objectives',
    title: 'Objectives',
    blocks: [
      table(
        ['', 'metric', 'objective', 'budget min/month', 'exact', 'simulated'],
        body,
        ['left', 'left', 'right', 'right', 'left', 'left'],
        options,
      ),
      {
        kind: 'paragraph',
        text: 'Simulated: met when the 95 % interval’s lower end reaches the objective, missed when its upper end is below it, undecided otherwise.',
      },
    ],
  };
}

export function causesSection(report: Report, options: DocumentOptions): DocSection | null {
  if (report.causes.length === 0) return null;
  const simulated = report.causes[0]?.source === 'simulation';
  const groups = new Map<string, { target: string; metric: string; causes: [string, number][] }>();
  for (const c of report.causes) {
    const key = `${c.target}/${c.metric}`;
    const g = groups.get(key) ?? { target: c.target, metric: c.metric, causes: [] };
    g.causes.push([c.cause, c.minutesPerYear]);
    groups.set(key, g);
  }
  const body = [...groups.values()].map((g) => {
    const m = report.metrics.find((r) => r.target === g.target && r.metric === g.metric);
    const total = simulated ? m?.simulated?.downMinutesPerYear.mean : m?.exact?.downMinutesPerYear;
    return [g.target, g.metric, describeCauses(g.causes, simulated ? total : undefined)];
  });
  return {
    id: 'causes',
    title: 'Downtime by cause',
    blocks: [
      {
        kind: 'paragraph',
        text: simulated
          ? 'Minutes a year of outages each cause started (simulation); they add up to the downtime.'
          : 'Minutes a year that would disappear if the class never failed (exact engine); two classes can share a minute, so they need not add up.',
      },
      { kind: 'chart', id: 'downtime-by-cause' },
      table(
        [
          'target',
          'metric',
          simulated ? 'min/yr by cause (share of the downtime)' : 'min/yr by class',
        ],
        body,
        ['left', 'left', 'left'],
        options,
      ),
    ],
  };
}

export function durationsSection(report: Report, options: DocumentOptions): DocSection | null {
  if (report.outageDurations.length === 0) return null;
  const body = report.outageDurations.map((d) => [
    d.target,
    d.metric,
    formatDurationMinutes(d.p50Minutes),
    formatDurationMinutes(d.p90Minutes),
    formatDurationMinutes(d.p99Minutes),
    formatDurationMinutes(d.maxMinutes),
  ]);
  return {
    id: 'durations',
    title: 'Outage durations',
    blocks: [
      { kind: 'chart', id: 'outage-durations' },
      table(
        ['target', 'metric', 'median', 'p90', 'p99', 'longest'],
        body,
        ['left', 'left', 'right', 'right', 'right', 'right'],
        options,
      ),
    ],
  };
}

// --- internal ---

/** Causes of at least MIN_SHARE of the downtime by name, the rest as `other`. */
const MIN_SHARE = 0.01;

function describeCauses(causes: [string, number][], total: number | undefined): string {
  const share = (m: number): string =>
    total === undefined || total <= 0 ? '' : ` (${formatNumber((100 * m) / total)} %)`;
  const sum = causes.reduce((a, [, m]) => a + m, 0);
  const major = causes.filter(([, m]) => m >= MIN_SHARE * sum);
  const rest = causes.filter(([, m]) => m < MIN_SHARE * sum);
  const parts = major.map(([c, m]) => `${causeLabel(c)} ${formatMinutes(m)}${share(m)}`);
  if (rest.length > 0) {
    const m = rest.reduce((a, [, x]) => a + x, 0);
    parts.push(`other ${formatMinutes(m)}${share(m)}`);
  }
  return parts.join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
