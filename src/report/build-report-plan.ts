/**
 * PlanResult → the report's plan section: the cluster counts, and with targets the recommender's
 * search — the recommendation with its exact and simulated figures and why it wins, the front of
 * cost against each target metric, or the closest candidate and what limits it. Part of
 * build-report: the only place that reads a plan result's fields.
 */
import type { PlanResult } from '../plan/plan-result.js';
import { formatPercent } from './report-format.js';
import type { Interval95, ObjectiveState, PlanCandidate, PlanSection } from './report.js';

/** A plan's summary; the recommender's fields when the plan had targets. */
export function buildPlanSection(plan: PlanResult): PlanSection {
  const p = plan as PlanResult & Partial<RecommenderFields>;
  const targets = p.targets ?? {};
  const rec = p.recommended ?? null;
  const closest = p.closest ?? null;
  return {
    summary: planSummary(plan),
    modes: plan.modes.map((m) => ({
      mode: MODE_LABELS[m.mode] ?? m.mode,
      clusters: m.clusters,
      vms: m.vms,
      assumption: m.assumption,
    })),
    targets,
    costUnit:
      p.search === undefined || p.search.cost.source === 'default' ? 'VM-years' : 'cost units',
    candidatesEvaluated: p.candidatesEvaluated ?? null,
    recommended: rec === null ? null : candidate(rec),
    why: rec?.why ?? null,
    confirmation:
      rec?.simulation === null || rec?.simulation === undefined
        ? []
        : Object.entries(rec.simulation.availability).map(([metric, f]) => ({
            metric,
            of: f.of,
            availability: { mean: f.mean, ci95: f.ci95 },
            target: f.target?.status ?? null,
          })),
    closest:
      closest === null
        ? null
        : {
            ...candidate(closest),
            shortfall: closest.shortfall.map(
              (s) =>
                `${s.metric} ${formatPercent(s.availabilityPercent / 100)} < ${s.targetPercent} %`,
            ),
            limitedBy: p.limitedBy?.sentence ?? null,
          },
    fronts: Object.entries(p.front ?? {}).map(([metric, list]) => ({
      metric,
      candidates: (list ?? []).map(candidate),
    })),
    warnings: [...plan.warnings],
  };
}

/** `4 regions, tolerating 1 unavailable cluster, 3 zones per region`. */
export function planSummary(plan: PlanResult): string {
  const { inputs } = plan;
  return (
    `${count(inputs.regions, 'region')}, tolerating ${count(inputs.tolerate, 'unavailable cluster')}, ` +
    `${count(inputs.zonesPerRegion, 'zone')} per region`
  );
}

// --- internal ---

const MODE_LABELS: Record<string, string> = {
  local: 'local',
  failoverWithCapacity: 'failover with capacity',
  failoverAvailabilityOnly: 'failover, availability only',
};

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * The recommender's optional fields of PlanResult (src/plan/plan-result.ts, built on the plan
 * branch), as far as reports read them.
 */
interface RecommenderFields {
  targets: Record<string, number>;
  search: { cost: { source: string } };
  candidatesEvaluated: number;
  recommended: (Candidate & { why: string; simulation: Confirmation | null }) | null;
  front: Record<string, Candidate[] | undefined>;
  closest:
    | (Candidate & {
        shortfall: { metric: string; targetPercent: number; availabilityPercent: number }[];
      })
    | null;
  limitedBy: { sentence: string } | null;
}

interface Candidate {
  layout: { key: string; label: string };
  availability: Record<string, number>;
  cost: { total: number };
  meetsTargets: boolean;
}

interface Confirmation {
  availability: Record<
    string,
    { of: string; mean: number; ci95: Interval95['ci95']; target?: { status: ObjectiveState } }
  >;
}

function candidate(c: Candidate): PlanCandidate {
  return {
    key: c.layout.key,
    label: c.layout.label,
    cost: c.cost.total,
    availability: { ...c.availability },
    meetsTargets: c.meetsTargets,
  };
}
