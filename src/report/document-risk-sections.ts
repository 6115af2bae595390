/**
 * The sections of a report document about risk and reference: single points of failure and the
 * top contributors with what would remove them, the SLA view, the managed control planes'
 * published SLAs (with sources), and the plan.
 */
import {
  table,
  type Block,
  type Cell,
  type DocSection,
  type DocumentOptions,
} from './document-blocks.js';
import {
  formatAvailabilityInterval,
  formatInterval,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatProbability,
} from './report-format.js';
import { causeLabel } from './cause-labels.js';
import type { Interval95, Report } from './report.js';

export function spofSection(report: Report, options: DocumentOptions): DocSection | null {
  if (!report.engines.exact) return null;
  const blocks: Block[] = [];
  if (report.singlePointsOfFailure.length === 0)
    blocks.push({ kind: 'paragraph', text: 'No element breaks a predicate alone.' });
  else
    blocks.push(
      {
        kind: 'paragraph',
        text: 'Elements whose failure alone, with everything else up, breaks a predicate.',
      },
      table(
        ['element', 'breaks', 'what would remove it'],
        report.singlePointsOfFailure.map((s) => [s.element, s.breaks.join(', '), s.remedy]),
        ['left', 'left', 'left'],
        options,
      ),
    );
  const contributors = perPredicate(report, options.contributorsPerPredicate);
  if (contributors.length > 0)
    blocks.push(
      {
        kind: 'paragraph',
        text: 'Top contributors: the minutes a year that would disappear without each failure class or each zone’s outages.',
      },
      table(
        ['target', 'metric', 'contributor', 'min/yr', 'what would remove it'],
        contributors.map((c) => [
          c.target,
          c.metric,
          c.kind === 'zone' ? `zone ${c.name}` : causeLabel(c.name),
          formatMinutes(c.minutesPerYear),
          c.remedy,
        ]),
        ['left', 'left', 'left', 'right', 'left'],
        options,
      ),
    );
  return { id: 'risks', title: 'Single points of failure and top contributors', blocks };
}

export function sloSection(report: Report, options: DocumentOptions): DocSection | null {
  if (report.sla === null) return null;
  const p = (i: Interval95): string => formatInterval(i, formatProbability);
  // A 100 % objective allows no downtime: its budget burn is not defined.
  const burn = (i: Interval95 | null): string =>
    i === null ? '—' : formatInterval(i, (x) => `${formatNumber(x * 100)} %`);
  const body = report.sla.map((s) => [
    s.target,
    s.metric,
    `${s.objective} %`,
    p(s.monthMissProbability),
    burn(s.budgetBurn),
    [
      s.monthlyDownMinutes.p50,
      s.monthlyDownMinutes.p90,
      s.monthlyDownMinutes.p99,
      s.monthlyDownMinutes.max,
    ]
      .map(formatMinutes)
      .join(' / '),
    p(s.sla.monthMissProbability),
    burn(s.sla.budgetBurn),
  ]);
  const min = report.sla[0]?.minOutageHours ?? 0;
  return {
    id: 'sla',
    title: 'SLA view: calendar months',
    blocks: [
      {
        kind: 'paragraph',
        text:
          'Per objective: the probability that a calendar month misses it and the share of the month’s error budget used, ' +
          `each with its 95 % interval; then the same with SLA-style accounting, outages shorter than ${formatMinutes(min * 60)} min not counted.`,
      },
      { kind: 'chart', id: 'monthly-downtime' },
      table(
        [
          'target',
          'metric',
          'objective',
          'P(month misses)',
          'budget burn',
          'min/month p50 / p90 / p99 / max',
          'P(miss), SLA accounting',
          'burn, SLA accounting',
        ],
        body,
        ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
        options,
      ),
    ],
  };
}

export function managedSection(report: Report, options: DocumentOptions): DocSection | null {
  if (report.metrics.length === 0) return null;
  const rows: Cell[][] = report.managedSlas.map((s) => [
    `${s.provider} ${s.offering}`,
    `${s.monthlyUptimePercent} %`,
    formatMinutes(s.budgetMinutesPerMonth),
    s.accounting ?? 'every minute of downtime',
    { text: `${s.source.terms} (checked ${s.source.checked})`, href: s.source.url },
  ]);
  const api = report.metrics.filter((m) => m.scope === 'cluster' && m.metric === 'api');
  const design = api.map((m) => {
    const parts = [
      m.exact === null ? null : `${formatMinutes(m.exact.downMinutesPerMonth)} min (exact)`,
      m.simulated === null
        ? null
        : `${formatInterval(m.simulated.downMinutesPerMonth)} min (simulated)`,
    ].filter((x): x is string => x !== null);
    return `${m.target}: ${parts.join(', ')}`;
  });
  return {
    id: 'managed',
    title: 'Compared with managed control planes',
    blocks: [
      {
        kind: 'paragraph',
        text: 'The managed offerings’ published monthly uptime for the Kubernetes API, as reference lines.',
      },
      table(
        ['offering', 'monthly API uptime', 'allows min/month', 'counts', 'source'],
        rows,
        ['left', 'right', 'right', 'left', 'left'],
        options,
      ),
      {
        kind: 'paragraph',
        text:
          `This design's API downtime in the mean month: ${design.join('; ')}. ` +
          'A mean below a budget does not mean every month is below it: ' +
          (report.sla === null
            ? 'set objectives in the scenario for the share of months that breach.'
            : 'the SLA view gives the share of months that breach.'),
      },
    ],
  };
}

export function planSection(report: Report, options: DocumentOptions): DocSection | null {
  const plan = report.plan;
  if (plan === null) return null;
  const blocks: Block[] = [{ kind: 'paragraph', text: `${plan.summary}.` }];
  if (plan.modes.length > 0)
    blocks.push(
      table(
        ['mode', 'clusters', 'VMs', 'assumption'],
        plan.modes.map((m) => [m.mode, String(m.clusters), String(m.vms), m.assumption]),
        ['left', 'right', 'right', 'left'],
        options,
      ),
    );
  const targets = Object.entries(plan.targets);
  if (targets.length > 0) {
    const evaluated =
      plan.candidatesEvaluated === null
        ? ''
        : `; ${plan.candidatesEvaluated} candidate layouts evaluated exactly`;
    blocks.push({
      kind: 'paragraph',
      text: `Targets: ${targets.map(([m, p]) => `${m} ≥ ${p} %`).join(', ')}${evaluated}. Cost in ${plan.costUnit} a year.`,
    });
  }
  const rec = plan.recommended;
  if (rec !== null) {
    const sim = new Map(plan.confirmation.map((f) => [f.metric, f]));
    blocks.push(
      {
        kind: 'paragraph',
        text: `Recommended: ${rec.label}, cost ${formatNumber(rec.cost)} a year.`,
      },
      table(
        ['metric', 'exact', 'Monte Carlo (95 % CI)', 'target'],
        Object.entries(rec.availability).map(([metric, a]) => {
          const f = sim.get(metric);
          const target = plan.targets[metric];
          return [
            metric,
            formatPercent(a),
            f === undefined ? '—' : `${formatAvailabilityInterval(f.availability)} (${f.of})`,
            target === undefined
              ? ''
              : `${target} %${f?.target === 'met' ? ' ✔' : f?.target === 'not-met' ? ' ✖' : ''}`,
          ];
        }),
        ['left', 'right', 'right', 'left'],
        options,
      ),
    );
    if (plan.why !== null) blocks.push({ kind: 'paragraph', text: `Why: ${plan.why}` });
  }
  const closest = plan.closest;
  if (closest !== null)
    blocks.push({
      kind: 'list',
      items: [
        {
          mark: 'missed',
          text: `No layout meets every target; closest: ${closest.label} (cost ${formatNumber(closest.cost)}), missing ${closest.shortfall.join(', ')}.`,
        },
        ...(closest.limitedBy === null ? [] : [{ mark: 'info' as const, text: closest.limitedBy }]),
      ],
    });
  if (plan.fronts.some((f) => f.candidates.length > 0))
    blocks.push({ kind: 'chart', id: 'cost-availability' });
  for (const f of plan.fronts) {
    blocks.push(
      {
        kind: 'paragraph',
        text: `Front of cost against ${f.metric}: no cheaper layout is as available.`,
      },
      table(
        ['layout', 'cost/yr', f.metric, 'meets targets'],
        f.candidates.map((c) => [
          c.label,
          formatNumber(c.cost),
          formatPercent(c.availability[f.metric] ?? Number.NaN),
          c.meetsTargets ? 'yes' : 'no',
        ]),
        ['left', 'right', 'right', 'left'],
        options,
      ),
    );
  }
  if (plan.warnings.length > 0)
    blocks.push({ kind: 'list', items: plan.warnings.map((text) => ({ text, mark: 'risk' })) });
  return { id: 'plan', title: 'Plan', blocks };
}

// --- internal ---

function perPredicate(report: Report, limit: number): Report['contributors'] {
  const seen = new Map<string, number>();
  return report.contributors.filter((c) => {
    const key = `${c.target}/${c.metric}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n < limit;
  });
}
