/**
 * A report as JSON for scripts: the report's data, every chart's Vega-Lite spec (to re-render it
 * in other tools) and the results it was built from, so `hasim report report.json` can render it
 * again in another format.
 */
import { buildChartSpecs } from './chart-specs.js';
import type { Report } from './report.js';

/** Pretty-printed JSON with a trailing newline; the results it was built from come last. */
export function renderReportJson(report: Report): string {
  const { inputs, ...rest } = report;
  const charts = buildChartSpecs(report);
  return `${JSON.stringify({ ...rest, charts, inputs }, null, 2)}\n`;
}
