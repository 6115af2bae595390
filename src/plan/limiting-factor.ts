/**
 * What limits a candidate that misses its targets: for its worst-missed metric, on its worst
 * cluster (region), the exact attribution of the downtime (minutes a year that disappear if a
 * failure class, or one zone's outages, never happened) and its single points of failure.
 */
import { analyzeTopology, type MetricAnalysis } from '../exact/analyze.js';
import { computeMetrics } from '../exact/engine.js';
import { findWorst } from './evaluate-candidate.js';
import { formatPercents } from './explain-choice.js';
import type { ClosestCandidate, Limit } from './plan-result.js';
import type { Topology } from '../model/topology.js';

/** Contributors named in a limit, at most. */
const TOP_CONTRIBUTORS = 3;

/** The limit of the closest candidate (`topology` is its deployment); null when it misses nothing. */
export function findLimit(closest: ClosestCandidate, topology: Topology): Limit | null {
  const [worst] = closest.shortfall;
  if (worst === undefined) return null;
  const metric = worst.metric;
  const of = findWorst(computeMetrics(topology))[metric].name;
  const analysis = analyzeTopology(topology);
  const figure: MetricAnalysis | undefined =
    metric === 'usersServed'
      ? analysis.deployment.usersServed
      : metric === 'served'
        ? analysis.regions[of]?.served
        : analysis.clusters[of]?.[metric];
  if (figure === undefined) return null;
  const contributors = [
    ...Object.entries(figure.attribution.byClass).map(([cause, minutes]) => ({
      cause,
      downtimeMinutesPerYear: minutes ?? 0,
    })),
    ...Object.entries(figure.attribution.byZone).map(([zone, minutes]) => ({
      cause: `zone ${zone}`,
      downtimeMinutesPerYear: minutes,
    })),
  ]
    .filter((c) => c.downtimeMinutesPerYear > 0)
    .sort((a, b) => b.downtimeMinutesPerYear - a.downtimeMinutesPerYear)
    .slice(0, TOP_CONTRIBUTORS);
  const [value, goal] = formatPercents([figure.availability], worst.targetPercent);
  const causes = contributors.map((c) => `${c.cause} ${minutes(c.downtimeMinutesPerYear)} min/yr`);
  const spof = figure.singlePointsOfFailure;
  const sentence =
    `${metric} of ${of} is ${value} against ${goal} (${minutes(figure.downtimeMinutesPerYear)} ` +
    `min/yr down)` +
    (causes.length === 0
      ? ''
      : `; without each cause it would be down less by: ${causes.join(', ')}`) +
    (spof.length === 0 ? '' : `; single points of failure: ${spof.join(', ')}`) +
    '.';
  return {
    metric,
    of,
    contributors,
    singlePointsOfFailure: [...spof],
    sentence,
  };
}

// --- internal ---

function minutes(m: number): string {
  return m >= 100 ? m.toFixed(0) : String(Number(m.toPrecision(3)));
}
