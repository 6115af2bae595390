/**
 * A report for the terminal: the findings, the existing analyze / simulate / plan tables
 * (render-*-text.ts), then the sections those tables do not have — the layout, single points of
 * failure with what would remove them, the SLA view, managed SLAs and how to replay the run.
 */
import type { DocumentOptions } from './document-blocks.js';
import { renderAnalysisText } from './render-analysis-text.js';
import { renderPlanText } from './render-plan-text.js';
import { renderSimulationText } from './render-simulation-text.js';
import { renderSectionText } from './render-document-text.js';
import { buildReportDocument } from './report-document.js';
import type { Report } from './report.js';
import type { TextStyle } from './text-style.js';

/** The report as text (ends with a newline). */
export function renderReportText(report: Report, style: TextStyle): string {
  // One contributor per predicate: the analyze tables already list the top three.
  const doc = new Map(buildReportDocument(report, TEXT_DOCUMENT).map((s) => [s.id, s]));
  const out: string[] = [style.bold(report.title), ''];
  const put = (id: string, titled = true): void => {
    const s = doc.get(id);
    if (s !== undefined) out.push(...renderSectionText(s, style, titled), '');
  };
  put('summary', false);
  put('layout');
  const { analysis, simulation, plan } = report.inputs;
  if (analysis !== null) out.push(renderAnalysisText(analysis, style));
  if (simulation !== null) out.push(renderSimulationText(simulation, style), '');
  if (plan !== null) out.push(renderPlanText(plan, style), '');
  const recommender = doc.get('plan');
  if (recommender !== undefined && Object.keys(report.plan?.targets ?? {}).length > 0) {
    // The summary and the modes table are renderPlanText's already; the rest is the recommender.
    const blocks = recommender.blocks
      .slice(1)
      .filter((b) => !(b.kind === 'table' && b.head[0] === 'mode'));
    out.push(...renderSectionText({ ...recommender, blocks }, style, true), '');
  }
  put('risks');
  put('sla');
  put('managed');
  put('replay');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

// --- internal ---

const TEXT_DOCUMENT: DocumentOptions = {
  maxRows: Number.POSITIVE_INFINITY,
  contributorsPerPredicate: 1,
  diagram: false,
};
