/**
 * A report as Markdown for design reviews and pull requests: GitHub-flavoured tables, the layout
 * as a Mermaid diagram, and never more than MARKDOWN_LIMIT characters (GitHub's limit for an
 * issue or pull-request comment). A report that would be longer is rendered with shorter tables,
 * then without the diagram, and as a last resort cut at a line with a notice.
 */
import type { DocSection, DocumentOptions } from './document-blocks.js';
import { FULL_DOCUMENT } from './document-blocks.js';
import { renderDocumentMarkdown } from './render-document-markdown.js';
import { buildReportDocument } from './report-document.js';
import type { Report } from './report.js';

/** GitHub rejects comments and descriptions longer than 65,536 characters. */
export const MARKDOWN_LIMIT = 65_536;

/** Ever shorter renderings, tried in order until one fits. */
const LEVELS: DocumentOptions[] = [
  FULL_DOCUMENT,
  { maxRows: 40, contributorsPerPredicate: 1, diagram: true },
  { maxRows: 12, contributorsPerPredicate: 1, diagram: false },
  { maxRows: 3, contributorsPerPredicate: 1, diagram: false },
];

/** The report as Markdown, at most `limit` characters (UTF-16 code units, ≥ code points). */
export function renderReportMarkdown(report: Report, limit = MARKDOWN_LIMIT): string {
  let text = '';
  for (const options of LEVELS) {
    text = serialize(report, buildReportDocument(report, options), options !== FULL_DOCUMENT);
    if (text.length <= limit) return text;
  }
  return cut(text, limit);
}

// --- internal ---

const NOTICE =
  '\n\n_The report was cut here to stay under the Markdown size limit: `hasim report --format html` or `--format json` has all of it._\n';

function serialize(report: Report, sections: DocSection[], shortened: boolean): string {
  const notes = [
    '_Charts: `--format html` draws them; `--format json` carries their Vega-Lite specs._',
  ];
  if (shortened)
    notes.push(
      '_Tables are shortened to fit the Markdown size limit; `--format json` has every row._',
    );
  return renderDocumentMarkdown(report.title, sections, notes);
}

function cut(text: string, limit: number): string {
  const room = limit - NOTICE.length - 8;
  let head = text.slice(0, Math.max(0, text.lastIndexOf('\n', room)));
  // Close a code fence left open by the cut (with the marks that opened it).
  let open: string | null = null;
  for (const line of head.split('\n')) {
    const marks = /^(`{3,})/.exec(line)?.[1];
    if (marks === undefined) continue;
    if (open === null) open = marks;
    else if (line === open) open = null;
  }
  if (open !== null) head += `\n${open}`;
  return `${head}${NOTICE}`;
}
