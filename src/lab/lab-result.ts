/**
 * The result of `hasim lab` (version 1): per phase, hasim's prediction beside what the real etcd
 * did, whether they agree, and what the model lacks (findings). Plain JSON-serialisable data;
 * rendering is report/render-lab-text.ts.
 */
import type { ElectionGaps } from './election-stats.js';
import type { LabIsolation } from './lab-observation.js';
import type { LabTiming, PhaseOrigin } from './lab-plan.js';
import type { PhasePrediction } from './lab-predict.js';
import type { PhaseSummary } from './summarize-phase.js';

/** What a lab run does: replay the scenario's events, sweeps, disks lost, leader kills. */
export type LabExperiment = PhaseOrigin | 'elections';
/** Every experiment, in the order `--experiments` lists them. */
export const LAB_EXPERIMENTS: readonly LabExperiment[] = [
  'events',
  'zones',
  'partitions',
  'disks',
  'elections',
];

export interface LabPhaseResult {
  id: number;
  origin: PhaseOrigin;
  label: string;
  scenarioHours: number | null;
  predicted: PhasePrediction;
  /** Null when the run stopped before the phase. */
  observed: PhaseSummary | null;
  /** Why the phase is not compared (an event the lab cannot apply, an action that failed). */
  skip: string | null;
  notes: string[];
  /** A sweep's recovery between two outages (not held, not compared). */
  recovery: boolean;
  /** Null when not compared. */
  agree: boolean | null;
  /** Each way prediction and observation differ, in words. */
  disagreements: string[];
}

export type FindingKind =
  | 'election-gap'
  | 'graceful-handover'
  | 'rejoin-election'
  | 'replacement'
  | 'regain-time'
  | 'data-lost'
  | 'restore-needed'
  | 'slow-member'
  | 'engines-disagree';

/** Something etcd did that hasim's model does not have (or has differently). */
export interface LabFinding {
  kind: FindingKind;
  /** The phase it was seen in; null for the election measurement. */
  phase: number | null;
  message: string;
}

export interface LabResult {
  version: 1;
  kind: 'lab';
  scenario: string;
  cluster: string;
  etcdVersion: string;
  isolation: LabIsolation;
  experiments: LabExperiment[];
  /** Members per zone, their majority, and the zone sets whose loss breaks it (`hasim quorum`). */
  placement: Record<string, number>;
  members: number;
  quorum: number;
  zoneTolerance: number;
  criticalZoneSets: string[][];
  timing: LabTiming;
  startupMs: number;
  phases: LabPhaseResult[];
  elections: ElectionGaps | null;
  findings: LabFinding[];
  summary: { compared: number; agreed: number; disagreed: number; skipped: number };
  interrupted: boolean;
}
