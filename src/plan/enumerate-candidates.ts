/**
 * The candidate layouts of one cluster the recommender evaluates: masters 1/3/5/7 spread evenly
 * over the first 1..Z zones; etcd stacked or external of 3/5/7 members spread the same way; every
 * endpoint kind (single-master only with one master); workers with headroom for 0 or 1 zone
 * losses over every zone; and each maintenance style and rollout given. The zones of a region are
 * interchangeable (same failure figures), so spreading over the first k zones stands for every
 * choice of k zones. Spreads are balanced (larger counts first), as the issue asks; masters and
 * external etcd both start at the first zone, so they share their largest zones (other joint
 * placements, such as etcd's extra member in a zone without masters, are not searched).
 */
import { ENDPOINT_KINDS, type EndpointKind, type Rollout } from '../model/topology.js';
import { balancedSpread } from '../quorum/domain-tolerance.js';
import { computeWorkerHeadroom } from '../quorum/headroom.js';
import { ETCD_SIZES } from './choose-control-plane.js';
import type { CandidateLayout, MaintenanceStyle } from './plan-result.js';

/** Master counts considered: 1 (no HA) and the odd sizes up to the etcd FAQ's 7. */
export const MASTER_COUNTS = [1, 3, 5, 7] as const;

export interface CandidateSpace {
  /** The zones of every region, in order. */
  zones: readonly string[];
  /** Workers that carry one cluster's load. */
  workersNeeded: number;
  maintenance: readonly MaintenanceStyle[];
  rollouts: readonly Rollout[];
}

/**
 * Every candidate layout, in the search's fixed order (the last tie-break): fewer masters, fewer
 * master zones, stacked before external, fewer etcd members and zones, endpoints in
 * `ENDPOINT_KINDS` order, fewer worker zone losses, then maintenance and rollout as given.
 */
export function enumerateCandidates(space: CandidateSpace): CandidateLayout[] {
  const { zones } = space;
  const out: CandidateLayout[] = [];
  const workerOptions = [0, 1]
    .filter((u) => u < zones.length)
    .map((zoneLosses) =>
      computeWorkerHeadroom({
        workersNeeded: space.workersNeeded,
        zones: zones.length,
        zoneLosses,
      }),
    );
  for (const masterCount of MASTER_COUNTS) {
    for (const masters of spreads(masterCount, zones)) {
      const etcdOptions: (Record<string, number> | 'stacked')[] = [
        'stacked',
        ...ETCD_SIZES.flatMap((n) => spreads(n, zones)),
      ];
      for (const etcd of etcdOptions) {
        for (const endpoint of endpointOptions(masterCount, zones)) {
          for (const headroom of workerOptions) {
            for (const maintenance of space.maintenance) {
              for (const rollout of space.rollouts) {
                out.push(
                  buildLayout({ zones, masters, etcd, endpoint, headroom, maintenance, rollout }),
                );
              }
            }
          }
        }
      }
    }
  }
  return out;
}

/** `1+1+1`: the non-empty zones' counts, in zone order. */
export function spreadText(counts: Record<string, number>): string {
  return Object.values(counts)
    .filter((n) => n > 0)
    .join('+');
}

/** `3 masters over 3 zones (1+1+1)`, `3 masters in one zone`, `1 master`. */
export function describeCount(counts: Record<string, number>, what: string): string {
  const values = Object.values(counts);
  const n = values.reduce((a, b) => a + b, 0);
  const zones = values.filter((v) => v > 0).length;
  const noun = `${n} ${what}${n === 1 ? '' : 's'}`;
  if (n === 1) return noun;
  return zones === 1
    ? `${noun} in one zone`
    : `${noun} over ${zones} zones (${spreadText(counts)})`;
}

// --- internal ---

/** n members spread evenly over the first 1..min(n, Z) zones, every zone listed. */
function spreads(n: number, zones: readonly string[]): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let k = 1; k <= Math.min(n, zones.length); k++) {
    const counts = balancedSpread(n, k);
    out.push(Object.fromEntries(zones.map((z, i) => [z, counts[i] ?? 0])));
  }
  return out;
}

interface EndpointOption {
  kind: EndpointKind;
  /** keepalived: the hosts' zones; else empty. */
  hostZones: string[];
}

/**
 * Every endpoint kind in `ENDPOINT_KINDS` order, single-master only with one master; keepalived
 * both as a pair in the first zone (the kubeadm guide's) and, with two zones or more, with its
 * hosts in the first two zones.
 */
function endpointOptions(masters: number, zones: readonly string[]): EndpointOption[] {
  const [first = '', second] = zones;
  return ENDPOINT_KINDS.filter((k) => k !== 'single-master' || masters === 1).flatMap(
    (kind): EndpointOption[] =>
      kind !== 'keepalived'
        ? [{ kind, hostZones: [] }]
        : [
            { kind, hostZones: [first, first] },
            ...(second === undefined ? [] : [{ kind, hostZones: [first, second] }]),
          ],
  );
}

interface LayoutParts {
  zones: readonly string[];
  masters: Record<string, number>;
  etcd: Record<string, number> | 'stacked';
  endpoint: EndpointOption;
  headroom: ReturnType<typeof computeWorkerHeadroom>;
  maintenance: MaintenanceStyle;
  rollout: Rollout;
}

function buildLayout(p: LayoutParts): CandidateLayout {
  const { zones, masters, etcd, headroom } = p;
  const { kind, hostZones } = p.endpoint;
  const masterTotal = sum(masters);
  const external = etcd !== 'stacked';
  const members = external ? etcd : masters;
  const firstMasterZone = zones.find((z) => (masters[z] ?? 0) > 0) ?? null;
  const pinned = kind === 'keepalived' || kind === 'single-master';
  const vms = {
    masters: masterTotal,
    etcd: external ? sum(etcd) : 0,
    workers: headroom.total,
    endpoint: kind === 'keepalived' ? 2 : 0,
    total: 0,
  };
  vms.total = vms.masters + vms.etcd + vms.workers + vms.endpoint;
  const rolloutKey = p.rollout.kind === 'all-at-once' ? 'all-at-once' : 'waves';
  const etcdKey = external ? `e${spreadText(etcd)}` : 'stacked';
  const split = hostZones[0] !== hostZones[1];
  const endpointKey = split ? `${kind}:${hostZones.join('+')}` : kind;
  return {
    key: `m${spreadText(masters)} ${etcdKey} ${endpointKey} w${headroom.zoneLosses} ${p.maintenance} ${rolloutKey}`,
    label: describeLayout(
      masters,
      external ? etcd : null,
      p.endpoint,
      headroom,
      p.maintenance,
      p.rollout,
    ),
    zones: [...zones],
    masters,
    etcd: { placement: external ? 'external' : 'stacked', members: { ...members } },
    endpoint: {
      kind,
      zone: pinned ? (hostZones[0] ?? firstMasterZone) : null,
      hostZones: [...hostZones],
    },
    workers: {
      needed: headroom.workersNeeded,
      perZone: Object.fromEntries(zones.map((z) => [z, headroom.perZone])),
      total: headroom.total,
      zoneLosses: headroom.zoneLosses,
    },
    maintenance: p.maintenance,
    rollout: p.rollout,
    vms,
  };
}

function describeLayout(
  masters: Record<string, number>,
  etcd: Record<string, number> | null,
  endpoint: EndpointOption,
  headroom: ReturnType<typeof computeWorkerHeadroom>,
  maintenance: MaintenanceStyle,
  rollout: Rollout,
): string {
  const parts = [
    describeCount(masters, 'master'),
    etcd === null ? 'stacked etcd' : describeCount(etcd, 'external etcd member'),
    describeEndpoint(endpoint),
    `${headroom.total} workers for ${headroom.zoneLosses} zone loss${headroom.zoneLosses === 1 ? '' : 'es'}`,
    `${maintenance} upgrades`,
    rollout.kind === 'all-at-once' ? 'changes all at once' : 'changes in waves',
  ];
  return parts.join(', ');
}

/** `cloud endpoint`, `keepalived endpoint (both hosts in z1)`, `… (hosts in z1 and z2)`. */
export function describeEndpoint(e: { kind: EndpointKind; hostZones: readonly string[] }): string {
  const [a, b] = e.hostZones;
  if (e.kind !== 'keepalived' || a === undefined) return `${e.kind} endpoint`;
  return a === b
    ? `keepalived endpoint (both hosts in ${a})`
    : `keepalived endpoint (hosts in ${a} and ${b ?? '?'})`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
