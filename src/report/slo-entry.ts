/**
 * The SLA view of one objective, as the simulator will report it (`SimulationResult.slo`,
 * optional): the probability that a calendar month misses the objective, the error-budget burn,
 * the monthly downtime's quantiles, and the same with SLA-style accounting (outages shorter than
 * `minOutageHours` not counted, as GKE counts only downtime periods of 5 minutes or more).
 * Reports render it when present; the simulator's field is read in build-report.ts only.
 */
import type { Interval95 } from './report.js';

export interface SloEntry {
  /** The cluster or region. */
  target: string;
  metric: string;
  /** Percent, e.g. 99.95. */
  objective: number;
  minOutageHours: number;
  monthMissProbability: Interval95;
  /** The share of a month's error budget used, on average (1 = all of it). */
  budgetBurn: Interval95;
  monthlyDownMinutes: { p50: number; p90: number; p99: number; max: number };
  /** The same with outages shorter than minOutageHours not counted. */
  sla: { monthMissProbability: Interval95; budgetBurn: Interval95 };
}
