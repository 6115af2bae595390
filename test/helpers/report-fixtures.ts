/**
 * Reports built for tests: the fixed-seed report of a shipped scenario (the golden files'
 * input), and a constructed plan section and SLA view for the charts the scenarios lack.
 */
import { analyzeTopology } from '../../src/exact/analyze.js';
import { readScenarioFile } from '../../src/io/read-scenario.js';
import { buildReport } from '../../src/report/build-report.js';
import type { PlanCandidate, Report } from '../../src/report/report.js';
import type { SloEntry } from '../../src/report/slo-entry.js';
import { simulate } from '../../src/sim/run/simulate.js';

/** The report `hasim report <file>` builds: exact analysis and 2,000 trials, the file's seed. */
export async function scenarioReport(file: string, trials = 2000): Promise<Report> {
  const loaded = await readScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const topology = loaded.topology;
  return buildReport({
    analysis: analyzeTopology(topology),
    simulation: simulate(topology, { trials }),
    topology,
    scenarioFile: file,
  });
}

const candidate = (label: string, cost: number, api: number, meets: boolean): PlanCandidate => ({
  key: label,
  label,
  cost,
  availability: { api },
  meetsTargets: meets,
});

/** A report with a plan section as the recommender fills it: targets, front, recommendation. */
export function withPlan(report: Report): Report {
  const cheap = candidate('1 master, cloud endpoint', 5, 0.999, false);
  const mid = candidate('3 masters 1+1+1, stacked etcd', 7, 0.9996, true);
  const best = candidate('5 masters 2+2+1, stacked etcd', 9, 0.9998, true);
  return {
    ...report,
    engines: { ...report.engines, plan: true },
    plan: {
      summary: '1 region, tolerating 0 unavailable clusters, 3 zones per region',
      modes: [],
      targets: { api: 99.95 },
      costUnit: 'VM-years',
      candidatesEvaluated: 3,
      recommended: mid,
      why: 'a third zone lets etcd survive a zone loss; 5 members gain nothing the target needs',
      confirmation: [],
      closest: null,
      fronts: [{ metric: 'api', candidates: [cheap, mid, best] }],
      warnings: [],
    },
  };
}

/** An SLA view of prod's api objective as the simulator will report it (built by hand). */
export const SAMPLE_SLO: SloEntry = {
  target: 'prod',
  metric: 'api',
  objective: 99.95,
  minOutageHours: 5 / 60,
  monthsPerTrial: 12,
  trials: 2000,
  monthMissProbability: { mean: 0.1, ci95: [0.08, 0.12] },
  budgetBurn: { mean: 0.4, ci95: [0.35, 0.45] },
  monthlyDownMinutes: { p50: 0, p90: 12, p99: 60, max: 300 },
  sla: {
    monthMissProbability: { mean: 0.05, ci95: [0.04, 0.06] },
    budgetBurn: { mean: 0.3, ci95: [0.25, 0.35] },
  },
};

/** A report with a constructed SLA view of the api objective. */
export function withSla(report: Report): Report {
  return { ...report, sla: [SAMPLE_SLO] };
}
