/**
 * The report's charts as Vega-Lite specs with their data inline, so the JSON report carries
 * them and users can re-render them in their own tools. Only the charts the report has data
 * for: downtime by cause, outage durations (simulation), monthly downtime against the
 * objectives (the SLA view), cost against availability (plan).
 */
import type { TopLevelSpec } from 'vega-lite';
import { causeLabel } from './cause-labels.js';
import type { Report } from './report.js';
import { buildCostChart } from './cost-chart.js';

export interface ChartSpec {
  /** Stable id: `downtime-by-cause`, `outage-durations`, `monthly-downtime`, `cost-availability`. */
  id: string;
  title: string;
  /** One sentence saying what is plotted, in which unit. */
  description: string;
  spec: TopLevelSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 560;

/** Every chart the report has data for, in reading order. */
export function buildChartSpecs(report: Report): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (report.causes.length > 0) charts.push(causesChart(report));
  if (report.outageDurations.length > 0) charts.push(durationsChart(report));
  if (report.sla !== null) charts.push(monthlyChart(report));
  const cost = buildCostChart(report);
  if (cost !== null) charts.push(cost);
  return charts.map((c) => ({ ...c, spec: { $schema: SCHEMA, ...c.spec } }));
}

/** The shared look: white background, no interactivity, a readable font size. */
export const CHART_CONFIG = {
  background: 'white',
  config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } },
} as const;

// --- internal ---

/** One row per predicate (`prod api`), in the report's order. */
const Y_PREDICATE = { field: 'predicate', type: 'nominal', sort: null, title: null } as const;

/** Hovering a mark names its predicate, its `by` field and its minutes. */
function minutesTooltip(
  by: string,
): { field: string; type: 'nominal' | 'quantitative'; format?: string }[] {
  return [
    { field: 'predicate', type: 'nominal' },
    { field: by, type: 'nominal' },
    { field: 'minutes', type: 'quantitative', format: '.3~g' },
  ];
}

/** Quantiles told apart by shape and colour, in their natural order. */
const QUANTILE_ORDER = ['p50', 'p90', 'p99', 'max'];
const QUANTILE_MARKS = {
  shape: { field: 'quantile', type: 'nominal', sort: QUANTILE_ORDER },
  color: { field: 'quantile', type: 'nominal', sort: QUANTILE_ORDER },
} as const;

function causesChart(report: Report): ChartSpec {
  const simulated = report.causes.some((c) => c.source === 'simulation');
  const description = simulated
    ? 'Minutes a year of outages each cause started (simulation): they add up to the downtime.'
    : 'Minutes a year that would disappear if the class never failed (exact engine).';
  const values = report.causes.map((c) => ({
    predicate: `${c.target} ${c.metric}`,
    cause: causeLabel(c.cause),
    minutes: c.minutesPerYear,
  }));
  return {
    id: 'downtime-by-cause',
    title: 'Downtime by cause',
    description,
    spec: {
      ...CHART_CONFIG,
      title: { text: 'Downtime by cause', subtitle: description },
      width: WIDTH,
      height: { step: 18 },
      data: { values },
      mark: 'bar',
      encoding: {
        y: Y_PREDICATE,
        x: { field: 'minutes', type: 'quantitative', aggregate: 'sum', title: 'minutes a year' },
        color: { field: 'cause', type: 'nominal', scale: { scheme: 'tableau20' } },
        order: { field: 'minutes', type: 'quantitative', sort: 'descending' },
        tooltip: minutesTooltip('cause'),
      },
    },
  };
}

function durationsChart(report: Report): ChartSpec {
  const description =
    'Outage lengths in minutes (log scale): median, 90th and 99th percentile, longest (simulation).';
  const values = report.outageDurations.flatMap((d) => {
    const predicate = `${d.target} ${d.metric}`;
    return (
      [
        ['p50', d.p50Minutes],
        ['p90', d.p90Minutes],
        ['p99', d.p99Minutes],
        ['max', d.maxMinutes],
      ] as const
    )
      .filter(([, m]) => m > 0)
      .map(([quantile, minutes]) => ({ predicate, quantile, minutes }));
  });
  return {
    id: 'outage-durations',
    title: 'Outage durations',
    description,
    spec: {
      ...CHART_CONFIG,
      title: { text: 'Outage durations', subtitle: description },
      width: WIDTH,
      height: { step: 18 },
      data: { values },
      layer: [
        {
          mark: { type: 'rule', color: '#999' },
          encoding: {
            y: Y_PREDICATE,
            x: { field: 'minutes', type: 'quantitative', aggregate: 'min', scale: { type: 'log' } },
            x2: { field: 'minutes', aggregate: 'max' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            y: Y_PREDICATE,
            x: {
              field: 'minutes',
              type: 'quantitative',
              scale: { type: 'log' },
              title: 'outage length, minutes (log scale)',
            },
            ...QUANTILE_MARKS,
            tooltip: minutesTooltip('quantile'),
          },
        },
      ],
    },
  };
}

function monthlyChart(report: Report): ChartSpec {
  const description =
    'Downtime per calendar month in minutes (symmetric log scale): quantiles over simulated months; ' +
    'red ticks: the objective’s monthly budget; dashed lines: managed control planes’ SLAs.';
  const slo = report.sla ?? [];
  const label = (s: (typeof slo)[number]): string => `${s.target} ${s.metric} ≥ ${s.objective} %`;
  const quantiles = slo.flatMap((s) =>
    (['p50', 'p90', 'p99', 'max'] as const).map((q) => ({
      predicate: label(s),
      quantile: q,
      minutes: s.monthlyDownMinutes[q],
    })),
  );
  const budgets = slo.map((s) => ({
    predicate: label(s),
    budget: ((100 - s.objective) / 100) * 43_800,
  }));
  const managed = uniqueBudgets(report).map(([budget, offerings]) => ({ budget, offerings }));
  const x = { type: 'symlog' as const };
  return {
    id: 'monthly-downtime',
    title: 'Downtime per month against the objectives',
    description,
    spec: {
      ...CHART_CONFIG,
      title: { text: 'Downtime per month against the objectives', subtitle: description },
      width: WIDTH,
      // Tall enough for the managed SLAs' rotated labels, whatever the number of objectives.
      height: Math.max(160, 28 * slo.length),
      layer: [
        {
          data: { values: managed },
          mark: { type: 'rule', strokeDash: [4, 3], color: '#777' },
          encoding: { x: { field: 'budget', type: 'quantitative', scale: x } },
        },
        {
          data: { values: managed },
          mark: {
            type: 'text',
            angle: 270,
            align: 'right',
            baseline: 'bottom',
            dx: -4,
            dy: -3,
            fontSize: 9,
          },
          encoding: {
            x: { field: 'budget', type: 'quantitative', scale: x },
            y: { value: 0 },
            text: { field: 'offerings' },
          },
        },
        {
          data: { values: budgets },
          mark: { type: 'tick', color: '#c0392b', thickness: 2 },
          encoding: {
            y: Y_PREDICATE,
            x: { field: 'budget', type: 'quantitative', scale: x },
          },
        },
        {
          data: { values: quantiles },
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            y: Y_PREDICATE,
            x: {
              field: 'minutes',
              type: 'quantitative',
              scale: x,
              title: 'downtime in a month, minutes',
            },
            ...QUANTILE_MARKS,
          },
        },
      ],
    },
  };
}

/** Managed SLA budgets (minutes a month), offerings with the same budget on one line. */
function uniqueBudgets(report: Report): [number, string][] {
  const byBudget = new Map<string, [number, string[]]>();
  for (const s of report.managedSlas) {
    const key = s.monthlyUptimePercent.toString();
    const entry = byBudget.get(key) ?? [s.budgetMinutesPerMonth, []];
    entry[1].push(s.short);
    byBudget.set(key, entry);
  }
  return [...byBudget.values()].map(([b, names]) => [b, names.join(', ')]);
}
