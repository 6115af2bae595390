import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { buildReport } from '../../../src/report/build-report.js';
import { renderReportJson } from '../../../src/report/render-report-json.js';
import { classifySavedInput } from '../../../src/report/result-shapes.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import { threeZones } from '../../helpers/sim-scenarios.js';

const t = threeZones({ failures: { zone: { perYear: 2, repair: { mean: '3h' } } } });
/** What `--json` prints, read back. */
const saved = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('classifySavedInput', () => {
  it('recognizes a simulate result and keeps its figures', () => {
    const sim = simulate(t, { trials: 30 });
    const input = classifySavedInput(saved(sim));
    expect(input).toMatchObject({
      kind: 'simulation',
      result: { clusters: { prod: { api: sim.clusters['prod']?.api } } },
    });
  });

  it('recognizes an analyze result', () => {
    expect(classifySavedInput(saved(analyzeTopology(t))).kind).toBe('analysis');
  });

  it('recognizes a report saved as JSON, with its layout', () => {
    const report = buildReport({ analysis: analyzeTopology(t), topology: t });
    const input = classifySavedInput(JSON.parse(renderReportJson(report)));
    expect(input).toMatchObject({ kind: 'report', layout: report.layout });
  });

  it('leaves anything with a clusters list to the scenario reader', () => {
    expect(classifySavedInput({ version: 1, clusters: [] })).toEqual({ kind: 'scenario' });
  });

  it('names every field that is not what a report reads', () => {
    const sim = saved(simulate(t, { trials: 30 })) as {
      seed?: number;
      clusters: { prod: { api: { availability: { mean: unknown } } } };
    };
    sim.clusters.prod.api.availability.mean = 'high';
    delete sim.seed;
    expect(classifySavedInput(sim)).toEqual({
      kind: 'invalid',
      what: 'simulate result',
      problems: [
        'seed: Invalid input: expected number, received undefined',
        'clusters.prod.api.availability.mean: Invalid input: expected number, received string',
      ],
    });
  });

  it('says what it expected of a file that is nothing it knows', () => {
    expect(classifySavedInput([1, 2])).toEqual({
      kind: 'invalid',
      what: 'hasim result or scenario',
      problems: [
        '(root): expected a scenario, or the JSON of simulate, merge, analyze, plan or report --format json',
      ],
    });
  });
});
