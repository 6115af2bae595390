import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import {
  formatMinutes,
  formatPercent,
  renderAnalysisText,
} from '../../../src/report/render-analysis-text.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';
import { oneRegion } from '../../helpers/topology-builder.js';

describe('formatPercent', () => {
  it.each([
    [0.5, '50.00 %'],
    [0.9995, '99.9500 %'],
    [0.99999, '99.99900 %'],
    [1, '100 %'],
  ])('shows %d as %s', (a, text) => {
    expect(formatPercent(a)).toBe(text);
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0'],
    [0.001234, '0.00123'],
    [41.53, '41.5'],
    [525.6, '526'],
  ])('shows %d minutes as %s', (m, text) => {
    expect(formatMinutes(m)).toBe(text);
  });
});

describe('renderAnalysisText', () => {
  it('shows each cluster and region, the single points of failure and missed objectives', () => {
    // Arrange: one master behind a cloud load balancer, zone failures on, an unmet objective.
    const t = oneRegion(
      ['a'],
      [{ name: 'prod', masters: { a: 1 }, endpoint: 'cloud' }],
      { zone: { perYear: 1, repair: { mean: '5h' } } },
      { objectives: { api: 99.99 } },
    );
    // Act
    const text = renderAnalysisText(analyzeTopology(t), PLAIN_STYLE);
    // Assert
    expect(text).toContain('cluster prod');
    expect(text).toContain('region r');
    expect(text).toContain('api: zone r/a');
    // a = 8760 / 8765 = 99.9430 %, down 5 / 8765 × 525,600 ≈ 300 min a year, all from zone
    // outages (the class), all of them of zone a (shown apart: the same minutes, not more).
    expect(text).toMatch(
      /api\s+│\s+99\.9430 % │\s+3\.24 │\s+300 │ zone outage 300\s+│ r\/a 300\s+│ 99\.99 % ✖/,
    );
    expect(text).toContain('clusters.prod.api');
  });
});
