import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChartSpecs } from '../../../src/report/chart-specs.js';
import { renderChartSvgs } from '../../../src/report/render-chart-svg.js';
import type { Report } from '../../../src/report/report.js';
import { scenarioReport, withPlan, withSla } from '../../helpers/report-fixtures.js';

const require = createRequire(import.meta.url);
/** Vega-Lite's own JSON Schema of a spec, shipped in the package. */
const schema = JSON.parse(
  readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'),
) as object;

let full: Report;
beforeAll(async () => {
  full = withPlan(withSla(await scenarioReport('scenarios/two-zone-etcd.yaml', 300)));
});

describe('chart specs', () => {
  it('has the four charts when the report has causes, durations, an SLA view and a plan', () => {
    expect(buildChartSpecs(full).map((c) => c.id)).toEqual([
      'downtime-by-cause',
      'outage-durations',
      'monthly-downtime',
      'cost-availability',
    ]);
  });

  it('writes every spec as Vega-Lite’s schema allows', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    for (const chart of buildChartSpecs(full)) {
      const ok = validate(chart.spec);
      expect({ id: chart.id, errors: ok ? null : validate.errors?.slice(0, 3) }).toEqual({
        id: chart.id,
        errors: null,
      });
    }
  });

  it('renders every chart to an SVG named by its title, without a warning', async () => {
    const charts = await renderChartSvgs(buildChartSpecs(full));
    for (const c of charts) {
      expect(c.svg.startsWith('<svg')).toBe(true);
      expect(c.svg).toContain(`<title>${c.title}</title>`);
      expect(c.warnings).toEqual([]);
    }
  });

  it('renders the same SVG twice (byte-stable reports)', async () => {
    const specs = buildChartSpecs(full);
    const [a, b] = await Promise.all([renderChartSvgs(specs), renderChartSvgs(specs)]);
    expect(a.map((c) => c.svg)).toEqual(b.map((c) => c.svg));
  });

  it('draws no chart without data', () => {
    const empty: Report = { ...full, causes: [], outageDurations: [], sla: null, plan: null };
    expect(buildChartSpecs(empty)).toEqual([]);
  });
});
