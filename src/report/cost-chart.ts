/**
 * The plan's chart: cost against downtime for the candidates of the cost/availability front,
 * one series per metric, the targets as horizontal lines and the recommendation marked.
 */
import { CHART_CONFIG, type ChartSpec } from './chart-specs.js';
import { MINUTES_PER_MONTH, type Report } from './report.js';

/** The cost chart of a plan with a front; null otherwise. */
export function buildCostChart(report: Report): ChartSpec | null {
  const plan = report.plan;
  if (plan === null || plan.fronts.every((f) => f.candidates.length === 0)) return null;
  const minutesPerYear = (a: number): number => (1 - a) * MINUTES_PER_MONTH * 12;
  const points = plan.fronts.flatMap((f) =>
    f.candidates.map((c) => ({
      candidate: c.label,
      cost: c.cost,
      metric: f.metric,
      minutes: minutesPerYear(c.availability[f.metric] ?? Number.NaN),
    })),
  );
  const targets = Object.entries(plan.targets).map(([metric, percent]) => ({
    metric,
    minutes: minutesPerYear(percent / 100),
  }));
  const rec = plan.recommended;
  const recommended =
    rec === null
      ? []
      : plan.fronts.map((f) => ({
          metric: f.metric,
          cost: rec.cost,
          minutes: minutesPerYear(rec.availability[f.metric] ?? Number.NaN),
        }));
  const description =
    `Cost a year (${plan.costUnit}) against downtime in minutes a year (log scale) along each target metric's front; ` +
    'dashed lines: the targets; ring: the recommendation.';
  const y = { type: 'log' as const };
  return {
    id: 'cost-availability',
    title: 'Cost against availability',
    description,
    spec: {
      ...CHART_CONFIG,
      title: { text: 'Cost against availability', subtitle: description },
      width: 560,
      height: 300,
      layer: [
        {
          data: { values: points },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'cost', type: 'quantitative', title: `cost a year (${plan.costUnit})` },
            y: {
              field: 'minutes',
              type: 'quantitative',
              scale: y,
              title: 'downtime, minutes a year',
            },
            color: { field: 'metric', type: 'nominal' },
            tooltip: [
              { field: 'candidate', type: 'nominal' },
              { field: 'metric', type: 'nominal' },
              { field: 'cost', type: 'quantitative' },
              { field: 'minutes', type: 'quantitative', format: '.3~g' },
            ],
          },
        },
        {
          data: { values: targets },
          mark: { type: 'rule', strokeDash: [4, 3] },
          encoding: {
            y: { field: 'minutes', type: 'quantitative', scale: y },
            color: { field: 'metric', type: 'nominal' },
          },
        },
        {
          data: { values: recommended },
          mark: { type: 'point', size: 220, strokeWidth: 2, color: 'black' },
          encoding: {
            x: { field: 'cost', type: 'quantitative' },
            y: { field: 'minutes', type: 'quantitative', scale: y },
          },
        },
      ],
    },
  };
}
