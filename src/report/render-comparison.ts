/**
 * A comparison of two designs (build-comparison.ts) as a document: what each design is and
 * costs, the differences in one sentence each, the downtime per metric side by side, and the
 * classes whose downtime differs. Rendered as terminal text or Markdown.
 */
import type { Comparison } from './build-comparison.js';
import { causeLabel } from './cause-labels.js';
import type { Block, DocSection } from './document-blocks.js';
import { FULL_DOCUMENT, table } from './document-blocks.js';
import { renderDocumentMarkdown } from './render-document-markdown.js';
import { renderSectionText } from './render-document-text.js';
import { formatMinutes, formatNumber, formatPercent } from './report-format.js';
import type { TextStyle } from './text-style.js';

/** The comparison for the terminal (ends with a newline). */
export function renderComparisonText(c: Comparison, style: TextStyle): string {
  const lines = [style.bold(title(c)), ''];
  for (const s of buildComparisonDocument(c)) lines.push(...renderSectionText(s, style, true), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The comparison as Markdown for a pull request or a design review. */
export function renderComparisonMarkdown(c: Comparison): string {
  return renderDocumentMarkdown(title(c), buildComparisonDocument(c));
}

/** The comparison as sections. */
export function buildComparisonDocument(c: Comparison): DocSection[] {
  const designs: Block[] = [
    table(
      ['', 'scenario', 'file', 'question', `cost a year`, 'VMs'],
      (['A', 'B'] as const).map((k) => {
        const d = c[k === 'A' ? 'a' : 'b'];
        return [
          k,
          d.scenario,
          d.file,
          d.question ?? '',
          formatNumber(d.cost.perYear),
          String(d.cost.vms),
        ];
      }),
      ['left', 'left', 'left', 'left', 'right', 'right'],
      FULL_DOCUMENT,
    ),
    {
      kind: 'paragraph',
      text:
        `Cost: B − A = ${signed(c.b.cost.perYear - c.a.cost.perYear)} a year (the scenarios' cost: units; default 1 per VM-year). ` +
        'Figures: exact steady state (hasim analyze), without Kubernetes’ timers.' +
        pairing(c),
    },
  ];
  const differences: Block =
    c.summary.length === 0
      ? { kind: 'paragraph', text: 'No metric’s downtime differs.' }
      : { kind: 'list', items: c.summary.map((text) => ({ text, mark: null })) };
  const downtime = table(
    [
      'A',
      'B',
      'metric',
      'A availability',
      'B availability',
      'A min/yr',
      'B min/yr',
      'B − A min/yr',
    ],
    c.metrics.map((m) => [
      m.a,
      m.b,
      m.metric,
      formatPercent(m.aAvailability),
      formatPercent(m.bAvailability),
      formatMinutes(m.aMinutesPerYear),
      formatMinutes(m.bMinutesPerYear),
      signed(m.deltaMinutesPerYear),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    FULL_DOCUMENT,
  );
  const causes = table(
    ['A', 'B', 'metric', 'class', 'A min/yr', 'B min/yr', 'B − A'],
    c.metrics.flatMap((m) =>
      m.causes.map((d) => [
        m.a,
        m.b,
        m.metric,
        causeLabel(d.cause),
        formatMinutes(d.aMinutesPerYear),
        formatMinutes(d.bMinutesPerYear),
        signed(d.bMinutesPerYear - d.aMinutesPerYear),
      ]),
    ),
    ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
    FULL_DOCUMENT,
  );
  return [
    { id: 'designs', title: 'Designs', blocks: designs },
    { id: 'differences', title: 'Differences', blocks: [differences] },
    { id: 'downtime', title: 'Downtime per metric', blocks: [downtime] },
    {
      id: 'causes',
      title: 'Causes that differ',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Minutes a year that would disappear if the class never failed, in each design.',
        },
        causes,
      ],
    },
  ];
}

// --- internal ---

function title(c: Comparison): string {
  return `hasim compare · A ${c.a.scenario} · B ${c.b.scenario}`;
}

function pairing(c: Comparison): string {
  const differ = [
    c.matching.clusters === 'by-position' ? 'cluster' : null,
    c.matching.regions === 'by-position' ? 'region' : null,
  ].filter((x): x is string => x !== null);
  if (differ.length === 0) return '';
  const pairs = c.metrics
    .filter((m) => m.a !== m.b)
    .map((m) => `${m.a} ↔ ${m.b}`)
    .filter((p, i, all) => all.indexOf(p) === i);
  return ` The ${differ.join(' and ')} names differ: paired in file order (${pairs.join(', ')}).`;
}

function signed(x: number): string {
  if (x === 0) return '0';
  return `${x > 0 ? '+' : '−'}${formatMinutes(Math.abs(x))}`;
}
