/**
 * A report for the terminal: the findings, the existing analyze / simulate / plan tables
 * (render-*-text.ts), then the sections those tables do not have — the layout, single points of
 * failure with what would remove them, the SLA view, managed SLAs and how to replay the run.
 */
import type { Block, DocSection, DocumentOptions } from './document-blocks.js';
import { renderAnalysisText } from './render-analysis-text.js';
import { renderPlanText } from './render-plan-text.js';
import { renderSimulationText } from './render-simulation-text.js';
import { renderTable } from './render-table.js';
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
    if (s !== undefined) out.push(...section(s, style, titled), '');
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
    out.push(...section({ ...recommender, blocks }, style, true), '');
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

const WIDTH = 100;

const TEXT_DOCUMENT: DocumentOptions = {
  maxRows: Number.POSITIVE_INFINITY,
  contributorsPerPredicate: 1,
  diagram: false,
};

function section(s: DocSection, style: TextStyle, titled: boolean): string[] {
  const lines = titled ? [style.bold(s.title)] : [];
  for (const b of s.blocks) lines.push(...block(b, style));
  return lines;
}

function block(b: Block, style: TextStyle): string[] {
  switch (b.kind) {
    case 'paragraph':
      return wrap(b.text, '');
    case 'list':
      return b.items.flatMap((i) => {
        const mark = i.mark === 'risk' || i.mark === 'missed' ? style.warning('⚠ ') : '• ';
        return wrap(i.text, '  ').map((l, k) => (k === 0 ? `${mark}${l.trimStart()}` : l));
      });
    case 'table': {
      // Long cells wrap, so the table fits a terminal (cli-table3 keeps line breaks).
      const rows = b.rows.map((r) =>
        r.map((c) => wrap(typeof c === 'string' ? c : `${c.text} ${c.href}`, '', CELL).join('\n')),
      );
      const lines = [renderTable(b.head, rows, style, b.align)];
      if (b.omitted > 0) lines.push(style.dim(`… and ${b.omitted} more rows`));
      return lines;
    }
    case 'code':
      return b.text.split('\n').map((l) => `  ${l}`);
    case 'mermaid':
    case 'chart':
      return [];
  }
}

/** Table cells wider than this wrap. */
const CELL = 48;

/** Words wrapped at `width` columns, each line starting with `indent`. */
function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${word}` : word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}
