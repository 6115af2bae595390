/**
 * A report as one self-contained HTML page: inline CSS, charts as inline SVG, no script, and a
 * Content-Security-Policy that forbids every fetch, so opening it makes no network request. The
 * layout is drawn as a zone grid (Mermaid needs a script); its Mermaid source is kept for copying.
 */
import type { Block, Cell, DocSection } from './document-blocks.js';
import { escapeMarkup } from './escape-markup.js';
import type { RenderedChart } from './render-chart-svg.js';
import { REPORT_CSS } from './report-css.js';
import { buildReportDocument } from './report-document.js';
import { quorumBreakingZones, type LayoutSection } from './report-layout.js';
import type { Report } from './report.js';

/** Nothing may be fetched: styles are inline, images are data, there is no script. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The report as an HTML document, with the charts rendered by render-chart-svg.ts. */
export function renderReportHtml(report: Report, charts: readonly RenderedChart[]): string {
  const byId = new Map(charts.map((c) => [c.id, c]));
  const body = buildReportDocument(report).map((s) => section(s, report.layout, byId));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(report.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeMarkup(report.title)}</h1>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// --- internal ---

function section(
  s: DocSection,
  layout: LayoutSection | null,
  charts: ReadonlyMap<string, RenderedChart>,
): string {
  const blocks = s.blocks.map((b) => block(b, layout, charts)).filter((x) => x !== '');
  return [
    `<section id="${escapeMarkup(s.id)}">`,
    `<h2>${escapeMarkup(s.title)}</h2>`,
    ...blocks,
    '</section>',
  ].join('\n');
}

function block(
  b: Block,
  layout: LayoutSection | null,
  charts: ReadonlyMap<string, RenderedChart>,
): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeMarkup(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items
        .map(
          (i) => `<li${i.mark === null ? '' : ` class="${i.mark}"`}>${escapeMarkup(i.text)}</li>`,
        )
        .join('')}</ul>`;
    case 'table':
      return table(b);
    case 'code':
      return `<pre><code>${escapeMarkup(b.text)}</code></pre>`;
    case 'mermaid':
      return [
        layout === null ? '' : zoneGrid(layout),
        `<details><summary>Mermaid source of the diagram</summary><pre><code>${escapeMarkup(b.text)}</code></pre></details>`,
      ].join('\n');
    case 'chart': {
      const chart = charts.get(b.id);
      if (chart === undefined) return '';
      return `<figure class="chart" id="chart-${escapeMarkup(chart.id)}">${chart.svg}</figure>`;
    }
  }
}

function table(t: Extract<Block, { kind: 'table' }>): string {
  const cls = (i: number): string => (t.align[i] === 'right' ? ' class="num"' : '');
  const head = t.head.map((h, i) => `<th${cls(i)}>${escapeMarkup(h)}</th>`).join('');
  const rows = t.rows.map(
    (r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cell(c)}</td>`).join('')}</tr>`,
  );
  const more = t.omitted > 0 ? `<p class="more">… and ${t.omitted} more rows.</p>` : '';
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${more}`;
}

function cell(c: Cell): string {
  if (typeof c === 'string') return escapeMarkup(c);
  return `<a href="${escapeMarkup(c.href)}">${escapeMarkup(c.text)}</a>`;
}

/** Per region: zones as columns, clusters as rows; a zone whose loss breaks quorum in red. */
function zoneGrid(layout: LayoutSection): string {
  return layout.regions
    .map((r) => {
      const clusters = layout.clusters.filter((c) => c.region === r.name);
      const head = r.zones
        .map((z) => {
          const broken = clusters.filter((c) => quorumBreakingZones(c).includes(z));
          return broken.length === 0
            ? `<th>zone ${escapeMarkup(z)}</th>`
            : `<th class="breaks">zone ${escapeMarkup(z)}<br><small>its loss breaks ${escapeMarkup(broken.map((c) => c.name).join(', '))} etcd quorum</small></th>`;
        })
        .join('');
      const rows = clusters.map((c) => {
        const cells = r.zones.map((z) => {
          const p = c.zones.find((x) => x.zone === z);
          const parts =
            p === undefined
              ? []
              : [
                  p.masters > 0
                    ? `${p.masters} master${p.masters === 1 ? '' : 's'}${c.etcdPlacement === 'stacked' ? ' with etcd' : ''}`
                    : '',
                  p.etcdMembers > 0 && c.etcdPlacement === 'external'
                    ? `${p.etcdMembers} etcd`
                    : '',
                  p.workers > 0 ? `${p.workers} worker${p.workers === 1 ? '' : 's'}` : '',
                ].filter((x) => x !== '');
          return `<td>${parts.map(escapeMarkup).join('<br>') || '—'}</td>`;
        });
        return `<tr><th>${escapeMarkup(c.name)}<br><small>API: ${escapeMarkup(c.endpoint.kind)}</small></th>${cells.join('')}</tr>`;
      });
      return `<table class="zones"><caption>region ${escapeMarkup(r.name)}</caption><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
}
