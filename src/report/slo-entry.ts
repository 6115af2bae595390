/**
 * The SLA view of one objective as the simulator reports it (`SimulationResult.slo`, optional):
 * the probability that a calendar month misses the objective, the error-budget burn, the monthly
 * downtime's quantiles, and the same with SLA-style accounting (outages shorter than
 * `minOutageHours` not counted, as GKE counts only downtime periods of 5 minutes or more).
 * Reports render it when present; the simulator's field is read in build-report.ts only.
 */
export type { SloResult as SloEntry } from '../sim/stats/slo-estimates.js';
