/** A SimulationResult (or a timeline) as text for people: one table per cluster and region. */
import { HOURS_PER_YEAR } from '../model/units.js';
import type { MetricResult, SimulationResult } from '../sim/simulation-result.js';
import type { TimelineResult } from '../sim/timeline.js';
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
    'down h/yr',
    'P(outage)',
    'outages/yr',
    'timers h/yr',
    'method',
  ];
  const row = (name: string, m: MetricResult): string[] => [
    name,
    availability(m),
    num(m.downHours.mean / years),
    num(m.pOutage.mean),
    num(m.outagesPerYear.mean),
    num(m.timerDownHours / years),
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
    const causes = Object.entries(c.api.downHoursByCause)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${num(v / years)}`);
    if (causes.length > 0)
      out.push(style.dim(`api downtime by cause (h/yr): ${causes.join(', ')}`));
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
      `\nusers served (regions weighted by their users): ${availability(u)}, ${num(u.downHours.mean / years)} user-weighted h/yr not served`,
    );
  }
  for (const n of notes) out.push(style.dim(`note: ${n}`));
  if (r.stop.reason !== 'trials') {
    const why = {
      'precision-met': `precision ${r.stop.precision ?? ''} met`,
      'max-trials': `precision ${r.stop.precision ?? ''} not met within the trial budget${r.stop.unmet ? ` (${r.stop.unmet.join(', ')})` : ''}`,
      interrupted: `interrupted after ${r.trials} of ${r.stop.trialsRequested} trials`,
      trials: '',
    }[r.stop.reason];
    out.push(style.warning(`stopped: ${why}`));
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
  return `${out.join('\n')}\n`;
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
