/**
 * An independent oracle for the exact engine: enumerate every joint state of every element
 * (2^n binary elements × the maintenance state of each cluster) and evaluate the predicates of
 * docs/model.md literally in each. Exponential on purpose; for small topologies only. It shares
 * no code with src/exact: availabilities, sides, quorum and every predicate are written here
 * again, straight from the document.
 */
import { repairMeanHours } from '../../src/model/repair.js';
import type { Cluster, FailureProcess, Topology } from '../../src/model/topology.js';

export interface BruteForceValues {
  clusters: Record<string, Record<'etcdQuorum' | 'api' | 'scheduling' | 'workloads', number>>;
  regions: Record<string, Record<'served' | 'local', number>>;
}

interface Element {
  key: string;
  a: number;
}

/** Steady-state availability of one element: MTTF / (MTTF + MTTR). */
export function elementAvailability(p: FailureProcess): number {
  if (p.perYear === 0) return 1;
  const mttf = 8760 / p.perYear;
  return mttf / (mttf + repairMeanHours(p.repair));
}

/** The binary elements of a topology that can be down (availability below 1). */
export function listBinaryElements(t: Topology): Element[] {
  const f = t.failures;
  const out: Element[] = [];
  const add = (key: string, a: number): void => {
    if (a < 1) out.push({ key, a });
  };
  for (const r of t.regions) {
    add(`region:${r.name}`, elementAvailability(f.region));
    r.zones.forEach((z, i) => {
      add(`zone:${r.name}:${z}`, elementAvailability(f.zone));
      for (const y of r.zones.slice(i + 1))
        add(`link:${r.name}:${z}:${y}`, elementAvailability(f.partition));
    });
  }
  const oe = f.operatorError;
  const bad = oe.changesPerYear * oe.badChangeProbability;
  add('bad:api', elementAvailability({ perYear: bad * oe.apiDownShare, repair: oe.repair }));
  add(
    'bad:restore',
    elementAvailability({ perYear: bad * oe.restoreShare, repair: t.backup.restore }),
  );
  for (const c of t.clusters) {
    masterList(c).forEach((_, i) => {
      add(`${c.name}:master:${i}`, elementAvailability(f.master));
      add(`${c.name}:apiserver:${i}`, elementAvailability(f.process));
      add(`${c.name}:controllers:${i}`, elementAvailability(f.process));
      if (c.etcd.placement === 'stacked') {
        add(`${c.name}:etcdproc:${i}`, elementAvailability(f.process));
        add(`${c.name}:disk:${i}`, elementAvailability(f.disk));
      }
    });
    if (c.etcd.placement === 'external') {
      memberList(c).forEach((_, i) => {
        add(`${c.name}:etcdnode:${i}`, elementAvailability(f.etcd));
        add(`${c.name}:etcdproc:${i}`, elementAvailability(f.process));
        add(`${c.name}:disk:${i}`, elementAvailability(f.disk));
      });
    }
    zoneList(c.workers).forEach((_, i) =>
      add(`${c.name}:worker:${i}`, elementAvailability(f.worker)),
    );
    if (c.endpoint.kind === 'cloud') add(`${c.name}:lb`, elementAvailability(f.loadBalancer));
    if (c.endpoint.kind === 'keepalived') {
      add(`${c.name}:host:0`, elementAvailability(f.loadBalancer));
      add(`${c.name}:host:1`, elementAvailability(f.loadBalancer));
    }
  }
  return out;
}

/** Every predicate's availability, by enumerating all states. */
export function bruteForce(t: Topology): BruteForceValues {
  const elements = listBinaryElements(t);
  if (elements.length > 20) throw new Error(`brute force over ${elements.length} elements`);
  const maintenance = t.clusters.map((c) => maintenanceStates(t, c));
  const sums = new Map<string, number>();
  const addTo = (key: string, p: number, holds: boolean): void => {
    if (holds) sums.set(key, (sums.get(key) ?? 0) + p);
  };
  for (let mask = 0; mask < 2 ** elements.length; mask++) {
    const down = new Set<string>();
    let p = 1;
    elements.forEach((e, i) => {
      if (mask & (2 ** i)) {
        down.add(e.key);
        p *= 1 - e.a;
      } else p *= e.a;
    });
    if (p === 0) continue;
    // Every combination of the clusters' maintenance states (master index under maintenance or -1).
    const combos = maintenance.reduce<{ p: number; under: number[] }[]>(
      (acc, states) =>
        acc.flatMap((x) => states.map((s) => ({ p: x.p * s.p, under: [...x.under, s.master] }))),
      [{ p: 1, under: [] }],
    );
    for (const combo of combos) {
      const q = p * combo.p;
      if (q === 0) continue;
      const v = evaluate(t, down, combo.under);
      for (const [name, m] of Object.entries(v.clusters))
        for (const [metric, holds] of Object.entries(m)) addTo(`c:${name}:${metric}`, q, holds);
      for (const [name, m] of Object.entries(v.regions))
        for (const [metric, holds] of Object.entries(m)) addTo(`r:${name}:${metric}`, q, holds);
    }
  }
  const get = (key: string): number => sums.get(key) ?? 0;
  return {
    clusters: Object.fromEntries(
      t.clusters.map((c) => [
        c.name,
        {
          etcdQuorum: get(`c:${c.name}:etcdQuorum`),
          api: get(`c:${c.name}:api`),
          scheduling: get(`c:${c.name}:scheduling`),
          workloads: get(`c:${c.name}:workloads`),
        },
      ]),
    ),
    regions: Object.fromEntries(
      t.regions.map((r) => [
        r.name,
        { served: get(`r:${r.name}:served`), local: get(`r:${r.name}:local`) },
      ]),
    ),
  };
}

// --- internal ---

/** The zone of each master, in zone order then index: master i of the cluster. */
function masterList(c: Cluster): string[] {
  return zoneList(c.masters);
}

function memberList(c: Cluster): string[] {
  return zoneList(c.etcd.members);
}

function zoneList(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([z, n]) => Array.from({ length: n }, () => z));
}

/** Idle periods of mean 8760/passesPerYear alternate with passes of M × perMaster hours. */
function maintenanceStates(t: Topology, c: Cluster): { p: number; master: number }[] {
  const m = t.failures.maintenance;
  const masters = masterList(c).length;
  if (m.passesPerYear === 0 || m.perMasterHours === 0) return [{ p: 1, master: -1 }];
  const cycle = 8760 / m.passesPerYear + masters * m.perMasterHours;
  const each = m.perMasterHours / cycle;
  return [
    { p: 1 - masters * each, master: -1 },
    ...Array.from({ length: masters }, (_, i) => ({ p: each, master: i })),
  ];
}

function reaches(t: Topology, c: Cluster): boolean {
  const rollout = t.failures.operatorError.rollout;
  if (rollout.kind === 'all-at-once') return true;
  const first = rollout.waves[0];
  return first === 'all' || t.clusters.indexOf(c) < (first ?? 0);
}

interface StateValues {
  clusters: Record<string, Record<string, boolean>>;
  regions: Record<string, Record<string, boolean>>;
}

function evaluate(t: Topology, down: Set<string>, under: number[]): StateValues {
  const isUp = (key: string): boolean => !down.has(key);
  const clusters: StateValues['clusters'] = {};
  const upClusters = new Map<string, number>();
  t.clusters.forEach((c, ci) => {
    const region = c.region;
    const regionUp = isUp(`region:${region}`);
    const zoneUp = (z: string): boolean => regionUp && isUp(`zone:${region}:${z}`);
    // Sides: connected components of the graph of up zones joined by up links.
    const sideOf = new Map<string, number>();
    let sides = 0;
    for (const z of c.zones) {
      if (!zoneUp(z) || sideOf.has(z)) continue;
      const stack = [z];
      sideOf.set(z, sides);
      while (stack.length > 0) {
        const x = stack.pop()!;
        for (const y of c.zones) {
          if (sideOf.has(y) || !zoneUp(y)) continue;
          const [p, q] = c.zones.indexOf(x) < c.zones.indexOf(y) ? [x, y] : [y, x];
          if (isUp(`link:${region}:${p}:${q}`)) {
            sideOf.set(y, sides);
            stack.push(y);
          }
        }
      }
      sides++;
    }
    const masters = masterList(c);
    const masterNodeUp = (i: number): boolean =>
      zoneUp(masters[i]!) && isUp(`${c.name}:master:${i}`) && under[ci] !== i;
    const stacked = c.etcd.placement === 'stacked';
    const memberZones = stacked ? masters : memberList(c);
    const memberUp = (i: number): boolean =>
      stacked
        ? masterNodeUp(i) && isUp(`${c.name}:etcdproc:${i}`) && isUp(`${c.name}:disk:${i}`)
        : zoneUp(memberZones[i]!) &&
          isUp(`${c.name}:etcdnode:${i}`) &&
          isUp(`${c.name}:etcdproc:${i}`) &&
          isUp(`${c.name}:disk:${i}`);
    const reached = reaches(t, c);
    const corrupted = reached && !isUp('bad:restore');
    const upPerSide = new Array<number>(sides).fill(0);
    memberZones.forEach((z, i) => {
      if (memberUp(i)) upPerSide[sideOf.get(z)!]! += 1;
    });
    const quorumSide = corrupted ? -1 : upPerSide.findIndex((n) => n >= c.counts.quorum);
    const etcdQuorum = quorumSide >= 0;
    const onQuorumSide = (z: string): boolean => quorumSide >= 0 && sideOf.get(z) === quorumSide;
    const serving = (i: number): boolean =>
      masterNodeUp(i) &&
      isUp(`${c.name}:apiserver:${i}`) &&
      onQuorumSide(masters[i]!) &&
      (!stacked || memberUp(i));
    const reachable = (i: number): boolean => {
      switch (c.endpoint.kind) {
        case 'keepalived': {
          const kz = c.endpoint.zone!;
          const hosts = isUp(`${c.name}:host:0`) || isUp(`${c.name}:host:1`);
          return zoneUp(kz) && hosts && sideOf.get(masters[i]!) === sideOf.get(kz);
        }
        case 'cloud':
          return regionUp && isUp(`${c.name}:lb`);
        case 'single-master':
          return i === masters.indexOf(c.endpoint.zone!);
        case 'dns':
        case 'local-proxy':
          return true;
      }
    };
    const indices = masters.map((_, i) => i);
    const badApi = reached && !isUp('bad:api');
    const api = !badApi && indices.some((i) => reachable(i) && serving(i));
    const scheduling = api && indices.some((i) => serving(i) && isUp(`${c.name}:controllers:${i}`));
    const workers = zoneList(c.workers);
    const upWorkers = workers.filter((z, i) => zoneUp(z) && isUp(`${c.name}:worker:${i}`)).length;
    const workloads = upWorkers >= c.workersNeeded;
    clusters[c.name] = { etcdQuorum, api, scheduling, workloads };
    if (api && workloads) upClusters.set(region, (upClusters.get(region) ?? 0) + 1);
  });
  const regions: StateValues['regions'] = {};
  for (const r of t.regions) {
    const local = (upClusters.get(r.name) ?? 0) >= 1;
    const spare = t.regions.some(
      (s) => s.name !== r.name && (upClusters.get(s.name) ?? 0) >= (s.users > 0 ? 2 : 1),
    );
    regions[r.name] = { local, served: local || (t.failover === 'cross-region' && spare) };
  }
  return { clusters, regions };
}
