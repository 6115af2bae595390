/**
 * The one sentence that says why the recommendation beats its nearest cheaper rival, built from
 * the two layouts' differences and their figures, e.g. "Against the nearest cheaper layout (248
 * a year), this one has 3 masters over 3 zones (1+1+1) instead of 1 master: api 99.95559 % →
 * 99.99421 % against a 99.98000 % target, for 16 more a year." A reviewer can check it against the
 * front.
 */
import { shortfallOf, targetMetrics } from './choose-candidate.js';
import { describeCount, describeEndpoint } from './enumerate-candidates.js';
import type { CandidateLayout, EvaluatedCandidate, PlanTargets } from './plan-result.js';

/** Why `recommended` is chosen over `rival` (null: nothing is cheaper), in one sentence. */
export function explainChoice(
  recommended: EvaluatedCandidate,
  rival: EvaluatedCandidate | null,
  targets: PlanTargets,
  evaluated: number,
): string {
  const cost = formatCost(recommended.cost.total);
  if (rival === null) {
    const met = targetMetrics(targets).map((m) => {
      const [value, goal] = formatPercents([recommended.availability[m]], targets[m] ?? 0);
      return `${m} ${value} ≥ ${goal}`;
    });
    return (
      `No candidate costs less: at ${cost} a year it is the cheapest of the ${evaluated} ` +
      `evaluated, and it meets ${met.join(', ')}.`
    );
  }
  const changes = describeDifferences(recommended.layout, rival.layout).join(' and ');
  const more = formatCost(recommended.cost.total - rival.cost.total);
  const [worst, ...others] = shortfallOf(rival, targets);
  const lead = `Against the nearest cheaper layout (${formatCost(rival.cost.total)} a year), this one has ${changes}`;
  // A cheaper candidate misses some target, or it would have been recommended.
  if (worst === undefined) return `${lead}, for ${more} more a year.`;
  const m = worst.metric;
  const [from, to, goal] = formatPercents(
    [rival.availability[m], recommended.availability[m]],
    worst.targetPercent,
  );
  const also =
    others.length === 0
      ? ''
      : ` (and it also meets ${others.map((s) => s.metric).join(', ')}, which that one misses)`;
  return `${lead}: ${m} ${from} → ${to} against a ${goal} target${also}, for ${more} more a year.`;
}

/** What `a` does differently from `b`, one phrase per respect: "3 masters 1+1+1 instead of 1". */
export function describeDifferences(a: CandidateLayout, b: CandidateLayout): string[] {
  const out: string[] = [];
  if (JSON.stringify(a.masters) !== JSON.stringify(b.masters)) {
    out.push(`${mastersText(a)} instead of ${mastersText(b)}`);
  }
  const external = a.etcd.placement === 'external' || b.etcd.placement === 'external';
  if (external && JSON.stringify(a.etcd) !== JSON.stringify(b.etcd)) {
    out.push(`${etcdText(a)} instead of ${etcdText(b)}`);
  }
  if (
    a.endpoint.kind !== b.endpoint.kind ||
    a.endpoint.hostZones.join() !== b.endpoint.hostZones.join()
  ) {
    out.push(
      `a ${describeEndpoint(a.endpoint)} instead of ${describeEndpoint(b.endpoint).replace(/ endpoint/, '')}`,
    );
  }
  if (a.workers.zoneLosses !== b.workers.zoneLosses) {
    out.push(
      `${a.workers.total} workers for ${lossText(a.workers.zoneLosses)} instead of ` +
        `${b.workers.total} for ${lossText(b.workers.zoneLosses)}`,
    );
  }
  if (a.maintenance !== b.maintenance) {
    out.push(`${a.maintenance} upgrades instead of ${b.maintenance}`);
  }
  if (JSON.stringify(a.rollout) !== JSON.stringify(b.rollout)) {
    out.push(`changes ${rolloutText(a)} instead of ${rolloutText(b)}`);
  }
  return out;
}

/**
 * Availabilities and a target as percentages, rounded down (never shown better than they are),
 * with the decimals `hasim analyze` gives each figure (one per nine, at least 2), at least the
 * target's, and more (up to 8) until distinct values look distinct.
 */
export function formatPercents(availabilities: readonly number[], targetPercent: number): string[] {
  const values = [...availabilities.map((a) => a * 100), targetPercent];
  const ninesOf = (a: number): number => (a < 1 ? Math.ceil(-Math.log10(1 - a) - 1e-9) : 0);
  let digits = Math.min(8, Math.max(2, decimalsOf(targetPercent), ...availabilities.map(ninesOf)));
  const show = (x: number): string => floorTo(x, digits);
  const distinct = (): boolean =>
    values.every((x, i) => values.every((y, j) => i === j || x === y || show(x) !== show(y)));
  while (digits < 8 && !distinct()) digits += 1;
  return values.map((x) => `${show(x)} %`);
}

/** A yearly cost: whole numbers as they are, others with up to 2 decimals. */
export function formatCost(cost: number): string {
  return Number.isInteger(cost) ? String(cost) : String(Number(cost.toFixed(2)));
}

// --- internal ---

function mastersText(l: CandidateLayout): string {
  return describeCount(l.masters, 'master');
}

function etcdText(l: CandidateLayout): string {
  return l.etcd.placement === 'stacked'
    ? 'stacked etcd'
    : describeCount(l.etcd.members, 'external etcd member');
}

function lossText(u: number): string {
  return `${u} zone loss${u === 1 ? '' : 'es'}`;
}

function rolloutText(l: CandidateLayout): string {
  const r = l.rollout;
  return r.kind === 'all-at-once'
    ? 'all at once'
    : `in waves of ${r.waves.join(', ')} (bake ${hours(r.bakeHours)}, detection ${hours(r.detectionHours)}, caught ${Math.round(r.detectionProbability * 100)} % a wave)`;
}

function hours(h: number): string {
  return h < 1 ? `${Number((h * 60).toPrecision(3))} min` : `${Number(h.toPrecision(3))} h`;
}

function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** x rounded down to `digits` decimals (a hair of slack for binary noise: 99.95 stays 99.95). */
function floorTo(x: number, digits: number): string {
  const scaled = x * 10 ** digits;
  return (Math.floor(scaled + Math.abs(scaled) * 1e-12) / 10 ** digits).toFixed(digits);
}
