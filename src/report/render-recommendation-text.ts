/**
 * The recommender's part of `hasim plan` for people: the recommended layout with its exact and
 * simulated figures and its cost, why it beats its nearest cheaper rival, and the front of cost
 * against each target metric; or, when nothing meets the targets, the closest and its limit.
 */
import { MINUTES_PER_YEAR } from '../exact/metric-paths.js';
import {
  PLAN_METRICS,
  type CandidateLayout,
  type EvaluatedCandidate,
  type PlanMetric,
  type PlanResult,
  type Recommendation,
} from '../plan/plan-result.js';
import { formatMinutes, formatPercent as formatRounded } from './render-analysis-text.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

/** Renders the recommendation section of a plan (empty without targets; ends with a newline). */
export function renderRecommendationText(plan: PlanResult, style: TextStyle): string {
  const { targets, search } = plan;
  if (targets === undefined || search === undefined) return '';
  const metrics = PLAN_METRICS.filter((m) => targets[m] !== undefined);
  const lines: string[] = [
    style.bold(
      `Recommendation: ${search.clusters} clusters (${search.mode === 'local' ? 'local' : 'failover with capacity'}), ` +
        `${plan.candidatesEvaluated ?? 0} candidate layouts evaluated exactly`,
    ),
    style.dim(
      `targets: ${metrics.map((m) => `${m} ≥ ${targets[m]} %`).join(', ')} (cluster metrics on the worst cluster, served on the worst region, usersServed on the deployment); ` +
        `failures: ${search.failures}; cost: ${costModelText(plan)}`,
    ),
  ];
  const rec = plan.recommended;
  if (rec !== undefined && rec !== null) lines.push(...recommendedLines(rec, plan, style));
  else lines.push(...closestLines(plan, style));
  for (const m of metrics) lines.push('', ...frontLines(plan, m, style));
  return `${lines.join('\n')}\n`;
}

/**
 * An availability with the decimals `hasim analyze` shows, rounded down: next to a target, a
 * figure just below it must not read as reaching it (99.98995 % is 99.9899 %, not 99.9900 %).
 */
export function formatPercentDown(availability: number): string {
  const rounded = formatRounded(availability);
  const decimals = rounded.length - rounded.indexOf('.') - 3;
  if (availability >= 1 || !rounded.includes('.')) return rounded;
  const scaled = availability * 100 * 10 ** decimals;
  return `${(Math.floor(scaled + Math.abs(scaled) * 1e-12) / 10 ** decimals).toFixed(decimals)} %`;
}

// --- internal ---

function recommendedLines(rec: Recommendation, plan: PlanResult, style: TextStyle): string[] {
  const sim = rec.simulation;
  const rows = PLAN_METRICS.map((m) => {
    const target = plan.targets?.[m];
    const s = sim?.availability[m];
    return [
      m,
      formatPercentDown(rec.availability[m]),
      formatMinutes((1 - rec.availability[m]) * MINUTES_PER_YEAR),
      s === undefined
        ? ''
        : `${formatPercentDown(s.mean)} [${formatPercentDown(s.ci95[0])}, ${formatPercentDown(s.ci95[1])}]`,
      target === undefined ? '' : targetCell(rec.availability[m], target, s?.target?.status, style),
      s?.monthMissProbability === undefined
        ? ''
        : `${formatShare(s.monthMissProbability.mean)} [${formatShare(s.monthMissProbability.ci95[0])}, ${formatShare(s.monthMissProbability.ci95[1])}]`,
    ];
  });
  const head = [
    'metric',
    'exact',
    'down min/yr',
    'Monte Carlo (95 %)',
    'target',
    'months missing it (MC)',
  ];
  return [
    '',
    `  ${style.ok('✔')} ${style.bold(rec.layout.label)}`,
    layoutTable(rec.layout, style),
    `  cost: ${rec.cost.total} a year (${rec.cost.perCluster} per cluster: ${breakdownText(rec)})`,
    renderTable(head, rows, style, ['left', 'right', 'right', 'right', 'left', 'right']),
    sim === null
      ? style.dim('  no Monte Carlo confirmation (--no-confirm)')
      : style.dim(
          `  Monte Carlo: seed ${sim.seed}, ${sim.trials} trials of ${formatHours(sim.horizonHours)}, ${sim.method}, ` +
            `timers lease ${seconds(sim.timersHours.leaseDuration)}, ${rec.layout.endpoint.kind} failover ${seconds(sim.timersHours.endpointFailover[rec.layout.endpoint.kind])}, ` +
            `node grace ${seconds(sim.timersHours.nodeMonitorGrace)}, eviction ${seconds(sim.timersHours.podEviction)}`,
        ),
    `  why: ${rec.why}`,
    ...simulatedMisses(rec, style),
  ];
}

/** A warning for each target the Monte Carlo run (with Kubernetes' timers) finds missed. */
function simulatedMisses(rec: Recommendation, style: TextStyle): string[] {
  const sim = rec.simulation;
  if (sim === null) return [];
  return PLAN_METRICS.flatMap((m) => {
    const s = sim.availability[m];
    if (s?.target === undefined) return [];
    const lines: string[] = [];
    if (s.target.status === 'not-met')
      lines.push(
        `  ${style.warning('⚠')} with Kubernetes' timers the Monte Carlo run puts ${m} of ${s.of} at ` +
          `${formatPercentDown(s.ci95[1])} at best, below ${s.target.percent} %: the exact engine ` +
          'leaves out reaction delays (failover, lease, eviction); consider the next layout on the front',
      );
    const monthly = s.monthMissProbability;
    if (monthly !== undefined && monthly.ci95[0] > MONTHLY_WARNING)
      lines.push(
        `  ${style.warning('⚠')} ${m} of ${s.of}: ${formatShare(monthly.mean)} of calendar months miss ` +
          `${s.target.percent} % (the SLA view), whatever the yearly mean: managed control planes ` +
          'promise their uptime per month; the next layout on the front spreads the risk',
      );
    return lines;
  });
}

function closestLines(plan: PlanResult, style: TextStyle): string[] {
  const closest = plan.closest;
  if (closest === undefined || closest === null) return ['', style.warning('  no candidate')];
  const misses = closest.shortfall.map(
    (s) =>
      `${s.metric} ${formatPercentDown(s.availabilityPercent / 100)} < ${s.targetPercent} % ` +
      `(${ratioText(s.downtimeRatio)}× the downtime it allows)`,
  );
  return [
    '',
    `  ${style.warning('✖')} ${style.bold('no candidate meets every target')}; the closest:`,
    `  ${closest.layout.label}`,
    layoutTable(closest.layout, style),
    `  cost: ${closest.cost.total} a year (${closest.cost.perCluster} per cluster)`,
    `  misses: ${misses.join('; ')}`,
    ...(plan.limitedBy === undefined || plan.limitedBy === null
      ? []
      : [`  limited by: ${plan.limitedBy.sentence}`]),
  ];
}

function frontLines(plan: PlanResult, m: PlanMetric, style: TextStyle): string[] {
  const front = plan.front?.[m] ?? [];
  const target = plan.targets?.[m];
  const chosen = plan.recommended?.layout.key ?? plan.closest?.layout.key;
  const rows = front.map((c: EvaluatedCandidate) => [
    c.cost.total,
    formatPercentDown(c.availability[m]),
    formatMinutes((1 - c.availability[m]) * MINUTES_PER_YEAR),
    target === undefined ? '' : c.availability[m] * 100 >= target ? '✔' : '✖',
    ...layoutCells(c.layout),
    c.layout.key === chosen ? style.bold(plan.recommended ? '◀ recommended' : '◀ closest') : '',
  ]);
  return [
    style.bold(
      `Front: cost against ${m} (${front.length} layouts, each cutting the downtime of the cheaper by more than 1 %)`,
    ),
    renderTable(
      [
        'cost/yr',
        m,
        'down min/yr',
        'target',
        'masters',
        'etcd',
        'endpoint',
        'workers',
        'upgrades',
        'changes',
        '',
      ],
      rows,
      style,
      ['right', 'right', 'right', 'left', 'left', 'left', 'left', 'right'],
    ),
  ];
}

/** A layout in short columns: masters, etcd, endpoint, workers, upgrades, changes. */
function layoutCells(l: CandidateLayout): string[] {
  const spread = (counts: Record<string, number>): string => {
    const used = Object.values(counts).filter((n) => n > 0);
    return used.length === 1 && (used[0] ?? 0) > 1 ? `${used[0]} (1 zone)` : used.join('+');
  };
  return [
    spread(l.masters),
    l.etcd.placement === 'stacked' ? 'stacked' : `external ${spread(l.etcd.members)}`,
    l.endpoint.kind === 'keepalived'
      ? `keepalived ${[...new Set(l.endpoint.hostZones)].join('+')}`
      : l.endpoint.kind,
    `${l.workers.total} (${l.workers.zoneLosses} zone loss${l.workers.zoneLosses === 1 ? '' : 'es'})`,
    l.maintenance,
    l.rollout.kind === 'all-at-once' ? 'all at once' : `waves ${l.rollout.waves.join(',')}`,
  ];
}

function layoutTable(l: CandidateLayout, style: TextStyle): string {
  const external = l.etcd.placement === 'external';
  return renderTable(
    ['zone', 'masters', external ? 'etcd VMs' : 'etcd (stacked)', 'workers'],
    l.zones.map((z) => [z, l.masters[z] ?? 0, l.etcd.members[z] ?? 0, l.workers.perZone[z] ?? 0]),
    style,
    ['left', 'right', 'right', 'right'],
  );
}

/** Above this share of calendar months missing a target (surely, by its interval), say so. */
const MONTHLY_WARNING = 0.05;

/** A probability as a percentage with two significant digits: 0.0213 → 2.1 %. */
function formatShare(p: number): string {
  return `${Number((p * 100).toPrecision(2))} %`;
}

function targetCell(
  availability: number,
  target: number,
  simulated: 'met' | 'not-met' | 'undecided' | undefined,
  style: TextStyle,
): string {
  const exact = availability * 100 >= target;
  const text = `${target} % ${exact ? '✔' : '✖'}${simulated === undefined ? '' : ` (MC: ${simulated})`}`;
  return exact ? style.ok(text) : style.warning(text);
}

function breakdownText(c: EvaluatedCandidate): string {
  const b = c.cost.breakdown;
  const parts = [
    `masters ${b.masters}`,
    ...(b.etcd > 0 ? [`etcd ${b.etcd}`] : []),
    `workers ${b.workers}`,
    ...(b.endpoint > 0 ? [`endpoint ${b.endpoint}`] : []),
  ];
  return parts.join(', ');
}

function costModelText(plan: PlanResult): string {
  const c = plan.search?.cost;
  if (c === undefined) return '';
  const vm =
    c.master === c.etcd && c.etcd === c.worker
      ? `${c.master} per VM-year`
      : `${c.master} per master, ${c.etcd} per etcd VM, ${c.worker} per worker a year`;
  return `${vm}, ${c.loadBalancer} per load balancer (${c.source})`;
}

/**
 * A downtime ratio above 1 (a missed target): 6.95, 10.0; near 1 with three decimals, rounded
 * up, so a miss never reads as 1 (1.0027 is 1.003).
 */
function ratioText(ratio: number): string {
  if (ratio < 1.1) return (Math.ceil(ratio * 1000 - 1e-9) / 1000).toFixed(3);
  return ratio < 100 ? ratio.toPrecision(3) : ratio.toFixed(0);
}

function seconds(hours: number): string {
  return `${Number((hours * 3600).toPrecision(3))} s`;
}

function formatHours(hours: number): string {
  return hours === 8760 ? '1 y' : `${Number(hours.toPrecision(4))} h`;
}
