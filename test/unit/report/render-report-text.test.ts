import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportText } from '../../../src/report/render-report-text.js';
import type { Report } from '../../../src/report/report.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';
import { scenarioReport, withPlan } from '../../helpers/report-fixtures.js';

let twoZone: Report;
beforeAll(async () => {
  twoZone = await scenarioReport('scenarios/two-zone-etcd.yaml');
});

describe('renderReportText', () => {
  it('renders the two-zone report as the reviewed golden file', async () => {
    await expect(renderReportText(twoZone, PLAIN_STYLE)).toMatchFileSnapshot(
      '../../golden/two-zone-etcd.txt',
    );
  });

  it('reuses the analyze and simulate tables', () => {
    const text = renderReportText(twoZone, PLAIN_STYLE);
    expect(text).toContain('hasim analyze · two-zone-etcd · exact steady state');
    expect(text).toContain('two-zone-etcd: 2000 trials of 1 year, seed 1, monte-carlo');
  });

  it('shows a plan recommendation with why it wins', () => {
    const text = renderReportText(withPlan(twoZone), PLAIN_STYLE);
    expect(text).toContain('Recommended: 3 masters 1+1+1, stacked etcd, cost 7 a year.');
    expect(text).toContain('Why: a third zone lets etcd survive a zone loss');
  });
});
