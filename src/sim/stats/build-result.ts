/**
 * RunSums → SimulationResult: means with 95 % intervals per metric, the choice between plain
 * sampling and importance sampling per metric, honest bounds when no outage was seen, downtime by
 * cause, the timers' share, outage-duration quantiles, and the objective checks.
 */
import { CLUSTER_PREDICATES, P_WORKLOADS, REGION_PREDICATES } from '../model/sim-model.js';
import { METRICS, REGION_METRICS, type Topology } from '../../model/topology.js';
import { HOURS_PER_YEAR } from '../../model/units.js';
import { est, importanceMetric, plainMetric } from './metric-estimates.js';
import { usersServedEstimate } from './users-served-estimate.js';
import { IMPORTANCE_GROUPS, RNG_ALGORITHM, type ImportanceGroup } from '../engine/rng.js';
import type { RunSpec } from '../run/run-plan.js';
import { poissonInterval } from './intervals.js';
import { fromFixed, type RunSums } from './run-sums.js';
import { buildSloResults } from './slo-estimates.js';
import { buildSloPlan } from './slo-plan.js';
import {
  RESULT_UNITS,
  type ClusterResult,
  type MetricResult,
  type ObjectiveCheck,
  type RegionResult,
  type SimulationResult,
  type StopReason,
  type UsersServedResult,
} from './simulation-result.js';

/** Below this many trials with an outage, `auto` reports the importance-sampling estimate. */
export const RARE_TRIALS = 10;

export interface ResultInputs {
  topology: Topology;
  spec: RunSpec;
  plain: RunSums;
  importance: Partial<Record<ImportanceGroup, RunSums>>;
  betas: Record<ImportanceGroup, number>;
  stop: SimulationResult['stop'];
}

/** The importance-sampling pass that estimates predicate p: what its metric depends on. */
export function groupOf(p: number, clusters: number): ImportanceGroup {
  if (p >= clusters * CLUSTER_PREDICATES) return 'is-all';
  return p % CLUSTER_PREDICATES === P_WORKLOADS ? 'is-workloads' : 'is-control';
}

/**
 * The importance-sampling passes a run needs: every pass with `importance`; with `auto`, the
 * passes of the metrics that plain sampling saw in fewer than RARE_TRIALS trials. With `betas`,
 * a pass whose β is 1 is dropped: it would bias nothing, only repeat plain sampling (its metrics
 * keep their plain estimates).
 */
export function importancePasses(
  method: RunSpec['method'],
  model: { clusters: unknown[] },
  plain: RunSums,
  betas?: Record<ImportanceGroup, number>,
): ImportanceGroup[] {
  if (method === 'plain') return [];
  const helps = (g: ImportanceGroup): boolean => betas === undefined || betas[g] > 1;
  if (method === 'importance') return IMPORTANCE_GROUPS.filter(helps);
  const needed = new Set<ImportanceGroup>();
  plain.predicates.forEach((ps, p) => {
    if (ps.anyTrials < RARE_TRIALS) needed.add(groupOf(p, model.clusters.length));
  });
  return IMPORTANCE_GROUPS.filter((g) => needed.has(g) && helps(g));
}

/**
 * Whether predicate p's reported estimate comes from importance sampling, given the passes that
 * ran: under `importance` always, under `auto` when plain sampling saw it in fewer than
 * RARE_TRIALS trials.
 */
export function usesImportance(
  method: RunSpec['method'],
  plain: RunSums,
  p: number,
  ran: boolean,
): boolean {
  const ps = plain.predicates[p];
  return ran && (method === 'importance' || (ps !== undefined && ps.anyTrials < RARE_TRIALS));
}

export function buildSimulationResult(x: ResultInputs): SimulationResult {
  const { topology: t, spec, plain } = x;
  const H = spec.horizonHours;
  const pick = (p: number): MetricResult => {
    const ps = plain.predicates[p];
    const group = groupOf(p, t.clusters.length);
    const run = x.importance[group];
    const is = run?.predicates[p];
    if (is !== undefined && run !== undefined && usesImportance(spec.method, plain, p, true)) {
      return { ...importanceMetric(is, run, H, ps, plain), importancePass: group };
    }
    return plainMetric(ps, plain.trials, H, plain.bits);
  };
  const clusters: Record<string, ClusterResult> = {};
  t.clusters.forEach((c, ci) => {
    const base = ci * CLUSTER_PREDICATES;
    const entry = Object.fromEntries(METRICS.map((m, k) => [m, pick(base + k)]));
    clusters[c.name] = { ...entry, dataLoss: dataLoss(t, plain, ci, H) } as ClusterResult;
  });
  const regions: Record<string, RegionResult> = {};
  const rbase = t.clusters.length * CLUSTER_PREDICATES;
  t.regions.forEach((r, ri) => {
    regions[r.name] = Object.fromEntries(
      REGION_METRICS.map((m, k) => [m, pick(rbase + ri * REGION_PREDICATES + k)]),
    ) as RegionResult;
  });
  const allPass = x.importance['is-all'];
  const usersServed = usersServedEstimate(
    plain,
    allPass,
    spec.method === 'importance' || plain.deployment.anyTrials < RARE_TRIALS,
    H,
  );
  const usedIs =
    Object.values(clusters).some((c) =>
      METRICS.some((m) => c[m].method === 'importance-sampling'),
    ) ||
    Object.values(regions).some((r) =>
      REGION_METRICS.some((m) => r[m].method === 'importance-sampling'),
    ) ||
    usersServed.method === 'importance-sampling';
  return {
    version: 1,
    kind: 'simulation',
    units: RESULT_UNITS,
    scenario: t.name,
    seed: spec.seed,
    trials: plain.trials,
    horizonHours: H,
    method: usedIs ? 'monte-carlo+importance-sampling' : 'monte-carlo',
    rng: RNG_ALGORITHM,
    stop: x.stop,
    importance: importanceSummary(x),
    timersHours: {
      leaseDuration: t.timers.leaseDurationHours,
      endpointFailover: t.timers.endpointFailoverHours,
      nodeMonitorGrace: t.timers.nodeMonitorGraceHours,
      podEviction: t.timers.podEvictionHours,
    },
    withEvents: spec.withEvents,
    clusters,
    regions,
    deployment: { usersServed },
    objectives: checkObjectives(t, clusters, regions, usersServed),
    ...sloView(t, spec, plain),
  };
}

/** The SLA view, when the run tracked objectives over whole calendar months. */
function sloView(t: Topology, spec: RunSpec, plain: RunSums): Pick<SimulationResult, 'slo'> {
  const plan = spec.slo ? buildSloPlan(t, spec.slo, spec.horizonHours) : null;
  if (plan === null || plain.slo.length === 0) return {};
  return { slo: buildSloResults(plan, plain.slo, plain.trials, plain.bits) };
}

export function stopOf(reason: StopReason, trialsRequested: number): SimulationResult['stop'] {
  return { reason, trialsRequested };
}

// --- internal ---

function importanceSummary(x: ResultInputs): SimulationResult['importance'] {
  const passes = IMPORTANCE_GROUPS.flatMap((group) => {
    const run = x.importance[group];
    return run === undefined ? [] : [{ pass: group, trials: run.trials, beta: x.betas[group] }];
  });
  return passes.length === 0 ? null : passes;
}

function dataLoss(t: Topology, plain: RunSums, ci: number, H: number): ClusterResult['dataLoss'] {
  const ls = plain.clusters[ci];
  const n = plain.trials;
  // Per-trial squares are not kept for data loss: the exact Poisson interval of the event count,
  // and for the hours lost its upper end times the most one loss can lose (docs/json-output.md).
  const events = ls === undefined || n === 0 ? 0 : fromFixed(ls.events, plain.bits);
  const [lo, hi] = poissonInterval(events);
  const scale = n > 0 ? HOURS_PER_YEAR / H / n : 0;
  const lost = ls === undefined || n === 0 ? 0 : fromFixed(ls.hours, plain.bits) * scale;
  return {
    eventsPerYear: est(events * scale, [lo * scale, hi * scale]),
    lostHoursPerYear: est(lost, [0, Math.max(lost, hi * scale * mostLostPerLoss(t, H))]),
    totalLossesPerYear:
      ls === undefined || n === 0 ? 0 : fromFixed(ls.totalLosses, plain.bits) * scale,
  };
}

/**
 * The most hours of writes one loss can lose within a horizon of H hours: the writes since the
 * last snapshot (the backup interval), or since the start when snapshots sit on the etcd
 * members' disks (all of them can be lost) or when no snapshots are taken.
 */
export function mostLostPerLoss(t: Topology, H: number): number {
  const interval = t.backup.intervalHours;
  if (t.backup.location === 'on-etcd-nodes' || !(interval > 0)) return H;
  return Math.min(interval, H);
}

function checkObjectives(
  t: Topology,
  clusters: Record<string, ClusterResult>,
  regions: Record<string, RegionResult>,
  usersServed: UsersServedResult,
): ObjectiveCheck[] {
  const checks: ObjectiveCheck[] = [];
  const check = (
    target: string,
    metric: string,
    m: Pick<MetricResult, 'availability'>,
    objective: number,
  ): void => {
    const [lo, hi] = m.availability.ci95;
    const goal = objective / 100;
    checks.push({
      target,
      metric,
      objective,
      status: lo >= goal ? 'met' : hi < goal ? 'not-met' : 'undecided',
    });
  };
  for (const [metric, objective] of Object.entries(t.objectives)) {
    if (objective === undefined) continue;
    for (const [name, c] of Object.entries(clusters)) {
      if ((METRICS as readonly string[]).includes(metric))
        check(name, metric, c[metric as (typeof METRICS)[number]], objective);
    }
    for (const [name, r] of Object.entries(regions)) {
      if ((REGION_METRICS as readonly string[]).includes(metric))
        check(name, metric, r[metric as (typeof REGION_METRICS)[number]], objective);
    }
    if (metric === 'usersServed') check('deployment', metric, usersServed, objective);
  }
  return checks;
}
