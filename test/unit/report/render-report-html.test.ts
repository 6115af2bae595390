import { beforeAll, describe, expect, it } from 'vitest';
import { buildChartSpecs } from '../../../src/report/chart-specs.js';
import { renderChartSvgs } from '../../../src/report/render-chart-svg.js';
import { REPORT_CSP, renderReportHtml } from '../../../src/report/render-report-html.js';
import type { Report } from '../../../src/report/report.js';
import { scenarioReport, withPlan, withSla } from '../../helpers/report-fixtures.js';

let report: Report;
let html: string;
beforeAll(async () => {
  report = withPlan(withSla(await scenarioReport('scenarios/two-zone-etcd.yaml', 300)));
  html = renderReportHtml(report, await renderChartSvgs(buildChartSpecs(report)));
});

describe('renderReportHtml', () => {
  it('forbids every fetch with its Content-Security-Policy and has no script', () => {
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    // Only the SLA sources are links (to follow, not to load); SVG namespaces are names.
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.every((u) => u?.startsWith('https://'))).toBe(true);
    expect(html).not.toMatch(/\ssrc=/);
  });

  it('inlines one SVG per chart, each named by its title', () => {
    const titles = [...html.matchAll(/<svg[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(buildChartSpecs(report).map((c) => c.title));
  });

  it('marks the zone whose loss breaks quorum in the zone grid', () => {
    expect(html).toContain(
      '<th class="breaks">zone a<br><small>its loss breaks prod etcd quorum</small></th>',
    );
  });

  it('escapes the scenario’s text', async () => {
    const hostile = { ...report, question: '<img src=x onerror=alert(1)> & "quotes"' };
    const page = renderReportHtml(hostile, await renderChartSvgs([]));
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(page).not.toContain('<img');
  });
});
