import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { buildReport } from '../../../src/report/build-report.js';
import {
  MARKDOWN_LIMIT,
  renderReportMarkdown,
} from '../../../src/report/render-report-markdown.js';
import type { Report } from '../../../src/report/report.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { scenarioReport } from '../../helpers/report-fixtures.js';
import { topologyOf } from '../../helpers/topology-builder.js';

/** A deployment too large for one comment: `n` clusters over 3 regions of 3 zones. */
function manyClusters(n: number): Report {
  const regions = ['eu', 'us', 'ap'].map((name) => ({ name, zones: ['a', 'b', 'c'] }));
  const t = topologyOf({
    regions,
    clusters: Array.from({ length: n }, (_, i) => ({
      name: `cluster-${i}`,
      region: regions[i % 3]!.name,
      masters: { a: 1, b: 1, c: 1 },
      workers: { a: 2, b: 2, c: 2 },
      workersNeeded: 4,
    })),
    failover: 'cross-region',
  });
  return buildReport({
    analysis: analyzeTopology(t),
    simulation: simulate(t, { trials: 20 }),
    topology: t,
  });
}

/** Code fences open and close in pairs (a fence closes only with its own marks). */
function fencesBalanced(md: string): boolean {
  let open: string | null = null;
  for (const line of md.split('\n')) {
    const marks = /^(`{3,})/.exec(line)?.[1];
    if (marks === undefined) continue;
    if (open === null) open = marks;
    else if (line === open) open = null;
  }
  return open === null;
}

let twoZone: Report;
beforeAll(async () => {
  twoZone = await scenarioReport('scenarios/two-zone-etcd.yaml');
});

describe('renderReportMarkdown', () => {
  it('renders the two-zone report as the reviewed golden file', async () => {
    await expect(renderReportMarkdown(twoZone)).toMatchFileSnapshot(
      '../../golden/two-zone-etcd.md',
    );
  });

  it('keeps a 40-cluster report under 65,536 characters by shortening its tables', () => {
    const report = manyClusters(40);
    // Unlimited, the report would not fit: the limit is what shortens it.
    expect(renderReportMarkdown(report, Number.POSITIVE_INFINITY).length).toBeGreaterThan(
      MARKDOWN_LIMIT,
    );
    const md = renderReportMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('Tables are shortened to fit the Markdown size limit');
    expect(fencesBalanced(md)).toBe(true);
  });

  it('never exceeds the limit it is given, and leaves no code fence open', () => {
    const report = manyClusters(6);
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 40_000 }), (limit) => {
        const md = renderReportMarkdown(report, limit);
        expect(md.length).toBeLessThanOrEqual(limit);
        expect(fencesBalanced(md)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('shows a hostile description as text: no HTML, link or heading of its own', () => {
    const hostile: Report = {
      ...twoZone,
      question: '# <script>alert(1)</script> [click](https://evil.example) *bold* | pipe',
    };
    const md = renderReportMarkdown(hostile);
    expect(md).toContain(
      '\\# &lt;script&gt;alert(1)&lt;/script&gt; [click]\\(https://evil.example) \\*bold\\* | pipe',
    );
    expect(md).not.toContain('<script>');
  });

  it('draws the layout as a Mermaid flowchart naming the zone whose loss breaks quorum', () => {
    const md = renderReportMarkdown(twoZone);
    expect(md).toContain('```mermaid\nflowchart TB');
    expect(md).toContain('subgraph r0z0["zone a: its loss breaks prod\'s quorum"]');
    expect(md).toContain('style r0z0 stroke:#c0392b,stroke-width:3px');
  });
});
