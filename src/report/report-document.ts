/**
 * A report as a format-neutral document (document-blocks.ts): the summary with its findings,
 * the sections of document-sections.ts and document-risk-sections.ts, and how to replay it.
 * Markdown and HTML serialize it; what each section says is decided once, here.
 */
import type { Block, DocSection, DocumentOptions } from './document-blocks.js';
import { FULL_DOCUMENT, list } from './document-blocks.js';
import type { Report } from './report.js';
import {
  availabilitySection,
  causesSection,
  durationsSection,
  layoutSection,
  managedSection,
  objectivesSection,
  planSection,
  sloSection,
  spofSection,
} from './document-sections.js';
import { formatHorizon } from './report-format.js';

/** The report as sections, in reading order; sections without content are left out. */
export function buildReportDocument(
  report: Report,
  options: DocumentOptions = FULL_DOCUMENT,
): DocSection[] {
  const sections: (DocSection | null)[] = [
    summarySection(report, options),
    layoutSection(report, options),
    availabilitySection(report, options),
    objectivesSection(report, options),
    causesSection(report, options),
    durationsSection(report, options),
    spofSection(report, options),
    sloSection(report, options),
    managedSection(report, options),
    planSection(report, options),
    replaySection(report),
  ];
  return sections.filter((s): s is DocSection => s !== null);
}

// --- internal ---

function summarySection(report: Report, options: DocumentOptions): DocSection {
  const blocks: Block[] = [];
  if (report.question !== null) blocks.push({ kind: 'paragraph', text: report.question });
  blocks.push({ kind: 'paragraph', text: enginesSentence(report) });
  const findings = report.findings.map((f) => ({ text: f.text, mark: f.severity }));
  if (findings.length > 0) blocks.push(list(findings, options));
  else if (report.metrics.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: 'No zone loss breaks etcd quorum, every objective is met, and no single point of failure other than the region.',
    });
  return { id: 'summary', title: 'Summary', blocks };
}

function enginesSentence(report: Report): string {
  const parts: string[] = [];
  if (report.engines.exact) parts.push('exact steady state (hasim analyze)');
  const r = report.replay;
  if (report.engines.simulation && r.trials !== null && r.horizonHours !== null)
    parts.push(
      `Monte Carlo, ${r.trials.toLocaleString('en-US')} trials of ${formatHorizon(r.horizonHours)}, seed ${r.seed ?? '?'} (hasim simulate)`,
    );
  if (report.engines.plan) parts.push('layout planning (hasim plan)');
  return `Computed by hasim ${r.hasimVersion}: ${parts.join('; ')}.`;
}

function replaySection(report: Report): DocSection {
  const r = report.replay;
  const blocks: Block[] = [];
  if (r.commands.length > 0)
    blocks.push({ kind: 'code', language: 'sh', text: r.commands.join('\n') });
  const facts = [
    `hasim ${r.hasimVersion}`,
    r.seed === null ? null : `seed ${r.seed}`,
    r.trials === null ? null : `${r.trials.toLocaleString('en-US')} trials`,
    r.horizonHours === null ? null : `horizon ${formatHorizon(r.horizonHours)}`,
    r.method === null ? null : `method ${r.method}`,
    r.rng === null ? null : `rng ${r.rng}`,
  ].filter((x): x is string => x !== null);
  blocks.push({
    kind: 'paragraph',
    text: `${facts.join(' · ')}. The same version, seed and trials give the same numbers on any machine and any number of worker threads.`,
  });
  return { id: 'replay', title: 'Replay', blocks };
}
