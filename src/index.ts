/** hasim's library API. The CLI is one user of it; scripts and tests are others. */
export { VERSION } from './version.js';
export type { Issue } from './model/issue.js';
export { formatPath } from './model/issue.js';
export type { ScenarioFile } from './model/schema.js';
export { ScenarioFileSchema } from './model/schema.js';
export type * from './model/topology.js';
export { METRICS, REGION_METRICS, ENDPOINT_KINDS } from './model/topology.js';
export { validateScenario, type ScenarioResult } from './model/validate.js';
export { normalizeScenario } from './model/normalize.js';
export { serializeTopology } from './model/serialize.js';
export { buildScenarioJsonSchema } from './model/json-schema.js';
export { parseDuration, formatDuration, HOURS_PER_YEAR } from './model/units.js';
export { DEFAULT_FAILURES, DEFAULT_TIMERS, DEFAULT_BACKUP } from './model/defaults.js';
export { repairMeanHours, repairMedianHours } from './model/repair.js';
export {
  readScenarioFile,
  loadScenarioText,
  type LoadResult,
  type LocatedIssue,
} from './io/read-scenario.js';
export { writeFileAtomic } from './io/write-file-atomic.js';

// quorum: closed forms
export { majority, faultTolerance, hasQuorum } from './quorum/majority.js';
export {
  computeDomainTolerance,
  computeRegionTolerance,
  balancedSpread,
  type DomainTolerance,
} from './quorum/domain-tolerance.js';
export { analyzePartition, listPartitions, type PartitionOutcome } from './quorum/partition.js';
export {
  computeClusterCounts,
  CLUSTER_MODES,
  type ClusterCounts,
  type ClusterMode,
} from './quorum/cluster-count.js';
export { computeClusterSplit, KUBERNETES_LIMITS } from './quorum/cluster-split.js';
export { computeWorkerHeadroom, type WorkerHeadroom } from './quorum/headroom.js';

// exact: steady-state availability
export { analyzeTopology, type AnalysisResult } from './exact/analyze.js';
export { computeMetrics, type MetricValues } from './exact/engine.js';
export { buildQuorumReport, type QuorumReport } from './quorum/quorum-report.js';

// plan
export { buildPlan } from './plan/build-plan.js';
export type { PlanOptions, PlanResult } from './plan/plan-result.js';

// sim: the Monte Carlo engine
export * from './sim/index.js';

// lab: predictions checked against a real etcd (the runner is the CLI's `hasim lab`)
export { buildLabPlan, defaultExperiments, type LabPlanOptions } from './lab/build-lab-plan.js';
export { buildLabResult } from './lab/build-lab-result.js';
export type { LabResult, LabExperiment, LabFinding } from './lab/lab-result.js';
export type { LabPlan } from './lab/lab-plan.js';
export type { LabObservation } from './lab/lab-observation.js';
export { MEASURED_ETCD_ELECTION_GAP } from './model/defaults.js';
