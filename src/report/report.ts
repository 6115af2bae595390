/**
 * `Report` (version 1): what a design review reads, as plain JSON-serializable data built from
 * analyze / simulate / plan results (build-report.ts) and rendered separately as text, Markdown,
 * HTML or JSON. Every figure's name says its unit and what it is per.
 */
import type { AnalysisResult } from '../exact/analyze.js';
import type { PlanResult } from '../plan/plan-result.js';
import type { SimulationResult } from '../sim/stats/simulation-result.js';
import type { ManagedSla } from './managed-slas.js';
import type { LayoutSection } from './report-layout.js';
import type { SloEntry } from './slo-entry.js';

/** A mean with its 95 % interval. */
export interface Interval95 {
  mean: number;
  ci95: [number, number];
}

/** The exact engine's steady-state figures of one predicate. */
export interface ExactFigures {
  availability: number;
  /** −log10(1 − availability); null when it never fails. */
  nines: number | null;
  downMinutesPerYear: number;
  /** Steady state: a twelfth of a year's downtime (a month of 730 h). */
  downMinutesPerMonth: number;
}

/** The Monte Carlo figures of one predicate, each with its 95 % interval. */
export interface SimulatedFigures {
  availability: Interval95;
  downMinutesPerYear: Interval95;
  /** The mean month (a twelfth of the year): months differ, see the SLA view. */
  downMinutesPerMonth: Interval95;
  /** Probability of at least one outage within the simulated horizon (`replay.horizonHours`). */
  pOutagePerHorizon: Interval95;
  outagesPerYear: Interval95;
  /** Minutes a year down only because of Kubernetes' timers. */
  timerDownMinutesPerYear: number;
  method: 'monte-carlo' | 'importance-sampling';
  /** No outage was seen: the interval is a one-sided bound, not an estimate. */
  bound: boolean;
  note: string | null;
}

export type ObjectiveState = 'met' | 'not-met' | 'undecided';

export interface ObjectiveStatus {
  percent: number;
  /** The downtime the objective allows in a month of 730 h. */
  budgetMinutesPerMonth: number;
  exact: 'met' | 'not-met' | null;
  /** met: the interval's lower end reaches it; not-met: its upper end is below it. */
  simulated: ObjectiveState | null;
}

export interface MetricRow {
  /** `deployment`: the share of users served, regions weighted by their users. */
  scope: 'cluster' | 'region' | 'deployment';
  /** The cluster's or region's name; `deployment` for the deployment. */
  target: string;
  metric: string;
  exact: ExactFigures | null;
  simulated: SimulatedFigures | null;
  objective: ObjectiveStatus | null;
}

/**
 * Downtime by cause. `simulation`: minutes a year of outages that this cause started (they add
 * up to the downtime). `exact`: minutes a year that would disappear if the class never failed
 * (they need not add up: two classes can cause the same minute).
 */
export interface CauseRow {
  target: string;
  metric: string;
  cause: string;
  minutesPerYear: number;
  source: 'simulation' | 'exact';
}

/** Outage-duration quantiles of one predicate (simulation, plain sampling). */
export interface DurationRow {
  target: string;
  metric: string;
  p50Minutes: number;
  p90Minutes: number;
  p99Minutes: number;
  maxMinutes: number;
}

/** An element whose failure alone, with everything else up, breaks the predicates listed. */
export interface SpofRow {
  element: string;
  /** The failure class of the element (scenario `failures:` key), when known. */
  class: string | null;
  /** `cluster/metric` or `region/metric` entries it breaks. */
  breaks: string[];
  remedy: string;
}

/** A failure class or a zone, with the downtime that would disappear without it. */
export interface ContributorRow {
  target: string;
  metric: string;
  kind: 'class' | 'zone';
  /** The class (`zone`, `operatorError`, …) or the zone (`eu-west/a`). */
  name: string;
  minutesPerYear: number;
  remedy: string;
}

export interface Finding {
  severity: 'risk' | 'missed' | 'info';
  text: string;
}

/** What to run to get the same numbers again. */
export interface Replay {
  hasimVersion: string;
  seed: number | null;
  trials: number | null;
  horizonHours: number | null;
  method: string | null;
  rng: string | null;
  commands: string[];
}

/** A layout the planner evaluated: its yearly cost and exact availability per metric. */
export interface PlanCandidate {
  key: string;
  label: string;
  /** Every cluster of the deployment, per year, in the plan's cost unit. */
  cost: number;
  /** Exact steady-state availability per metric (`api`, `served`, …; worst cluster or region). */
  availability: Record<string, number>;
  meetsTargets: boolean;
}

/** The Monte Carlo figure confirming a recommendation, for one metric. */
export interface PlanSimulatedFigure {
  metric: string;
  /** The worst cluster (region for served). */
  of: string;
  availability: Interval95;
  target: ObjectiveState | null;
}

/** The plan result's part of a report. */
export interface PlanSection {
  summary: string;
  modes: { mode: string; clusters: number; vms: number; assumption: string }[];
  /** Availability targets per metric, percent; empty when the plan had none. */
  targets: Record<string, number>;
  /** What a unit of cost is (`VM-years`, or the user's unit). */
  costUnit: string;
  candidatesEvaluated: number | null;
  /** The cheapest candidate meeting every target, when one does. */
  recommended: PlanCandidate | null;
  /** Why the recommendation beats its nearest cheaper rival. */
  why: string | null;
  /** The short Monte Carlo run confirming the recommendation. */
  confirmation: PlanSimulatedFigure[];
  /** When nothing meets the targets: the closest candidate and what limits it. */
  closest: (PlanCandidate & { shortfall: string[]; limitedBy: string | null }) | null;
  /** Per target metric, the Pareto front of cost against that metric's availability. */
  fronts: { metric: string; candidates: PlanCandidate[] }[];
  warnings: string[];
}

export interface Report {
  kind: 'hasim-report';
  version: 1;
  title: string;
  scenario: string;
  /** The scenario's description: the question the design answers. */
  question: string | null;
  /** The scenario file the figures come from, when known. */
  scenarioFile: string | null;
  engines: { exact: boolean; simulation: boolean; plan: boolean };
  replay: Replay;
  layout: LayoutSection | null;
  findings: Finding[];
  metrics: MetricRow[];
  causes: CauseRow[];
  outageDurations: DurationRow[];
  singlePointsOfFailure: SpofRow[];
  contributors: ContributorRow[];
  /** The SLA view per objective, when the simulation computed it. */
  sla: SloEntry[] | null;
  managedSlas: ManagedSla[];
  plan: PlanSection | null;
  /** The results the report was built from, so it can be rebuilt or re-rendered. */
  inputs: {
    analysis: AnalysisResult | null;
    simulation: SimulationResult | null;
    plan: PlanResult | null;
  };
}

/** Minutes in a month of 730 h (a twelfth of a 365-day year). */
export const MINUTES_PER_MONTH = 43_800;
