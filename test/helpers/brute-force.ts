/**
 * An independent oracle for the exact engine: enumerate every joint state of every element and
 * evaluate the predicates of docs/model.md literally in each. Exponential on purpose; for small
 * topologies only. It shares no model code with src/exact: availabilities, impairments, bad-change
 * states, the maintenance health gate, sides, quorum and every predicate are written here again,
 * straight from the document. Only the Gauss–Legendre rule (a numerical utility, tested on its own)
 * is shared, so that both average over a maintenance step at the same nodes.
 */
import { gaussLegendre } from '../../src/exact/gauss-legendre.js';
import { repairMeanHours } from '../../src/model/repair.js';
import type { Cluster, FailureProcess, Rollout, Topology } from '../../src/model/topology.js';

export interface BruteForceValues {
  clusters: Record<string, Record<'etcdQuorum' | 'api' | 'scheduling' | 'workloads', number>>;
  regions: Record<string, Record<'served' | 'local', number>>;
  usersServed: number;
}

/** Steady-state availability of one element: MTTF / (MTTF + MTTR). */
export function elementAvailability(p: FailureProcess): number {
  if (p.perYear === 0) return 1;
  const mttf = 8760 / p.perYear;
  return mttf / (mttf + repairMeanHours(p.repair));
}

interface Element {
  key: string;
  a: number;
  /** A VM or volume: up with probability aImpaired while its region is impaired. */
  region?: string;
  aImpaired?: number;
  /** Its failure process, for the transient during a maintenance step. */
  process: FailureProcess;
  /** The clusters whose health gate it belongs to. */
  gates: string[];
}

/** The binary elements of a topology that can be down (availability below 1). */
export function listBinaryElements(t: Topology): Element[] {
  const f = t.failures;
  const out: Element[] = [];
  const add = (key: string, p: FailureProcess, extra: Partial<Element> = {}): void => {
    const a = elementAvailability(p);
    if (a < 1) out.push({ key, a, process: p, gates: [], ...extra });
  };
  const gateZones = (c: Cluster): string[] =>
    c.zones.filter((z) => (c.masters[z] ?? 0) + (c.etcd.members[z] ?? 0) > 0);
  for (const r of t.regions) {
    const inRegion = t.clusters.filter((c) => c.region === r.name);
    add(`region:${r.name}`, f.region, { gates: inRegion.map((c) => c.name) });
    add(`impairment:${r.name}`, f.regionImpairment);
    r.zones.forEach((z, i) => {
      const gatedBy = (zs: string[]): string[] =>
        inRegion.filter((c) => zs.every((x) => gateZones(c).includes(x))).map((c) => c.name);
      add(`zone:${r.name}:${z}`, f.zone, { gates: gatedBy([z]) });
      for (const y of r.zones.slice(i + 1))
        add(`link:${r.name}:${z}:${y}`, f.partition, { gates: gatedBy([z, y]) });
    });
  }
  const vm = (p: FailureProcess, region: string): Partial<Element> => ({
    region,
    aImpaired: elementAvailability(p) * stillUp(p, t.failures.regionImpairment),
  });
  for (const c of t.clusters) {
    const gate = { gates: [c.name] };
    masterList(c).forEach((_, i) => {
      add(`${c.name}:master:${i}`, f.master, { ...vm(f.master, c.region), ...gate });
      add(`${c.name}:apiserver:${i}`, f.process, gate);
      add(`${c.name}:controllers:${i}`, f.process, gate);
      if (c.etcd.placement === 'stacked') {
        add(`${c.name}:etcdproc:${i}`, f.process, gate);
        add(`${c.name}:disk:${i}`, f.disk, { ...vm(f.disk, c.region), ...gate });
      }
    });
    if (c.etcd.placement === 'external') {
      memberList(c).forEach((_, i) => {
        add(`${c.name}:etcdnode:${i}`, f.etcd, { ...vm(f.etcd, c.region), ...gate });
        add(`${c.name}:etcdproc:${i}`, f.process, gate);
        add(`${c.name}:disk:${i}`, f.disk, { ...vm(f.disk, c.region), ...gate });
      });
    }
    zoneList(c.workers).forEach((_, i) =>
      add(`${c.name}:worker:${i}`, f.worker, vm(f.worker, c.region)),
    );
    if (c.endpoint.kind === 'cloud') add(`${c.name}:lb`, f.loadBalancer);
    if (c.endpoint.kind === 'keepalived') {
      add(`${c.name}:host:0`, f.loadBalancer);
      add(`${c.name}:host:1`, f.loadBalancer);
    }
  }
  return out;
}

/** Every predicate's availability, by enumerating all states. */
export function bruteForce(t: Topology): BruteForceValues {
  const elements = listBinaryElements(t);
  if (elements.length > 20) throw new Error(`brute force over ${elements.length} elements`);
  const kinds = badChangeKinds(t);
  const step = maintenanceStep(t);
  const clusterSums = new Map<string, number>();
  const regionSums = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, p: number): void => {
    if (p !== 0) map.set(key, (map.get(key) ?? 0) + p);
  };
  // Every bad-change state: the number of waves each kind has reached (0: none in progress).
  const kindStates = kinds.reduce<{ p: number; m: Record<string, number> }[]>(
    (acc, kind) =>
      acc.flatMap((x) =>
        kind.states.map((p, m) => ({ p: x.p * p, m: { ...x.m, [kind.name]: m } })),
      ),
    [{ p: 1, m: {} }],
  );
  for (let mask = 0; mask < 2 ** elements.length; mask++) {
    const down = new Set(elements.filter((_, i) => mask & (2 ** i)).map((e) => e.key));
    const p = stateProbability(elements, down, null);
    for (const ks of kindStates) {
      const q = p * ks.p;
      const none = evaluate(t, down, -1, '', ks.m);
      if (q !== 0) {
        for (const [name, m] of Object.entries(none.clusters))
          for (const [metric, holds] of Object.entries(m))
            if (holds) add(clusterSums, `${name}:${metric}`, q);
        for (const [name, m] of Object.entries(none.regions))
          for (const [metric, holds] of Object.entries(m))
            if (holds) add(regionSums, `${name}:${metric}`, q);
      }
      if (step === null) continue;
      // The step of master j of cluster c: its gate's elements in their transient from "up".
      for (const c of t.clusters) {
        const share = (t.failures.maintenance.passesPerYear * step.hours) / 8760;
        const gated =
          step.rule.nodes.reduce(
            (sum, u, k) =>
              sum +
              (step.rule.weights[k] ?? 0) *
                stateProbability(elements, down, {
                  cluster: c.name,
                  u,
                  impairment: t.failures.regionImpairment,
                }),
            0,
          ) / step.hours;
        const w = gated * ks.p * share;
        if (w === 0) continue;
        masterList(c).forEach((_, j) => {
          const maintained = evaluate(t, down, j, c.name, ks.m).clusters[c.name]!;
          for (const [metric, holds] of Object.entries(none.clusters[c.name]!)) {
            const diff = (holds ? 1 : 0) - (maintained[metric] ? 1 : 0);
            add(clusterSums, `${c.name}:${metric}`, -w * diff);
          }
        });
      }
    }
  }
  const get = (map: Map<string, number>, key: string): number =>
    Math.min(1, Math.max(0, map.get(key) ?? 0));
  const regions = Object.fromEntries(
    t.regions.map((r) => [
      r.name,
      { served: get(regionSums, `${r.name}:served`), local: get(regionSums, `${r.name}:local`) },
    ]),
  );
  const users = t.regions.reduce((s, r) => s + r.users, 0);
  return {
    clusters: Object.fromEntries(
      t.clusters.map((c) => [
        c.name,
        {
          etcdQuorum: get(clusterSums, `${c.name}:etcdQuorum`),
          api: get(clusterSums, `${c.name}:api`),
          scheduling: get(clusterSums, `${c.name}:scheduling`),
          workloads: get(clusterSums, `${c.name}:workloads`),
        },
      ]),
    ),
    regions,
    usersServed:
      users > 0 ? t.regions.reduce((s, r) => s + r.users * regions[r.name]!.served, 0) / users : 1,
  };
}

// --- internal ---

/**
 * P(the elements are in this state): steady state, each VM conditioned on its region's
 * impairment; with `gate`, the elements of that cluster's health gate instead in their
 * transient at age u of a step (up at 0).
 */
function stateProbability(
  elements: Element[],
  down: Set<string>,
  gate: { cluster: string; u: number; impairment: FailureProcess } | null,
): number {
  let p = 1;
  for (const e of elements) {
    const impaired = e.region !== undefined && down.has(`impairment:${e.region}`);
    let up = impaired ? (e.aImpaired ?? e.a) : e.a;
    if (gate !== null && e.gates.includes(gate.cluster)) {
      up =
        impaired && e.aImpaired !== undefined
          ? upInImpairedStep(e.process, gate.impairment, gate.u)
          : 1 - downAfter(e.process, gate.u);
    }
    p *= down.has(e.key) ? 1 - up : up;
  }
  return p;
}

/** P(down at u | up at 0) of an element with exponential up times: exact for exponential repairs. */
function downAfter(p: FailureProcess, u: number): number {
  const lambda = p.perYear / 8760;
  if (lambda === 0) return 0;
  if (p.repair.kind === 'exponential') {
    const mu = 1 / p.repair.meanHours;
    return (lambda / (lambda + mu)) * (1 - Math.exp(-(lambda + mu) * u));
  }
  if (p.repair.kind === 'fixed')
    return Math.exp(-lambda * Math.max(0, u - p.repair.hours)) - Math.exp(-lambda * u);
  throw new Error('the brute force knows the transient of exponential and fixed repairs only');
}

/**
 * P(a VM up when a step began is up at age u of it, its region impaired now): over the age A of
 * the impairment (exponential, density e^(−a/m)/m), e^(−λu) when A ≥ u, else
 * (1 − P(down at u − A)) · e^(−λA) — integrated here with Simpson's rule.
 */
function upInImpairedStep(p: FailureProcess, impairment: FailureProcess, u: number): number {
  const key = JSON.stringify([p, impairment, u]);
  const known = impairedSteps.get(key);
  if (known !== undefined) return known;
  const value = integrateImpairedStep(p, impairment, u);
  impairedSteps.set(key, value);
  return value;
}

const impairedSteps = new Map<string, number>();

function integrateImpairedStep(p: FailureProcess, impairment: FailureProcess, u: number): number {
  if (impairment.repair.kind !== 'exponential')
    throw new Error('the brute force knows exponential impairments only');
  const m = impairment.repair.meanHours;
  const lambda = p.perYear / 8760;
  const f = (a: number): number =>
    (Math.exp(-a / m) / m) * (1 - downAfter(p, u - a)) * Math.exp(-lambda * a);
  const n = 4000;
  const h = u / n;
  let sum = f(0) + f(u);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (sum * h) / 3 + Math.exp(-u / m) * Math.exp(-lambda * u);
}

/** E[e^(−λA)] over the age A of an ongoing impairment, for an exponential impairment. */
function stillUp(p: FailureProcess, impairment: FailureProcess): number {
  const lambda = p.perYear / 8760;
  if (lambda === 0 || impairment.perYear === 0) return 1;
  if (impairment.repair.kind !== 'exponential')
    throw new Error('the brute force knows exponential impairments only');
  return 1 / (1 + lambda * impairment.repair.meanHours);
}

/** The quadrature over a maintenance step, split where a fixed repair ends. */
function maintenanceStep(
  t: Topology,
): { hours: number; rule: { nodes: number[]; weights: number[] } } | null {
  const m = t.failures.maintenance;
  if (m.passesPerYear === 0 || m.perMasterHours === 0) return null;
  const d = m.perMasterHours;
  const f = t.failures;
  const kinks = [f.master, f.etcd, f.process, f.disk, f.zone, f.region, f.partition].flatMap((p) =>
    p.repair.kind === 'fixed' && p.repair.hours > 0 && p.repair.hours < d ? [p.repair.hours] : [],
  );
  const bounds = [...new Set([0, ...kinks, d])].sort((a, b) => a - b);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const rule = gaussLegendre(4, bounds[i], bounds[i + 1]);
    nodes.push(...rule.nodes);
    weights.push(...rule.weights);
  }
  return { hours: d, rule: { nodes, weights } };
}

interface Kind {
  name: 'api' | 'restore' | 'dataPlane';
  states: number[];
}

/** Each bad-change kind with a non-zero rate, and P(its first m waves are hurt). */
function badChangeKinds(t: Topology): Kind[] {
  const oe = t.failures.operatorError;
  const waves = waveCount(oe.rollout, t.clusters.length);
  const kinds: [Kind['name'], number, number][] = [
    ['api', oe.apiDownShare, repairMeanHours(oe.repair)],
    ['restore', oe.restoreShare, repairMeanHours(t.backup.restore)],
    ['dataPlane', oe.dataPlaneShare, repairMeanHours(oe.repair)],
  ];
  return kinds.flatMap(([name, share, r]) => {
    const rate = oe.changesPerYear * oe.badChangeProbability * share;
    if (rate === 0) return [];
    const w = oe.rollout;
    const bake = w.kind === 'waves' ? w.bakeHours : 0;
    const detection = w.kind === 'waves' ? w.detectionHours : 0;
    const catches = w.kind === 'waves' ? w.detectionProbability : 1;
    // Time spent with exactly m waves hurt, per change, averaged over the noticing wave C.
    const time = [8760 / rate];
    for (let m = 1; m <= waves; m++) {
      let h = 0;
      for (let c = 1; c <= waves; c++) {
        const pc = c < waves ? (1 - catches) ** (c - 1) * catches : (1 - catches) ** (waves - 1);
        if (m < c) h += pc * bake;
        else if (m === c) h += pc * (detection + r);
      }
      time.push(h);
    }
    const total = time.reduce((a, b) => a + b, 0);
    return [{ name, states: time.map((h) => h / total) }];
  });
}

function waveCount(rollout: Rollout, clusters: number): number {
  if (rollout.kind === 'all-at-once') return 1;
  let placed = 0;
  let waves = 0;
  for (const size of rollout.waves) {
    if (placed >= clusters) break;
    placed = size === 'all' ? clusters : Math.min(clusters, placed + size);
    waves++;
  }
  return waves;
}

function waveOf(t: Topology, c: Cluster): number {
  const rollout = t.failures.operatorError.rollout;
  if (rollout.kind === 'all-at-once') return 1;
  const index = t.clusters.indexOf(c);
  let placed = 0;
  let wave = 0;
  for (const size of rollout.waves) {
    if (placed >= t.clusters.length) break;
    placed = size === 'all' ? t.clusters.length : Math.min(t.clusters.length, placed + size);
    wave++;
    if (index < placed) return wave;
  }
  return 0;
}

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

interface StateValues {
  clusters: Record<string, Record<string, boolean>>;
  regions: Record<string, Record<string, boolean>>;
}

/**
 * The predicates in one state, with master `maintained` of cluster `maintainedIn` down for
 * maintenance (−1: none), and bad-change kinds having reached their first m waves.
 */
function evaluate(
  t: Topology,
  down: Set<string>,
  maintained: number,
  maintainedIn: string,
  reached: Record<string, number>,
): StateValues {
  const isUp = (key: string): boolean => !down.has(key);
  const clusters: StateValues['clusters'] = {};
  const serving = new Map<string, number>();
  for (const c of t.clusters) {
    const region = c.region;
    const regionUp = isUp(`region:${region}`);
    const impaired = !isUp(`impairment:${region}`);
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
    const inMaintenance = (i: number): boolean => maintainedIn === c.name && maintained === i;
    const masterNodeUp = (i: number): boolean =>
      zoneUp(masters[i]!) && isUp(`${c.name}:master:${i}`) && !inMaintenance(i);
    const stacked = c.etcd.placement === 'stacked';
    const memberZones = stacked ? masters : memberList(c);
    const memberUp = (i: number): boolean =>
      stacked
        ? masterNodeUp(i) && isUp(`${c.name}:etcdproc:${i}`) && isUp(`${c.name}:disk:${i}`)
        : zoneUp(memberZones[i]!) &&
          isUp(`${c.name}:etcdnode:${i}`) &&
          isUp(`${c.name}:etcdproc:${i}`) &&
          isUp(`${c.name}:disk:${i}`);
    const wave = waveOf(t, c);
    const hurt = (kind: string): boolean => wave > 0 && wave <= (reached[kind] ?? 0);
    const upPerSide = new Array<number>(sides).fill(0);
    memberZones.forEach((z, i) => {
      if (memberUp(i)) upPerSide[sideOf.get(z)!]! += 1;
    });
    const quorumSide = hurt('restore') ? -1 : upPerSide.findIndex((n) => n >= c.counts.quorum);
    const etcdQuorum = quorumSide >= 0;
    const onQuorumSide = (z: string): boolean => quorumSide >= 0 && sideOf.get(z) === quorumSide;
    const serves = (i: number): boolean =>
      masterNodeUp(i) &&
      isUp(`${c.name}:apiserver:${i}`) &&
      onQuorumSide(masters[i]!) &&
      (!stacked || memberUp(i));
    // Whether the endpoint reaches master i: cloud and dns while up, local-proxy always,
    // single-master its pinned master, keepalived a master on the side of an up host.
    const reachable = (i: number): boolean => {
      switch (c.endpoint.kind) {
        case 'keepalived':
          return [0, 1].some(
            (h) =>
              isUp(`${c.name}:host:${h}`) &&
              zoneUp(c.endpoint.hostZones[h]!) &&
              sideOf.get(c.endpoint.hostZones[h]!) === sideOf.get(masters[i]!),
          );
        case 'cloud':
          return regionUp && !impaired && isUp(`${c.name}:lb`);
        case 'dns':
          return !impaired;
        case 'single-master':
          return i === masters.indexOf(c.endpoint.zone!);
        case 'local-proxy':
          return true;
      }
    };
    const indices = masters.map((_, i) => i);
    const apiBlocked = hurt('api') || hurt('restore');
    const api = !apiBlocked && indices.some((i) => reachable(i) && serves(i));
    const scheduling = api && indices.some((i) => serves(i) && isUp(`${c.name}:controllers:${i}`));
    const workers = zoneList(c.workers);
    const upWorkers = workers.filter((z, i) => zoneUp(z) && isUp(`${c.name}:worker:${i}`)).length;
    const workloads = upWorkers >= c.workersNeeded && !hurt('dataPlane');
    clusters[c.name] = { etcdQuorum, api, scheduling, workloads };
    if (workloads) serving.set(region, (serving.get(region) ?? 0) + 1);
  }
  const regions: StateValues['regions'] = {};
  for (const r of t.regions) {
    const local = (serving.get(r.name) ?? 0) >= 1;
    const spare = t.regions.some(
      (s) => s.name !== r.name && (serving.get(s.name) ?? 0) >= (s.users > 0 ? 2 : 1),
    );
    regions[r.name] = { local, served: local || (t.failover === 'cross-region' && spare) };
  }
  return { clusters, regions };
}
