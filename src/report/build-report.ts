/**
 * Results → `Report`: the one place that reads the fields of analyze, simulate and plan results
 * (so a change to those results is adapted here and nowhere else in src/report).
 */
import type { AnalysisResult, MetricAnalysis } from '../exact/analyze.js';
import type { Topology } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';
import type { PlanResult } from '../plan/plan-result.js';
import type { Estimate, MetricResult, SimulationResult } from '../sim/stats/simulation-result.js';
import { VERSION } from '../version.js';
import { buildFindings } from './build-findings.js';
import { buildPlanSection, planSummary } from './build-report-plan.js';
import { budgetMinutesPerMonth, MANAGED_SLAS } from './managed-slas.js';
import { remedyForClass, remedyForElement, remedyForZone } from './remedies.js';
import type {
  CauseRow,
  ContributorRow,
  DurationRow,
  Interval95,
  MetricRow,
  Replay,
  Report,
  SpofRow,
} from './report.js';
import { buildLayout, type LayoutSection } from './report-layout.js';
import type { SloEntry } from './slo-entry.js';

export interface ReportInputs {
  analysis?: AnalysisResult | null;
  simulation?: SimulationResult | null;
  plan?: PlanResult | null;
  /** The scenario: its layout and question (a saved result alone has neither). */
  topology?: Topology | null;
  /** The scenario file, for the replay commands. */
  scenarioFile?: string | null;
  /** Without a topology: the layout and question of a saved report, rendered again. */
  layout?: LayoutSection | null;
  question?: string | null;
}

/** How many contributors a predicate lists. */
export const TOP_CONTRIBUTORS = 3;

/** Contributors below this share of the predicate's downtime are left out. */
const MIN_CONTRIBUTION = 0.01;

/** Builds the report of whatever results are given (at least one). */
export function buildReport(inputs: ReportInputs): Report {
  const analysis = inputs.analysis ?? null;
  const simulation = inputs.simulation ?? null;
  const plan = inputs.plan ?? null;
  const topology = inputs.topology ?? null;
  const layout = topology === null ? (inputs.layout ?? null) : buildLayout(topology);
  const scenario = analysis?.scenario ?? simulation?.scenario ?? topology?.name ?? 'plan';
  const metrics = buildMetrics(analysis, simulation);
  const spofs = analysis === null ? [] : buildSpofs(analysis, layout);
  return {
    kind: 'hasim-report',
    version: 1,
    title:
      plan !== null && analysis === null && simulation === null
        ? `hasim report · plan for ${planSummary(plan)}`
        : `hasim report · ${scenario}`,
    scenario,
    question: topology === null ? (inputs.question ?? null) : (topology.description ?? null),
    scenarioFile: inputs.scenarioFile ?? null,
    engines: { exact: analysis !== null, simulation: simulation !== null, plan: plan !== null },
    replay: buildReplay(inputs.scenarioFile ?? null, scenario, analysis, simulation),
    layout,
    findings: buildFindings(layout, metrics, spofs, analysis?.warnings ?? []),
    metrics,
    causes: buildCauses(analysis, simulation),
    outageDurations: simulation === null ? [] : buildDurations(simulation),
    singlePointsOfFailure: spofs,
    contributors: buildContributors(analysis, simulation, layout),
    sla: readSlo(simulation),
    managedSlas: [...MANAGED_SLAS],
    plan: plan === null ? null : buildPlanSection(plan),
    inputs: { analysis, simulation, plan },
  };
}

// --- internal ---

interface Path {
  scope: 'cluster' | 'region' | 'deployment';
  target: string;
  metric: string;
}

function paths(analysis: AnalysisResult | null, sim: SimulationResult | null): Path[] {
  const source = analysis ?? sim;
  if (source === null) return [];
  const list = (scope: Path['scope'], m: Record<string, object>): Path[] =>
    Object.entries(m).flatMap(([target, metrics]) =>
      Object.keys(metrics)
        .filter((metric) => metric !== 'dataLoss')
        .map((metric) => ({ scope, target, metric })),
    );
  return [
    ...list('cluster', source.clusters),
    ...list('region', source.regions),
    ...(analysis !== null && showsDeployment(analysis)
      ? Object.keys(analysis.deployment).map((metric) => ({
          scope: 'deployment' as const,
          target: 'deployment',
          metric,
        }))
      : []),
  ];
}

/** The deployment's share of users served says more than its one region only with several. */
function showsDeployment(a: AnalysisResult): boolean {
  const deployment = a.deployment as Record<string, MetricAnalysis> | undefined;
  if (deployment === undefined) return false;
  return (
    Object.keys(a.regions).length > 1 ||
    Object.values(deployment).some((m) => m.objective !== undefined)
  );
}

function exactOf(a: AnalysisResult | null, p: Path): MetricAnalysis | undefined {
  const group =
    p.scope === 'cluster'
      ? a?.clusters[p.target]
      : p.scope === 'region'
        ? a?.regions[p.target]
        : a?.deployment;
  return (group as Record<string, MetricAnalysis> | undefined)?.[p.metric];
}

function simOf(s: SimulationResult | null, p: Path): MetricResult | undefined {
  if (p.scope === 'deployment') return undefined;
  const group = p.scope === 'cluster' ? s?.clusters[p.target] : s?.regions[p.target];
  return (group as Record<string, MetricResult> | undefined)?.[p.metric];
}

function buildMetrics(analysis: AnalysisResult | null, sim: SimulationResult | null): MetricRow[] {
  return paths(analysis, sim).map((p) => {
    const e = exactOf(analysis, p);
    const s = simOf(sim, p);
    const check = sim?.objectives.find((o) => o.target === p.target && o.metric === p.metric);
    const percent = e?.objective?.percent ?? check?.objective;
    return {
      ...p,
      exact:
        e === undefined
          ? null
          : {
              availability: e.availability,
              nines: e.nines,
              downMinutesPerYear: e.downtimeMinutesPerYear,
              downMinutesPerMonth: e.downtimeMinutesPerYear / 12,
            },
      simulated:
        s === undefined
          ? null
          : {
              availability: interval(s.availability),
              downMinutesPerYear: interval(s.downtimeMinutesPerYear),
              downMinutesPerMonth: interval(s.downtimeMinutesPerYear, 1 / 12),
              pOutagePerHorizon: interval(s.pOutage),
              outagesPerYear: interval(s.outagesPerYear),
              timerDownMinutesPerYear: s.timerDowntimeMinutesPerYear,
              method: s.method,
              bound: s.method === 'monte-carlo' && s.trialsWithOutage === 0,
              note: s.note ?? null,
            },
      objective:
        percent === undefined
          ? null
          : {
              percent,
              budgetMinutesPerMonth: budgetMinutesPerMonth(percent),
              exact: e?.objective === undefined ? null : e.objective.met ? 'met' : 'not-met',
              simulated: check?.status ?? null,
            },
    };
  });
}

function interval(e: Estimate, scale = 1): Interval95 {
  return { mean: e.mean * scale, ci95: [e.ci95[0] * scale, e.ci95[1] * scale] };
}

function buildCauses(analysis: AnalysisResult | null, sim: SimulationResult | null): CauseRow[] {
  return paths(analysis, sim).flatMap((p): CauseRow[] => {
    const s = simOf(sim, p);
    // One source for every row: with a simulation, predicates it does not have get none.
    if (sim !== null && s === undefined) return [];
    const entries: [string, number, CauseRow['source']][] =
      s !== undefined
        ? Object.entries(s.downtimeMinutesPerYearByCause).map(([c, m]) => [c, m, 'simulation'])
        : Object.entries(exactOf(analysis, p)?.attribution.byClass ?? {}).map(([c, m]) => [
            c,
            m,
            'exact',
          ]);
    return entries
      .filter(([, m]) => m > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([cause, minutesPerYear, source]) => ({
        target: p.target,
        metric: p.metric,
        cause,
        minutesPerYear,
        source,
      }));
  });
}

function buildDurations(sim: SimulationResult): DurationRow[] {
  return paths(null, sim).flatMap((p) => {
    const d = simOf(sim, p)?.outageDurationHours;
    if (d === null || d === undefined) return [];
    return [
      {
        target: p.target,
        metric: p.metric,
        p50Minutes: d.p50 * 60,
        p90Minutes: d.p90 * 60,
        p99Minutes: d.p99 * 60,
        maxMinutes: d.max * 60,
      },
    ];
  });
}

function buildSpofs(analysis: AnalysisResult, layout: LayoutSection | null): SpofRow[] {
  const rows = new Map<string, SpofRow>();
  for (const p of paths(analysis, null)) {
    const m = exactOf(analysis, p);
    for (const element of m?.singlePointsOfFailure ?? []) {
      const cls = m?.importance.find((i) => i.element === element)?.class ?? null;
      const row = rows.get(element) ?? {
        element,
        class: cls,
        breaks: [],
        remedy: remedyForElement(element, cls, { target: p.target, metric: p.metric, layout }),
      };
      row.breaks.push(`${p.target}/${p.metric}`);
      rows.set(element, row);
    }
  }
  return [...rows.values()];
}

function buildContributors(
  analysis: AnalysisResult | null,
  sim: SimulationResult | null,
  layout: LayoutSection | null,
): ContributorRow[] {
  return paths(analysis, sim).flatMap((p) => {
    const e = exactOf(analysis, p);
    const candidates: [ContributorRow['kind'], string, number][] =
      e !== undefined
        ? [
            ...Object.entries(e.attribution.byClass).map(
              ([c, m]): [ContributorRow['kind'], string, number] => ['class', c, m],
            ),
            ...Object.entries(e.attribution.byZone).map(
              ([z, m]): [ContributorRow['kind'], string, number] => ['zone', z, m],
            ),
          ]
        : Object.entries(simOf(sim, p)?.downtimeMinutesPerYearByCause ?? {}).map(
            ([c, m]): [ContributorRow['kind'], string, number] => ['class', c, m],
          );
    const down = e?.downtimeMinutesPerYear ?? candidates.reduce((a, [, , m]) => a + m, 0);
    const ctx = { target: p.target, metric: p.metric, layout };
    return candidates
      .filter(([, , m]) => m > 0 && m >= MIN_CONTRIBUTION * down)
      .sort((a, b) => b[2] - a[2])
      .slice(0, TOP_CONTRIBUTORS)
      .map(([kind, name, minutesPerYear]) => ({
        target: p.target,
        metric: p.metric,
        kind,
        name,
        minutesPerYear,
        remedy: kind === 'zone' ? remedyForZone(name, ctx) : remedyForClass(name, ctx),
      }));
  });
}

function readSlo(sim: SimulationResult | null): SloEntry[] | null {
  // The simulator's SLA view is optional (not every run computes it).
  if (sim === null || !('slo' in sim)) return null;
  const slo = sim.slo as SloEntry[] | undefined;
  return slo === undefined || slo.length === 0 ? null : slo;
}

function buildReplay(
  file: string | null,
  scenario: string,
  analysis: AnalysisResult | null,
  sim: SimulationResult | null,
): Replay {
  const scenarioFile = file ?? `${scenario}.yaml`;
  const commands: string[] = [];
  if (analysis !== null) commands.push(`hasim analyze ${scenarioFile}`);
  if (sim !== null) {
    const horizon = sim.horizonHours === HOURS_PER_YEAR ? '' : ` --horizon ${sim.horizonHours}h`;
    const events = sim.withEvents ? ' --with-random' : '';
    const zero = allZero(sim.timersHours) ? ' --zero-timers' : '';
    commands.push(
      `hasim simulate ${scenarioFile} --trials ${sim.trials} --seed ${sim.seed}${horizon}${events}${zero}`,
    );
  }
  return {
    hasimVersion: VERSION,
    seed: sim?.seed ?? null,
    trials: sim?.trials ?? null,
    horizonHours: sim?.horizonHours ?? null,
    method: sim?.method ?? null,
    rng: sim?.rng ?? null,
    commands,
  };
}

/** Every timer 0, however they are nested (one endpoint failover per kind). */
function allZero(timers: object): boolean {
  return Object.values(timers).every((v: unknown) =>
    typeof v === 'number' ? v === 0 : typeof v === 'object' && v !== null && allZero(v),
  );
}
