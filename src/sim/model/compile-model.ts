/**
 * Topology → SimModel: numbers every element of model.md and lays it out in typed arrays for
 * the hot loop. With `randomFailures: false` every rate is 0 (a timeline of scripted events).
 */
import { HOURS_PER_YEAR } from '../../model/units.js';
import type { FailureProcess, Topology } from '../../model/topology.js';
import { CAUSE } from './failure-classes.js';
import { compileRepair, type CompiledRepair } from '../engine/random-variates.js';
import { buildSloPlan, type SloSpec } from '../stats/slo-plan.js';
import { computeReach } from './rollout-reach.js';
import {
  ENDPOINT_ANY,
  ENDPOINT_CLOUD,
  ENDPOINT_DNS,
  ENDPOINT_KEEPALIVED,
  ENDPOINT_SINGLE,
  KIND_BAD_API,
  KIND_BAD_DATA,
  KIND_BAD_RESTORE,
  KIND_DISK,
  KIND_DOMAIN,
  KIND_IMPAIR,
  KIND_LINK,
  KIND_PLAIN,
  MASK_CONTROL,
  MASK_WORKERS,
  SLOTS_PER_CLUSTER,
  type ClusterModel,
  type CompiledRollout,
  type SimModel,
} from './sim-model.js';

export interface CompileOptions {
  horizonHours: number;
  /** false: no random failures, only the scenario's events (a timeline). */
  randomFailures: boolean;
  /** The objectives the SLA view tracks (absent: none). */
  slo?: SloSpec | null;
}

interface ElementSpec {
  perYear: number;
  repair: CompiledRepair;
  cause: number;
  kind: number;
  mask: number;
  biased: boolean;
  affects: number[];
  owner: number;
  region?: number;
  link?: { a: number; b: number };
  /** The region whose impairment blocks this element's repair. */
  blockRegion?: number;
  /** A worker's (cluster, zone) index. */
  clusterZone?: number;
}

export function compileModel(t: Topology, options: CompileOptions): SimModel {
  const specs: ElementSpec[] = [];
  const on = options.randomFailures ? 1 : 0;
  const regionIndex = new Map(t.regions.map((r, i) => [r.name, i]));
  const regionClusters = t.regions.map((r) =>
    t.clusters.flatMap((c, i) => (c.region === r.name ? [i] : [])),
  );
  const add = (
    p: FailureProcess,
    cause: number,
    mask: number,
    affects: number[],
    extra: Partial<ElementSpec> = {},
  ): number => {
    specs.push({
      perYear: p.perYear * on,
      repair: compileRepair(p.repair),
      cause,
      kind: KIND_PLAIN,
      mask,
      biased: true,
      affects,
      owner: -1,
      ...extra,
    });
    return specs.length - 1;
  };
  const f = t.failures;
  const both = MASK_CONTROL | MASK_WORKERS;
  const regionElement = t.regions.map((_, r) =>
    add(f.region, CAUSE.region, both, regionClusters[r] ?? [], { kind: KIND_DOMAIN, region: r }),
  );
  const impairElement = t.regions.map((_, r) =>
    add(f.regionImpairment, CAUSE.regionImpairment, both, regionClusters[r] ?? [], {
      kind: KIND_IMPAIR,
      region: r,
    }),
  );
  const zoneElement: number[] = [];
  const zoneRegion: number[] = [];
  const regionZoneBase: number[] = [];
  t.regions.forEach((r, ri) => {
    regionZoneBase.push(zoneElement.length);
    for (let z = 0; z < r.zones.length; z++) {
      zoneElement.push(
        add(f.zone, CAUSE.zone, both, regionClusters[ri] ?? [], { kind: KIND_DOMAIN, region: ri }),
      );
      zoneRegion.push(ri);
    }
  });
  const regionLinks: number[][] = t.regions.map((r, ri) => {
    const links: number[] = [];
    for (let a = 0; a < r.zones.length; a++) {
      for (let b = a + 1; b < r.zones.length; b++) {
        links.push(
          add(f.partition, CAUSE.partition, MASK_CONTROL, regionClusters[ri] ?? [], {
            kind: KIND_LINK,
            region: ri,
            link: { a, b },
          }),
        );
      }
    }
    return links;
  });
  let clusterZones = 0;
  const clusters: ClusterModel[] = t.clusters.map((c, ci) => {
    const zoneOf = (z: string): number => c.zones.indexOf(z);
    const me = [ci];
    const ri = regionIndex.get(c.region) ?? 0;
    const vm = { blockRegion: ri };
    const placed = (counts: Record<string, number>): number[] =>
      c.zones.flatMap((z) => Array.from({ length: counts[z] ?? 0 }, () => zoneOf(z)));
    const masterZone = placed(c.masters);
    const masterNode = masterZone.map(() => add(f.master, CAUSE.master, MASK_CONTROL, me, vm));
    const apiProc = masterZone.map(() => add(f.process, CAUSE.process, MASK_CONTROL, me));
    const ctrlProc = masterZone.map(() => add(f.process, CAUSE.process, MASK_CONTROL, me));
    const stacked = c.etcd.placement === 'stacked';
    const memberZone = stacked ? masterZone : placed(c.etcd.members);
    const memberNode = stacked
      ? masterNode
      : memberZone.map(() => add(f.etcd, CAUSE.etcd, MASK_CONTROL, me, vm));
    const etcdProc = memberZone.map(() => add(f.process, CAUSE.process, MASK_CONTROL, me));
    const disk = memberZone.map(() =>
      add(f.disk, CAUSE.disk, MASK_CONTROL, me, { kind: KIND_DISK, owner: ci, ...vm }),
    );
    const clusterZoneBase = clusterZones;
    clusterZones += c.zones.length;
    const workerZone = interleave(placed(c.workers), c.zones.length);
    const workerNode = workerZone.map((z) =>
      add(f.worker, CAUSE.worker, MASK_WORKERS, me, { ...vm, clusterZone: clusterZoneBase + z }),
    );
    const kind = c.endpoint.kind;
    const endpointZone = c.endpoint.zone === null ? -1 : zoneOf(c.endpoint.zone);
    const gateZones = c.zones
      .map((_, z) => z)
      .filter((z) => masterZone.includes(z) || memberZone.includes(z));
    const gateLinks = (regionLinks[ri] ?? []).filter((l) => {
      const link = specs[l]?.link;
      return link !== undefined && gateZones.includes(link.a) && gateZones.includes(link.b);
    });
    const lbCount = kind === 'cloud' ? 1 : kind === 'keepalived' ? 2 : 0;
    const lb = Array.from({ length: lbCount }, () =>
      add(f.loadBalancer, CAUSE.loadBalancer, MASK_CONTROL, me),
    );
    return {
      name: c.name,
      region: ri,
      zoneBase: regionZoneBase[ri] ?? 0,
      zoneCount: c.zones.length,
      stacked,
      quorum: c.counts.quorum,
      masterNode: Int32Array.from(masterNode),
      apiProc: Int32Array.from(apiProc),
      ctrlProc: Int32Array.from(ctrlProc),
      masterZone: Int32Array.from(masterZone),
      memberNode: Int32Array.from(memberNode),
      etcdProc: Int32Array.from(etcdProc),
      disk: Int32Array.from(disk),
      memberZone: Int32Array.from(memberZone),
      workerNode: Int32Array.from(workerNode),
      workerZone: Int32Array.from(workerZone),
      workersNeeded: c.workersNeeded,
      spread: c.placement === 'spread',
      clusterZoneBase,
      zoneWorkers: Int32Array.from(c.zones, (z) => c.workers[z] ?? 0),
      endpoint: ENDPOINT_CODES[kind],
      lb: Int32Array.from(lb),
      hostZone: Int32Array.from(kind === 'keepalived' ? c.endpoint.hostZones.map(zoneOf) : []),
      pinned: kind === 'single-master' ? masterZone.indexOf(endpointZone) : -1,
      failoverHours: t.timers.endpointFailoverHours[kind],
      passRate: (f.maintenance.passesPerYear * on) / HOURS_PER_YEAR,
      perMasterHours: f.maintenance.perMasterHours,
      graceful: f.maintenance.graceful,
      gateZones: Int32Array.from(gateZones),
      gateLinks: Int32Array.from(gateLinks),
    };
  });
  const oe = f.operatorError;
  const bad = oe.changesPerYear * oe.badChangeProbability;
  const notBiased = { biased: false };
  add({ perYear: bad * oe.apiDownShare, repair: oe.repair }, CAUSE.operatorError, 0, [], {
    kind: KIND_BAD_API,
    ...notBiased,
  });
  add({ perYear: bad * oe.restoreShare, repair: t.backup.restore }, CAUSE.operatorError, 0, [], {
    kind: KIND_BAD_RESTORE,
    ...notBiased,
  });
  add({ perYear: bad * oe.dataPlaneShare, repair: oe.repair }, CAUSE.operatorError, 0, [], {
    kind: KIND_BAD_DATA,
    ...notBiased,
  });
  const reach = computeReach(
    oe.rollout,
    t.clusters.map((_, i) => i),
  );
  return assemble(t, options, specs, clusters, {
    regionClusters,
    regionElement,
    impairElement,
    clusterZones,
    zoneElement,
    zoneRegion,
    regionZoneBase,
    regionLinks,
    reach,
  });
}

// --- internal ---

const ENDPOINT_CODES: Record<Topology['clusters'][number]['endpoint']['kind'], number> = {
  cloud: ENDPOINT_CLOUD,
  keepalived: ENDPOINT_KEEPALIVED,
  'local-proxy': ENDPOINT_ANY,
  dns: ENDPOINT_DNS,
  'single-master': ENDPOINT_SINGLE,
};

/** Workers in zone-interleaved order (a1 b1 c1 a2 …): the first workersNeeded carry the load. */
function interleave(zones: number[], zoneCount: number): number[] {
  const byZone: number[][] = Array.from({ length: zoneCount }, () => []);
  for (const z of zones) byZone[z]?.push(z);
  const out: number[] = [];
  for (let round = 0; out.length < zones.length; round++) {
    for (const list of byZone) if (round < list.length) out.push(list[round] ?? 0);
  }
  return out;
}

interface Layout {
  regionClusters: number[][];
  regionElement: number[];
  impairElement: number[];
  clusterZones: number;
  zoneElement: number[];
  zoneRegion: number[];
  regionZoneBase: number[];
  regionLinks: number[][];
  reach: CompiledRollout;
}

function assemble(
  t: Topology,
  options: CompileOptions,
  specs: ElementSpec[],
  clusters: ClusterModel[],
  l: Layout,
): SimModel {
  const n = specs.length;
  const affectStart = new Int32Array(n + 1);
  const affected: number[] = [];
  specs.forEach((s, e) => {
    affectStart[e] = affected.length;
    affected.push(...s.affects);
  });
  affectStart[n] = affected.length;
  const restore = compileRepair(t.backup.restore);
  const users = t.regions.reduce((a, r) => a + r.users, 0);

  const clusterSlotBase = n;
  const scriptSlot = n + clusters.length * SLOTS_PER_CLUSTER;
  return {
    horizonHours: options.horizonHours,
    slo: options.slo ? buildSloPlan(t, options.slo, options.horizonHours) : null,
    clusterNames: t.clusters.map((c) => c.name),
    regionNames: t.regions.map((r) => r.name),
    clusters,
    regionClusters: l.regionClusters,
    regionClusterStart: Int32Array.from([
      0,
      ...l.regionClusters.map((_, r) => l.regionClusters.slice(0, r + 1).flat().length),
    ]),
    regionClusterList: Int32Array.from(l.regionClusters.flat()),
    crossRegion: t.failover === 'cross-region',
    singleCluster: t.clusters.length === 1 && t.regions.length === 1,
    regionHasUsers: Uint8Array.from(t.regions, (r) => (r.users > 0 ? 1 : 0)),
    elementCount: n,
    rate: Float64Array.from(specs, (s) => s.perYear / HOURS_PER_YEAR),
    repairKind: Uint8Array.from(specs, (s) => s.repair.kind),
    repairA: Float64Array.from(specs, (s) => s.repair.a),
    repairB: Float64Array.from(specs, (s) => s.repair.b),
    cause: Uint8Array.from(specs, (s) => s.cause),
    kind: Uint8Array.from(specs, (s) => s.kind),
    mask: Uint8Array.from(specs, (s) => s.mask),
    biased: Uint8Array.from(specs, (s) => (s.biased && s.perYear > 0 ? 1 : 0)),
    owner: Int32Array.from(specs, (s) => s.owner),
    affectStart,
    affected: Int32Array.from(affected),
    regionElement: Int32Array.from(l.regionElement),
    impairElement: Int32Array.from(l.impairElement),
    blockRegion: Int32Array.from(specs, (s) => s.blockRegion ?? -1),
    workerClusterZone: Int32Array.from(specs, (s) => s.clusterZone ?? -1),
    clusterZones: l.clusterZones,
    // Users default to 1 a region and at least one region has users (model/rules.ts).
    userShare: Float64Array.from(t.regions, (r) => (users > 0 ? r.users / users : 0)),
    zoneElement: Int32Array.from(l.zoneElement),
    zoneRegion: Int32Array.from(l.zoneRegion),
    regionZoneBase: Int32Array.from(l.regionZoneBase),
    regionZoneCount: Int32Array.from(t.regions, (r) => r.zones.length),
    elementRegion: Int32Array.from(specs, (s) => s.region ?? -1),
    linkA: Int32Array.from(specs, (s) => s.link?.a ?? -1),
    linkB: Int32Array.from(specs, (s) => s.link?.b ?? -1),
    regionLinks: l.regionLinks,
    rollout: l.reach,
    backupIntervalHours: t.backup.intervalHours,
    snapshotsOnEtcdNodes: t.backup.location === 'on-etcd-nodes',
    restoreKind: restore.kind,
    restoreA: restore.a,
    restoreB: restore.b,
    timers: {
      lease: t.timers.leaseDurationHours,
      evict: t.timers.nodeMonitorGraceHours + t.timers.podEvictionHours,
    },
    clusterSlotBase,
    scriptSlot,
    slotCount: scriptSlot + 1,
  };
}
