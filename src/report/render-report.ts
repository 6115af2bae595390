/** A report in the format asked for; HTML draws the charts first (Vega, tens of ms each). */
import { buildChartSpecs } from './chart-specs.js';
import { renderChartSvgs } from './render-chart-svg.js';
import { renderReportHtml } from './render-report-html.js';
import { renderReportJson } from './render-report-json.js';
import { renderReportMarkdown } from './render-report-markdown.js';
import { renderReportText } from './render-report-text.js';
import type { Report } from './report.js';
import type { TextStyle } from './text-style.js';

export const REPORT_FORMATS = ['text', 'md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report as text in `format` (text uses `style` for colour). */
export async function renderReport(
  report: Report,
  format: ReportFormat,
  style: TextStyle,
): Promise<string> {
  switch (format) {
    case 'text':
      return renderReportText(report, style);
    case 'md':
      return renderReportMarkdown(report);
    case 'json':
      return renderReportJson(report);
    case 'html':
      return renderReportHtml(report, await renderChartSvgs(buildChartSpecs(report)));
  }
}

/** The format a file name implies: `.md`, `.html`, `.json`, `.txt`; null when it implies none. */
export function formatOfFile(file: string): ReportFormat | null {
  const m = /\.([a-z]+)$/i.exec(file);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'txt') return 'text';
  return null;
}
