/** The Monte Carlo engine's public surface (for src/index.ts to re-export). */
export { simulate, type SimulateOptions } from './run/simulate.js';
export { simulateWith, type RangeRunner } from './run/simulate-async.js';
export {
  simulateTimeline,
  type TimelineOptions,
  type TimelineResult,
  type TimelineEntry,
} from './engine/timeline.js';
export {
  mergeParts,
  shardRequests,
  buildPart,
  type SimulationPart,
  type Shard,
} from './run/shard.js';
export type {
  SimulationResult,
  MetricResult,
  Estimate,
  ClusterResult,
  RegionResult,
  DataLossResult,
  ObjectiveCheck,
  UsersServedResult,
} from './stats/simulation-result.js';
export type { SimulationMethod, RunSpec } from './run/run-plan.js';
export { CAUSES, type Cause } from './model/failure-classes.js';
