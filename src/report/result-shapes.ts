/**
 * What a saved JSON file holds, checked before a report reads it: a `simulate --json` or
 * `merge` result, an `analyze --json` result, a `plan --json` result, a report saved with
 * `--format json`, or (anything with a `clusters` list) a scenario. Only the fields reports read
 * are checked, and unknown fields are allowed, so results that gain fields stay readable.
 */
import { z } from 'zod';
import { formatPath } from '../model/issue.js';
import type { AnalysisResult } from '../exact/analyze.js';
import type { PlanResult } from '../plan/plan-result.js';
import type { SimulationResult } from '../sim/stats/simulation-result.js';
import type { LayoutSection } from './report-layout.js';

export type SavedInput =
  | { kind: 'simulation'; result: SimulationResult }
  | { kind: 'analysis'; result: AnalysisResult }
  | { kind: 'plan'; result: PlanResult }
  | {
      kind: 'report';
      analysis: AnalysisResult | null;
      simulation: SimulationResult | null;
      plan: PlanResult | null;
      layout: LayoutSection | null;
      question: string | null;
      scenarioFile: string | null;
    }
  | { kind: 'scenario' }
  | { kind: 'invalid'; what: string; problems: string[] };

/** Recognizes a parsed JSON value and checks the fields reports read. */
export function classifySavedInput(value: unknown): SavedInput {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v['kind'] === 'simulation')
    return check('simulate result', SimulationShape, value, 'simulation');
  if (v['engine'] === 'exact') return check('analyze result', AnalysisShape, value, 'analysis');
  if (v['kind'] === 'hasim-report') {
    const parsed = ReportShape.safeParse(value);
    if (!parsed.success) return invalid('report', parsed.error);
    const r = parsed.data;
    return {
      kind: 'report',
      analysis: r.inputs.analysis as AnalysisResult | null,
      simulation: r.inputs.simulation as SimulationResult | null,
      plan: r.inputs.plan as PlanResult | null,
      layout: r.layout as LayoutSection | null,
      question: r.question,
      scenarioFile: r.scenarioFile ?? null,
    };
  }
  if (Array.isArray(v['modes']) && typeof v['inputs'] === 'object')
    return check('plan result', PlanShape, value, 'plan');
  if (Array.isArray(v['clusters'])) return { kind: 'scenario' };
  return {
    kind: 'invalid',
    what: 'hasim result or scenario',
    problems: [
      '(root): expected a scenario, or the JSON of simulate, merge, analyze, plan or report --format json',
    ],
  };
}

// --- internal ---

/** A number, or null where JSON wrote an infinite interval end. */
const Bound = z
  .number()
  .nullable()
  .transform((x) => x ?? Number.POSITIVE_INFINITY);
const Estimate = z.looseObject({ mean: z.number(), ci95: z.tuple([Bound, Bound]) });
const Durations = z.looseObject({
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
});

const MetricResultShape = z.looseObject({
  availability: Estimate,
  downtimeMinutesPerYear: Estimate,
  downHours: Estimate,
  pOutage: Estimate,
  outagesPerYear: Estimate,
  method: z.enum(['monte-carlo', 'importance-sampling']),
  trialsWithOutage: z.number(),
  timerDowntimeMinutesPerYear: z.number(),
  downtimeMinutesPerYearByCause: z.record(z.string(), z.number()),
  outageDurationHours: Durations.nullable(),
  note: z.string().optional(),
});

/** Every entry but `dataLoss` is a metric. */
const SimMetrics = z.record(
  z.string(),
  z.record(z.string(), z.unknown()).transform((metrics, ctx) => {
    const out: Record<string, unknown> = {};
    for (const [key, m] of Object.entries(metrics)) {
      if (key === 'dataLoss') {
        out[key] = m;
        continue;
      }
      const r = MetricResultShape.safeParse(m);
      if (r.success) out[key] = r.data;
      else
        for (const issue of r.error.issues)
          ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
    }
    return out;
  }),
);

const SloShape = z.looseObject({
  target: z.string(),
  metric: z.string(),
  objective: z.number(),
  minOutageHours: z.number(),
  monthsPerTrial: z.number(),
  trials: z.number(),
  monthMissProbability: Estimate,
  budgetBurn: Estimate.nullable(),
  monthlyDownMinutes: Durations,
  sla: z.looseObject({ monthMissProbability: Estimate, budgetBurn: Estimate.nullable() }),
});

const SimulationShape = z.looseObject({
  version: z.literal(1),
  kind: z.literal('simulation'),
  scenario: z.string(),
  seed: z.number(),
  trials: z.number().int().nonnegative(),
  horizonHours: z.number().positive(),
  method: z.string(),
  rng: z.string(),
  timersHours: z.looseObject({}),
  withEvents: z.boolean(),
  clusters: SimMetrics,
  regions: SimMetrics,
  objectives: z.array(
    z.looseObject({
      target: z.string(),
      metric: z.string(),
      objective: z.number(),
      status: z.enum(['met', 'not-met', 'undecided']),
    }),
  ),
  slo: z.array(SloShape).optional(),
});

const MetricAnalysisShape = z.looseObject({
  availability: z.number(),
  downtimeMinutesPerYear: z.number(),
  nines: z.number().nullable(),
  attribution: z.looseObject({
    byClass: z.record(z.string(), z.number()),
    byZone: z.record(z.string(), z.number()),
  }),
  singlePointsOfFailure: z.array(z.string()),
  importance: z.array(z.looseObject({ element: z.string(), class: z.string() })),
  objective: z.looseObject({ percent: z.number(), met: z.boolean() }).optional(),
});

const AnalysisShape = z.looseObject({
  version: z.literal(1),
  engine: z.literal('exact'),
  scenario: z.string(),
  clusters: z.record(z.string(), z.record(z.string(), MetricAnalysisShape)),
  regions: z.record(z.string(), z.record(z.string(), MetricAnalysisShape)),
  deployment: z.record(z.string(), MetricAnalysisShape).optional(),
  warnings: z.array(z.string()).optional(),
});

const CandidateShape = z.looseObject({
  layout: z.looseObject({ key: z.string(), label: z.string() }),
  availability: z.record(z.string(), z.number()),
  cost: z.looseObject({ total: z.number() }),
  meetsTargets: z.boolean(),
});

const PlanShape = z.looseObject({
  version: z.literal(1),
  inputs: z.looseObject({ regions: z.number(), tolerate: z.number(), zonesPerRegion: z.number() }),
  modes: z.array(
    z.looseObject({
      mode: z.string(),
      clusters: z.number(),
      vms: z.number(),
      assumption: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
  targets: z.record(z.string(), z.number()).optional(),
  candidatesEvaluated: z.number().optional(),
  search: z.looseObject({ cost: z.looseObject({ source: z.string() }) }).optional(),
  recommended: CandidateShape.extend({
    why: z.string(),
    simulation: z
      .looseObject({
        availability: z.record(
          z.string(),
          z.looseObject({
            of: z.string(),
            mean: z.number(),
            ci95: z.tuple([Bound, Bound]),
            target: z.looseObject({ status: z.enum(['met', 'not-met', 'undecided']) }).optional(),
          }),
        ),
      })
      .nullable()
      .optional(),
  })
    .nullable()
    .optional(),
  front: z.record(z.string(), z.array(CandidateShape)).optional(),
  closest: CandidateShape.extend({
    shortfall: z.array(
      z.looseObject({
        metric: z.string(),
        targetPercent: z.number(),
        availabilityPercent: z.number(),
      }),
    ),
  })
    .nullable()
    .optional(),
  limitedBy: z.looseObject({ sentence: z.string() }).nullable().optional(),
});

const ZoneCount = z.looseObject({
  zone: z.string(),
  masters: z.number(),
  etcdMembers: z.number(),
  workers: z.number(),
});

const LayoutShape = z.looseObject({
  failover: z.string(),
  rollout: z.enum(['all-at-once', 'waves']),
  regions: z.array(
    z.looseObject({ name: z.string(), zones: z.array(z.string()), users: z.number() }),
  ),
  clusters: z.array(
    z.looseObject({
      name: z.string(),
      region: z.string(),
      endpoint: z.looseObject({ kind: z.string(), zone: z.string().nullable() }),
      etcdPlacement: z.enum(['stacked', 'external']),
      zones: z.array(ZoneCount),
      totals: z.looseObject({
        masters: z.number(),
        etcdMembers: z.number(),
        workers: z.number(),
        workersNeeded: z.number(),
      }),
      etcd: z.looseObject({
        quorum: z.number(),
        tolerance: z.number(),
        zoneTolerance: z.number(),
        breakingZoneSets: z.array(z.array(z.string())),
      }),
      workerZoneTolerance: z.number(),
    }),
  ),
});

const ReportShape = z.looseObject({
  kind: z.literal('hasim-report'),
  version: z.literal(1),
  question: z.string().nullable(),
  scenarioFile: z.string().nullable().optional(),
  layout: LayoutShape.nullable(),
  inputs: z.looseObject({
    analysis: AnalysisShape.nullable(),
    simulation: SimulationShape.nullable(),
    plan: PlanShape.nullable(),
  }),
});

function check<K extends 'simulation' | 'analysis' | 'plan'>(
  what: string,
  shape: z.ZodType,
  value: unknown,
  kind: K,
): SavedInput {
  const parsed = shape.safeParse(value);
  if (!parsed.success) return invalid(what, parsed.error);
  return { kind, result: parsed.data } as SavedInput;
}

function invalid(what: string, error: z.ZodError): SavedInput {
  return {
    kind: 'invalid',
    what,
    problems: error.issues.map((i) => `${formatPath(i.path as (string | number)[])}: ${i.message}`),
  };
}
