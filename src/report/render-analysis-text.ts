/**
 * An exact analysis as text: one table per cluster and per region (availability, nines,
 * downtime, top contributors, objective), then the single points of failure. Colour comes in
 * through `style`, decided at the edge.
 */
import type { AnalysisResult, MetricAnalysis } from '../exact/analyze.js';
import { causeLabel } from './cause-labels.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

/** The analysis as tables, ending with a newline. */
export function renderAnalysisText(result: AnalysisResult, style: TextStyle): string {
  const out: string[] = [style.bold(`hasim analyze · ${result.scenario} · exact steady state`), ''];
  for (const [name, metrics] of Object.entries(result.clusters)) {
    out.push(...section(`cluster ${name}`, metrics, style));
  }
  for (const [name, metrics] of Object.entries(result.regions)) {
    out.push(...section(`region ${name}`, metrics, style));
  }
  if (Object.keys(result.regions).length > 1)
    out.push(...section('deployment (share of users served)', result.deployment, style));
  for (const w of result.warnings) out.push(style.warning(`warning: ${w}`));
  if (result.warnings.length > 0) out.push('');
  if (result.missedObjectives.length > 0) {
    out.push(style.warning('objectives not met:'));
    for (const m of result.missedObjectives) {
      out.push(
        style.warning(
          `  ${m.scope}.${m.name}.${m.metric}: ${formatPercent(m.availabilityPercent / 100)} < ${m.objectivePercent} %`,
        ),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** An availability as a percentage with as many decimals as its nines need. */
export function formatPercent(availability: number): string {
  if (availability >= 1) return '100 %';
  const nines = -Math.log10(1 - availability);
  // Three significant digits of the unavailability (rounding noise aside).
  const decimals = Math.min(12, Math.max(2, Math.ceil(nines - 1e-9)));
  return `${(availability * 100).toFixed(decimals)} %`;
}

/** Minutes per year: three significant digits below 100, whole minutes above. */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0';
  if (Math.abs(minutes) >= 100) return minutes.toFixed(0);
  return Number(minutes.toPrecision(3)).toString();
}

// --- internal ---

const TOP_CONTRIBUTORS = 3;

function section(
  title: string,
  metrics: Record<string, MetricAnalysis>,
  style: TextStyle,
): string[] {
  const entries = Object.entries(metrics);
  // A column of zones only when some zone's outages cost downtime.
  const zones = entries.some(([, m]) => zoneContributors(m) !== '');
  const rows = entries.map(([metric, m]) => [
    metric,
    formatPercent(m.availability),
    m.nines === null ? '∞' : m.nines.toFixed(2),
    formatMinutes(m.downtimeMinutesPerYear),
    contributors(m),
    ...(zones ? [zoneContributors(m)] : []),
    m.objective === undefined
      ? ''
      : m.objective.met
        ? style.ok(`${m.objective.percent} % ✔`)
        : style.warning(`${m.objective.percent} % ✖`),
  ]);
  const head = [
    'metric',
    'availability',
    'nines',
    'down min/yr',
    'largest causes (min/yr)',
    ...(zones ? ['worst zones (min/yr)'] : []),
    'objective',
  ];
  const table = renderTable(head, rows, style, ['left', 'right', 'right', 'right']);
  const spofs = entries.flatMap(([metric, m]) =>
    m.singlePointsOfFailure.length > 0
      ? [`  ${metric}: ${m.singlePointsOfFailure.join(', ')}`]
      : [],
  );
  const lines = [style.bold(title), table];
  if (spofs.length > 0) lines.push('single points of failure:', ...spofs);
  else lines.push(style.dim('no single point of failure'));
  lines.push('');
  return lines;
}

/**
 * The failure classes whose removal would save the most downtime. Zones are shown apart
 * (zoneContributors): a zone's outages are part of the class "zone outage", not in addition to it.
 */
function contributors(m: MetricAnalysis): string {
  return top(Object.entries(m.attribution.byClass), TOP_CONTRIBUTORS)
    .map(([k, v]) => `${causeLabel(k)} ${formatMinutes(v)}`)
    .join(', ');
}

/** The zones whose outages cost the most downtime (their share of "zone outage"). */
function zoneContributors(m: MetricAnalysis | undefined): string {
  if (m === undefined) return '';
  return top(Object.entries(m.attribution.byZone), 2)
    .map(([z, v]) => `${z} ${formatMinutes(v)}`)
    .join(', ');
}

function top(entries: [string, number][], n: number): [string, number][] {
  return entries
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}
