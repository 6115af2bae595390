/** The Monte Carlo engine's public surface (for src/index.ts to re-export). */
export { simulate, type SimulateOptions } from './simulate.js';
export { simulateWith, type RangeRunner } from './simulate-async.js';
export {
  simulateTimeline,
  type TimelineOptions,
  type TimelineResult,
  type TimelineEntry,
} from './timeline.js';
export { mergeParts, shardRequests, buildPart, type SimulationPart, type Shard } from './shard.js';
export type {
  SimulationResult,
  MetricResult,
  Estimate,
  ClusterResult,
  RegionResult,
  DataLossResult,
  ObjectiveCheck,
  UsersServedResult,
} from './simulation-result.js';
export type { SimulationMethod, RunSpec } from './run-plan.js';
export { CAUSES, type Cause } from './failure-classes.js';
