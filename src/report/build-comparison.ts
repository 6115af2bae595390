/**
 * Two designs side by side (`hasim compare`): per metric the exact downtime of each and the
 * difference, the failure classes whose downtime differs most, the single points of failure one
 * design has and the other has not, and the cost. Clusters (regions) are matched by name, or by
 * position when the names differ.
 */
import type { AnalysisResult, MetricAnalysis } from '../exact/analyze.js';
import type { Topology } from '../model/topology.js';
import { causeLabel } from './cause-labels.js';
import { formatMinutes } from './report-format.js';
import { computeTopologyCost, type TopologyCost } from './topology-cost.js';

export interface DesignSide {
  scenario: string;
  file: string;
  question: string | null;
  cost: TopologyCost;
}

export interface CauseDifference {
  /** A failure class (`zone`, `operatorError`, …). */
  cause: string;
  aMinutesPerYear: number;
  bMinutesPerYear: number;
}

export interface MetricComparison {
  /** `deployment`: the share of users served (when a design has several regions). */
  scope: 'cluster' | 'region' | 'deployment';
  /** The cluster (region) in design A and its counterpart in B. */
  a: string;
  b: string;
  metric: string;
  aAvailability: number;
  bAvailability: number;
  aMinutesPerYear: number;
  bMinutesPerYear: number;
  /** B − A: negative when B is down less. */
  deltaMinutesPerYear: number;
  /** Classes whose removable downtime differs, largest difference first (at most 3). */
  causes: CauseDifference[];
  /** Single points of failure of a class the other design has none of. */
  onlyA: string[];
  onlyB: string[];
}

export interface Comparison {
  kind: 'hasim-comparison';
  version: 1;
  engine: 'exact';
  a: DesignSide;
  b: DesignSide;
  /** How clusters and how regions were paired. */
  matching: { clusters: 'by-name' | 'by-position'; regions: 'by-name' | 'by-position' };
  metrics: MetricComparison[];
  /** One sentence per metric whose downtime differs: by how much, and why. */
  summary: string[];
}

export interface ComparedDesign {
  file: string;
  topology: Topology;
  analysis: AnalysisResult;
}

/** A difference below this share of the larger downtime does not matter to a review. */
const NEGLIGIBLE_SHARE = 0.01;

function negligible(a: number, b: number): boolean {
  return Math.abs(b - a) <= NEGLIGIBLE_SHARE * Math.max(Math.abs(a), Math.abs(b));
}

export function buildComparison(a: ComparedDesign, b: ComparedDesign): Comparison {
  const clusters = pair(Object.keys(a.analysis.clusters), Object.keys(b.analysis.clusters));
  const regions = pair(Object.keys(a.analysis.regions), Object.keys(b.analysis.regions));
  const metrics: MetricComparison[] = [];
  for (const [x, y] of clusters.pairs)
    metrics.push(...compareGroup('cluster', x, y, a.analysis.clusters[x], b.analysis.clusters[y]));
  for (const [x, y] of regions.pairs)
    metrics.push(...compareGroup('region', x, y, a.analysis.regions[x], b.analysis.regions[y]));
  if (Math.max(a.topology.regions.length, b.topology.regions.length) > 1)
    metrics.push(
      ...compareGroup(
        'deployment',
        'deployment',
        'deployment',
        a.analysis.deployment,
        b.analysis.deployment,
      ),
    );
  return {
    kind: 'hasim-comparison',
    version: 1,
    engine: 'exact',
    a: side(a),
    b: side(b),
    matching: {
      clusters: clusters.byName ? 'by-name' : 'by-position',
      regions: regions.byName ? 'by-name' : 'by-position',
    },
    metrics,
    summary: summarize(metrics),
  };
}

// --- internal ---

function side(d: ComparedDesign): DesignSide {
  return {
    scenario: d.topology.name,
    file: d.file,
    question: d.topology.description ?? null,
    cost: computeTopologyCost(d.topology),
  };
}

/** Pairs names present in both lists, or failing that, the lists position by position. */
function pair(a: string[], b: string[]): { pairs: [string, string][]; byName: boolean } {
  const common = a.filter((n) => b.includes(n));
  if (common.length > 0) return { pairs: common.map((n) => [n, n]), byName: true };
  const n = Math.min(a.length, b.length);
  return { pairs: a.slice(0, n).map((x, i) => [x, b[i] ?? x]), byName: false };
}

function compareGroup(
  scope: MetricComparison['scope'],
  a: string,
  b: string,
  ma: Record<string, MetricAnalysis> | undefined,
  mb: Record<string, MetricAnalysis> | undefined,
): MetricComparison[] {
  if (ma === undefined || mb === undefined) return [];
  return Object.keys(ma).flatMap((metric) => {
    const x = ma[metric];
    const y = mb[metric];
    if (x === undefined || y === undefined) return [];
    return [
      {
        scope,
        a,
        b,
        metric,
        aAvailability: x.availability,
        bAvailability: y.availability,
        aMinutesPerYear: x.downtimeMinutesPerYear,
        bMinutesPerYear: y.downtimeMinutesPerYear,
        deltaMinutesPerYear: y.downtimeMinutesPerYear - x.downtimeMinutesPerYear,
        causes: causeDifferences(
          x,
          y,
          Math.max(x.downtimeMinutesPerYear, y.downtimeMinutesPerYear),
        ),
        ...spofDifferences(x, y),
      },
    ];
  });
}

function causeDifferences(x: MetricAnalysis, y: MetricAnalysis, down: number): CauseDifference[] {
  const byClass = (m: MetricAnalysis): Record<string, number> => m.attribution.byClass;
  const names = [...new Set([...Object.keys(byClass(x)), ...Object.keys(byClass(y))])];
  return names
    .map((cause) => ({
      cause,
      aMinutesPerYear: byClass(x)[cause] ?? 0,
      bMinutesPerYear: byClass(y)[cause] ?? 0,
    }))
    .filter((c) => Math.abs(c.bMinutesPerYear - c.aMinutesPerYear) > NEGLIGIBLE_SHARE * down)
    .sort(
      (p, q) =>
        Math.abs(q.bMinutesPerYear - q.aMinutesPerYear) -
          Math.abs(p.bMinutesPerYear - p.aMinutesPerYear) || p.cause.localeCompare(q.cause),
    )
    .slice(0, 3);
}

/** SPOFs whose class the other design has no SPOF of (element names differ between designs). */
function spofDifferences(
  x: MetricAnalysis,
  y: MetricAnalysis,
): Pick<MetricComparison, 'onlyA' | 'onlyB'> {
  const classes = (m: MetricAnalysis): Map<string, string> =>
    new Map(
      m.singlePointsOfFailure.map((e) => [
        e,
        m.importance.find((i) => i.element === e)?.class ?? e,
      ]),
    );
  const cx = classes(x);
  const cy = classes(y);
  const only = (p: Map<string, string>, q: Map<string, string>): string[] =>
    [...p].filter(([, cls]) => ![...q.values()].includes(cls)).map(([e]) => e);
  return { onlyA: only(cx, cy), onlyB: only(cy, cx) };
}

/** One sentence per group of metrics whose difference reads the same. */
function summarize(metrics: readonly MetricComparison[]): string[] {
  const groups = new Map<string, { who: string; names: string[]; body: string }>();
  for (const m of metrics) {
    if (negligible(m.aMinutesPerYear, m.bMinutesPerYear)) continue;
    const who = m.a === m.b ? m.a : `${m.a}/${m.b}`;
    const body = explain(m);
    const key = `${who}\n${body}`;
    const g = groups.get(key) ?? { who, names: [], body };
    g.names.push(m.metric);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => `${g.who} ${g.names.join(', ')}: ${g.body}`);
}

function explain(m: MetricComparison): string {
  const d = m.deltaMinutesPerYear;
  const parts = [
    `${d < 0 ? 'B' : 'A'} is down ${formatMinutes(Math.abs(d))} min/yr less (A ${formatMinutes(m.aMinutesPerYear)}, B ${formatMinutes(m.bMinutesPerYear)} min/yr)`,
  ];
  const top = m.causes[0];
  if (top !== undefined)
    parts.push(
      `most of the difference is ${causeLabel(top.cause)} (A ${formatMinutes(top.aMinutesPerYear)}, B ${formatMinutes(top.bMinutesPerYear)} min/yr)`,
    );
  const spofs = [
    ...m.onlyA.map((e) => `${e} is a single point of failure in A only`),
    ...m.onlyB.map((e) => `${e} is a single point of failure in B only`),
  ];
  return `${parts.join('; ')}${spofs.length > 0 ? `: ${spofs.join('; ')}` : ''}.`;
}
