/**
 * The result of `hasim simulate`: plain JSON data with a version (scenario-format.md, "Machine-
 * readable results"). Rendering is separate (cli/render-simulation.ts).
 */
import type { EndpointKind } from '../../model/topology.js';
import type { Cause } from '../model/failure-classes.js';
import type { SloResult } from './slo-estimates.js';
import type { Interval } from './intervals.js';
import type { ImportanceGroup } from '../engine/rng.js';

/** The unit of each figure of a metric result, written into every result for its readers. */
export const RESULT_UNITS = {
  availability: 'share of the time up (api: of requests served), 0 to 1',
  downtimeMinutesPerYear: 'minutes down per year',
  downHours: 'hours down within the horizon (horizonHours)',
  pOutage: 'probability of at least one outage within the horizon',
  outagesPerYear: 'outages per year',
  timerDowntimeMinutesPerYear: "minutes per year down only because of Kubernetes' timers",
  downtimeMinutesPerYearByCause: 'minutes per year, by the class that started each outage',
  outageDurationHours: 'hours per outage',
  lostHoursPerYear: 'hours of etcd writes lost per year',
} as const;

export interface Estimate {
  mean: number;
  ci95: Interval;
}

export type EstimateMethod = 'monte-carlo' | 'importance-sampling';

export interface MetricResult {
  availability: Estimate;
  /** Expected minutes down a year (the figure the text table shows). */
  downtimeMinutesPerYear: Estimate;
  /** Expected hours down within the horizon (`horizonHours`). */
  downHours: Estimate;
  /** Probability of at least one outage within the horizon. */
  pOutage: Estimate;
  outagesPerYear: Estimate;
  method: EstimateMethod;
  /** Trials of this estimate's pass that saw an outage. */
  trialsWithOutage: number;
  /** Mean minutes down a year due only to Kubernetes' timers (lease, endpoint failover, eviction). */
  timerDowntimeMinutesPerYear: number;
  /** Mean minutes down a year, by the class of the failure that started the outage. */
  downtimeMinutesPerYearByCause: Partial<Record<Cause, number>>;
  /** Outage durations in hours (plain sampling; null when no outage was seen). */
  outageDurationHours: { p50: number; p90: number; p99: number; max: number } | null;
  /** Importance sampling: the effective number of outage trials, (Σw)²/Σw². */
  effectiveSampleSize?: number;
  /** Importance sampling: the pass (which elements it biased) this estimate comes from. */
  importancePass?: ImportanceGroup;
  /** How to read the interval when it is a bound rather than an estimate. */
  note?: string;
}

export interface DataLossResult {
  /** Data-loss events (etcd restored from a snapshot) per year. */
  eventsPerYear: Estimate;
  /** Hours of writes lost per year (since the last snapshot, each time). */
  lostHoursPerYear: Estimate;
  /** Losses with no snapshot to restore (snapshots kept on the etcd nodes), per year. */
  totalLossesPerYear: number;
}

export type ClusterResult = Record<
  'etcdQuorum' | 'api' | 'scheduling' | 'workloads',
  MetricResult
> & {
  dataLoss: DataLossResult;
};

export type RegionResult = Record<'served' | 'local', MetricResult>;

/** The deployment's share of users served (regions weighted by their users). */
export interface UsersServedResult {
  /** The time-average share of users served. */
  availability: Estimate;
  /** Expected user-weighted minutes not served a year: Σ_r share_r · minutes down_r. */
  downtimeMinutesPerYear: Estimate;
  /** Expected user-weighted hours not served within the horizon: Σ_r share_r · hours down_r. */
  downHours: Estimate;
  method: EstimateMethod;
  /** Trials of this estimate's pass in which some region was not served. */
  trialsWithOutage: number;
  effectiveSampleSize?: number;
  note?: string;
}

export type StopReason = 'trials' | 'precision-met' | 'max-trials' | 'interrupted';

/** How an importance-sampling pass ended under a precision target. */
export interface PassStop {
  pass: ImportanceGroup;
  reason: 'precision-met' | 'max-trials';
  trials: number;
  /** The metrics the pass estimates whose interval is still wider than asked. */
  unmet?: string[];
}

export interface ObjectiveCheck {
  target: string;
  metric: string;
  /** Percent. */
  objective: number;
  /** met: the interval's lower end reaches it; not-met: its upper end is below; else undecided. */
  status: 'met' | 'not-met' | 'undecided';
}

export interface SimulationResult {
  version: 1;
  kind: 'simulation';
  /** What each figure of a metric is per (docs/model.md, Units of the results). */
  units: typeof RESULT_UNITS;
  scenario: string;
  seed: number;
  trials: number;
  horizonHours: number;
  method: 'monte-carlo' | 'monte-carlo+importance-sampling';
  rng: string;
  /**
   * Why the run stopped. With a precision: `unmet` names the cluster metrics (`cluster.metric`)
   * whose reported downtime interval is still wider than asked, and `passes` says, per
   * importance-sampling pass, whether its metrics met the precision or the budget ended it.
   */
  stop: {
    reason: StopReason;
    trialsRequested: number;
    precision?: number;
    unmet?: string[];
    passes?: PassStop[];
  };
  /** The importance-sampling passes that ran: the elements each biased, its trials and β. */
  importance: { pass: ImportanceGroup; trials: number; beta: number }[] | null;
  timersHours: {
    leaseDuration: number;
    /** Per endpoint kind. */
    endpointFailover: Record<EndpointKind, number>;
    nodeMonitorGrace: number;
    podEviction: number;
  };
  withEvents: boolean;
  clusters: Record<string, ClusterResult>;
  regions: Record<string, RegionResult>;
  deployment: { usersServed: UsersServedResult };
  objectives: ObjectiveCheck[];
  /** The SLA view per objective and target, by calendar month (absent without objectives). */
  slo?: SloResult[];
}
