/** A SimulationResult (or a timeline) as text for people: one table per cluster and region. */
import { HOURS_PER_YEAR } from '../model/units.js';
import type { MetricResult, SimulationResult } from '../sim/stats/simulation-result.js';
import type { TimelineResult } from '../sim/engine/timeline.js';
import { causeLabel } from './cause-labels.js';
import type { SloResult } from '../sim/stats/slo-estimates.js';
import type { Estimate } from '../sim/stats/simulation-result.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

export function renderSimulationText(r: SimulationResult, style: TextStyle): string {
  const out: string[] = [];
  const years = r.horizonHours / HOURS_PER_YEAR;
  out.push(
    style.bold(
      `${r.scenario}: ${r.trials} trials of ${fmtYears(years)}, seed ${r.seed}, ${r.method}`,
    ) +
      (r.importance === null
        ? ''
        : style.dim(
            ` (importance sampling: ${r.importance.map((p) => `${p.pass} ${p.trials} trials, β = ${p.beta.toPrecision(3)}`).join('; ')})`,
          )),
  );
  const head = [
    '',
    'availability (95 % CI)',
    'down min/yr',
    'P(outage)',
    'outages/yr',
    'timers min/yr',
    'method',
  ];
  const row = (name: string, m: MetricResult): string[] => [
    name,
    availability(m),
    num(m.downtimeMinutesPerYear.mean),
    num(m.pOutage.mean),
    num(m.outagesPerYear.mean),
    num(m.timerDowntimeMinutesPerYear),
    m.method === 'importance-sampling'
      ? `IS, ESS ${num(m.effectiveSampleSize ?? 0)}`
      : m.trialsWithOutage === 0
        ? 'MC, bound'
        : 'MC',
  ];
  const right: ('left' | 'right')[] = ['left', 'right', 'right', 'right', 'right', 'right', 'left'];
  const notes = new Set<string>();
  for (const [name, c] of Object.entries(r.clusters)) {
    out.push(`\ncluster ${style.bold(name)}`);
    const metrics = [c.etcdQuorum, c.api, c.scheduling, c.workloads];
    const names = ['etcdQuorum', 'api', 'scheduling', 'workloads'];
    out.push(
      renderTable(
        head,
        metrics.map((m, i) => row(names[i] ?? '', m)),
        style,
        right,
      ),
    );
    for (const m of metrics)
      if (m.note !== undefined && m.method === 'monte-carlo') notes.add(m.note);
    const causes = Object.entries(c.api.downtimeMinutesPerYearByCause)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${causeLabel(k)} ${num(v)}`);
    if (causes.length > 0)
      out.push(style.dim(`api downtime by cause (min/yr): ${causes.join(', ')}`));
    if (c.dataLoss.eventsPerYear.mean > 0) {
      out.push(
        style.dim(
          `data loss: ${num(c.dataLoss.eventsPerYear.mean)} restores/yr, ${num(c.dataLoss.lostHoursPerYear.mean)} h of writes lost/yr`,
        ),
      );
    }
  }
  const regions = Object.entries(r.regions);
  if (regions.length > 1 || Object.keys(r.clusters).length > 1) {
    for (const [name, g] of regions) {
      out.push(`\nregion ${style.bold(name)}`);
      out.push(renderTable(head, [row('served', g.served), row('local', g.local)], style, right));
    }
  }
  if (regions.length > 1) {
    const u = r.deployment.usersServed;
    out.push(
      `\nusers served (regions weighted by their users): ${availability(u)}, ${num(u.downtimeMinutesPerYear.mean)} user-weighted min/yr not served`,
    );
  }
  for (const n of notes) out.push(style.dim(`note: ${n}`));
  if (r.stop.reason !== 'trials') {
    const why = {
      'precision-met': `precision ${r.stop.precision ?? ''} met`,
      'max-trials': `precision ${r.stop.precision ?? ''} not met within the trial budget${r.stop.unmet ? ` (${r.stop.unmet.join(', ')})` : ''}`,
      // With --precision, --trials is only the first batch: no "51000 of 1000".
      interrupted:
        r.stop.precision === undefined
          ? `interrupted after ${r.trials} of ${r.stop.trialsRequested} trials`
          : `interrupted after ${r.trials} trials, before precision ${r.stop.precision} was met`,
      trials: '',
    }[r.stop.reason];
    // Per importance-sampling pass: whether its metrics met the precision or the budget ended it.
    const passes = (r.stop.passes ?? []).map(
      (p) =>
        `importance pass ${p.pass}: ${p.reason === 'precision-met' ? 'precision met' : 'budget ended it'} after ${p.trials} trials`,
    );
    out.push(style.warning(`stopped: ${[why, ...passes].join('; ')}`));
  }
  for (const o of r.objectives) {
    const mark =
      o.status === 'met'
        ? style.ok('met')
        : o.status === 'not-met'
          ? style.warning('NOT met')
          : 'undecided';
    out.push(`objective ${o.target} ${o.metric} ≥ ${o.objective} %: ${mark}`);
  }
  if (r.slo !== undefined && r.slo.length > 0) out.push(...sloTable(r.slo, style));
  return `${out.join('\n')}\n`;
}

/** The SLA view: per objective, how often a calendar month misses it and the budget it burns. */
function sloTable(slo: readonly SloResult[], style: TextStyle): string[] {
  const pct = (e: Estimate): string =>
    `${num(e.mean * 100)} % [${num(e.ci95[0] * 100)}, ${num(e.ci95[1] * 100)}]`;
  const burn = (e: Estimate | null): string => (e === null ? '—' : pct(e));
  const first = slo[0];
  const head = [
    'target',
    'objective',
    'P(month misses)',
    'budget burn',
    'down min/month p50 / p90 / max',
    `SLA-style P(miss)`,
    'SLA-style burn',
  ];
  const rows = slo.map((s) => [
    `${s.target} ${s.metric}`,
    `${s.objective} %`,
    pct(s.monthMissProbability),
    burn(s.budgetBurn),
    [s.monthlyDownMinutes.p50, s.monthlyDownMinutes.p90, s.monthlyDownMinutes.max]
      .map(num)
      .join(' / '),
    pct(s.sla.monthMissProbability),
    burn(s.sla.budgetBurn),
  ]);
  return [
    `\n${style.bold('SLA view')} (calendar months; SLA-style counts only outages of ${num((first?.minOutageHours ?? 0) * 60)} min or more, as GKE's SLA does)`,
    renderTable(head, rows, style, ['left', 'right', 'right', 'right', 'right', 'right', 'right']),
  ];
}

export function renderTimelineText(r: TimelineResult, style: TextStyle): string {
  const out = [
    style.bold(
      `${r.scenario}: timeline of the scenario's events${r.withRandom ? ` with random failures (seed ${r.seed})` : ''}`,
    ),
  ];
  if (r.entries.length === 0) out.push('no predicate changed');
  else {
    out.push(
      renderTable(
        ['at', 'target', 'metric', 'state', 'cause'],
        r.entries.map((e) => [
          fmtHours(e.hours),
          e.target,
          e.metric,
          e.up ? style.ok('up') : style.warning('down'),
          e.eventLabel ?? e.cause,
        ]),
        style,
      ),
    );
  }
  for (const st of r.maintenance) {
    const waited = st.startHours - st.dueHours;
    out.push(
      `maintenance: ${st.cluster} master ${st.master} (zone ${st.zone}) ${fmtHours(st.startHours)}–${fmtHours(st.endHours)}` +
        (waited > 0
          ? style.warning(` (waited ${fmtHours(waited)} for the cluster to be healthy)`)
          : ''),
    );
  }
  const totals = Object.entries(r.downHours).flatMap(([t, ms]) =>
    Object.entries(ms)
      .filter(([, h]) => h > 0)
      .map(([m, h]) => `${t} ${m} ${fmtHours(h)}`),
  );
  if (totals.length > 0) out.push(`down: ${totals.join(', ')}`);
  return `${out.join('\n')}\n`;
}

// --- internal ---

/** Mean and interval in percent, with enough decimals to show the interval's lower end. */
function availability(m: Pick<MetricResult, 'availability'>): string {
  const [lo, hi] = m.availability.ci95;
  const nines = lo < 1 ? Math.floor(-Math.log10(1 - lo)) : 6;
  const digits = Math.min(8, Math.max(2, nines));
  const p = (x: number): string => (100 * x).toFixed(digits);
  return `${p(m.availability.mean)} % [${p(lo)}, ${p(hi)}]`;
}

function num(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

function fmtYears(y: number): string {
  return y === 1 ? '1 year' : `${num(y)} years`;
}

/** 1h5m30s style. */
export function fmtHours(h: number): string {
  const total = Math.round(h * 3600);
  const d = Math.floor(total / 86400);
  const hh = Math.floor((total % 86400) / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  const parts = [d ? `${d}d` : '', hh ? `${hh}h` : '', mm ? `${mm}m` : '', ss ? `${ss}s` : ''].join(
    '',
  );
  return parts === '' ? '0s' : parts;
}
