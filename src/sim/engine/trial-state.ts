/**
 * The mutable state of one trial, allocated once per engine and reset between trials: element
 * states, partition components, per-cluster flags and timers, predicate states and the trial's
 * running statistics. Plain typed arrays so the hot loop allocates nothing.
 */
import { CAUSE_COUNT } from '../model/failure-classes.js';
import { GateState } from './gate-state.js';
import { IndexedHeap } from './indexed-heap.js';
import { PackedState } from './packed-state.js';
import { ScriptQueue } from './script-queue.js';
import {
  BAD_KINDS,
  CLUSTER_PREDICATES,
  REGION_PREDICATES,
  type ClusterModel,
  type SimModel,
} from '../model/sim-model.js';

/** One maintenance step, recorded only when a timeline is asked for. */
export interface StepRecord {
  cluster: number;
  master: number;
  /** When the step was due, and when it started (later when it waited for health). */
  dueHours: number;
  startHours: number;
  /** The scenario event that started the pass, else -1. */
  event: number;
}

/** One change of a predicate, recorded only when a timeline is asked for. */
export interface Transition {
  hours: number;
  /** Predicate index: cluster c metric k is c·4 + k; region r metric k follows the clusters. */
  predicate: number;
  up: boolean;
  cause: number;
  /** The scenario event that caused it (cause `event`), else -1. */
  event: number;
}

export class TrialState {
  readonly model: SimModel;
  readonly heap: IndexedHeap;
  readonly predicateCount: number;
  /**
   * Element down count: 1 for its own random failure, +1 per forcing event or maintenance. Change
   * it with addDown, which keeps the per-zone counts of up worker nodes.
   */
  readonly down: Int32Array;
  readonly randomDown: Uint8Array;
  /** Global zone: effectively up (zone and region up). */
  readonly zoneOk: Uint8Array;
  /** Global zone: the partition side it is on (the smallest local zone index of its side). */
  readonly side: Int32Array;
  /** Per cluster: bad changes hurting its api, its etcd (and restores), its data plane. */
  readonly apiBad: Int32Array;
  readonly quorumBad: Int32Array;
  readonly dataBad: Int32Array;
  /** Per kind · clusters + cluster: a random bad change scheduled (1) or hurting (2); its end. */
  readonly badPhase: Uint8Array;
  readonly badEnd: Float64Array;
  readonly diskDown: Int32Array;
  readonly restoring: Uint8Array;
  /** Maintenance per cluster: the master in its step (-1: none), the step waiting for health. */
  readonly maintStep: Int32Array;
  readonly maintDue: Int32Array;
  readonly maintDueAt: Float64Array;
  /** The scenario event that started the cluster's pass (-1: a random pass). */
  readonly passEvent: Int32Array;
  /** Passes that fell due while one was in progress: they run in turn. */
  readonly passesWaiting: Int32Array;
  /**
   * Repairs blocked by a region impairment, per region: an element whose random repair is due,
   * or ~element for a scripted failure's end (emptied, not reallocated, between trials).
   */
  readonly blocked: number[][];
  /** Per (cluster, zone): worker nodes up (their zone aside). */
  readonly workerNodeUp: Int32Array;
  /** Spread placement, per (cluster, zone): 0 up, 1 down with pods stranded, 2 rescheduled. */
  readonly strand: Uint8Array;
  readonly strandSince: Float64Array;
  // Per master (global index = masterBase[c] + i) and per worker.
  readonly masterBase: Int32Array;
  readonly memberBase: Int32Array;
  readonly workerBase: Int32Array;
  readonly memberUp: Uint8Array;
  readonly serving: Uint8Array;
  readonly eligible: Uint8Array;
  /** Packed placement: carrying and stranded workers, up spares (packed-state.ts). */
  readonly packed: PackedState;
  /** The health gate's elements down per cluster (gate-state.ts). */
  readonly gate: GateState;
  /** Per cluster: carrying workers (packed) or zones (spread) whose pods wait to be moved. */
  readonly stranded: Int32Array;
  readonly leader: Int32Array;
  readonly electAt: Float64Array;
  /** Per master: until when the endpoint still sends to it after it stopped serving. */
  readonly staleUntil: Float64Array;
  /** Per cluster: the latest staleUntil of its masters (none later: no failover gap open). */
  readonly staleLast: Float64Array;
  /** Per cluster: the share of API requests failing in a failover gap, since when, and why. */
  readonly failShare: Float64Array;
  readonly failSince: Float64Array;
  readonly failCause: Uint8Array;
  /** SLA view: hours down per (tracked objective, calendar month), all and SLA-style. */
  readonly monthAll: Float64Array;
  readonly monthSla: Float64Array;
  readonly sideCount: Int32Array;
  /**
   * Per region: clusters whose workloads is up, instantaneous and timed — kept by
   * evaluate-workers.ts when a cluster's workloads changes, read by evaluate-regions.ts.
   */
  readonly regionUpZero: Int32Array;
  readonly regionUpTimed: Int32Array;
  // Predicates: 1 = up. "zero" is the instantaneous (all timers 0) value, "timed" the reported one.
  readonly zero: Uint8Array;
  readonly timed: Uint8Array;
  // The trial's statistics per predicate.
  readonly downHours: Float64Array;
  readonly downHoursZero: Float64Array;
  readonly downSince: Float64Array;
  readonly downSinceZero: Float64Array;
  readonly outages: Int32Array;
  readonly outageCause: Uint8Array;
  readonly causeHours: Float64Array;
  readonly causeCount: Int32Array;
  /** Durations of the trial's finished outages (predicate, hours), in order. */
  durationPredicate: Int32Array;
  durationHours: Float64Array;
  durationCount = 0;
  // Data loss per cluster.
  readonly lossEvents: Int32Array;
  readonly lossHours: Float64Array;
  readonly totalLosses: Int32Array;
  /** The trial's usersServed: Σ_r share_r · hours region r was not served (timed, timers 0). */
  usersDownHours = 0;
  usersDownHoursZero = 0;
  // Importance sampling.
  biasing = false;
  beta = 1;
  logBeta = 0;
  biasOn = false;
  biasedDown = 0;
  upBiasedRate = 0;
  logWeight = 0;
  // The clock and the cause of the event being handled.
  now = 0;
  cause = 0;
  /** The scenario event being handled (cause `event`), else -1. */
  event = -1;
  events = 0;
  readonly script = new ScriptQueue();
  transitions: Transition[] | null = null;
  steps: StepRecord[] | null = null;
  private readonly pools: Pool[];

  constructor(model: SimModel) {
    this.model = model;
    const C = model.clusters.length;
    const zones = model.zoneElement.length;
    this.predicateCount = C * CLUSTER_PREDICATES + model.regionNames.length * REGION_PREDICATES;
    const P = this.predicateCount;
    this.heap = new IndexedHeap(model.slotCount);
    const base = (sizes: number[]): Int32Array => {
      const out = new Int32Array(sizes.length + 1);
      sizes.forEach((s, i) => (out[i + 1] = (out[i] ?? 0) + s));
      return out;
    };
    this.masterBase = base(model.clusters.map((c) => c.masterNode.length));
    this.memberBase = base(model.clusters.map((c) => c.memberNode.length));
    this.workerBase = base(model.clusters.map((c) => c.workerNode.length));
    const masters = this.masterBase[C] ?? 0;
    const sloCells = (model.slo?.entries.length ?? 0) * (model.slo?.months.start.length ?? 0);
    // Arrays reset to the same value are carved out of one, so a trial's reset is a few fills.
    const i0 = new Pool(
      Int32Array,
      0,
      model.elementCount + zones + C + C + C + C + C + C + P + P * CAUSE_COUNT + C + C,
    );
    const iM = new Pool(Int32Array, -1, C + C + C);
    const u0 = new Pool(Uint8Array, 0, model.elementCount + BAD_KINDS * C + C + model.clusterZones);
    const u1 = new Pool(
      Uint8Array,
      1,
      zones + (this.memberBase[C] ?? 0) + masters + masters + P + P,
    );
    const f0 = new Pool(
      Float64Array,
      0,
      C + masters + C + C + sloCells + sloCells + P + P + P * CAUSE_COUNT + C,
    );
    this.down = i0.take(model.elementCount);
    this.randomDown = u0.take(model.elementCount);
    this.zoneOk = u1.take(zones);
    this.side = i0.take(zones);
    this.apiBad = i0.take(C);
    this.quorumBad = i0.take(C);
    this.dataBad = i0.take(C);
    this.badPhase = u0.take(BAD_KINDS * C);
    this.badEnd = new Float64Array(BAD_KINDS * C);
    this.diskDown = i0.take(C);
    this.restoring = u0.take(C);
    this.maintStep = iM.take(C);
    this.maintDue = iM.take(C);
    this.maintDueAt = new Float64Array(C);
    this.passEvent = iM.take(C);
    this.passesWaiting = i0.take(C);
    this.blocked = model.regionNames.map(() => []);
    this.workerNodeUp = new Int32Array(model.clusterZones);
    this.strand = u0.take(model.clusterZones);
    this.strandSince = new Float64Array(model.clusterZones);
    this.memberUp = u1.take(this.memberBase[C] ?? 0);
    this.serving = u1.take(masters);
    this.eligible = u1.take(masters);
    this.packed = new PackedState(model, this.workerBase);
    this.gate = new GateState(model, this.masterBase);
    this.stranded = i0.take(C);
    this.leader = new Int32Array(C);
    this.electAt = f0.take(C);
    this.staleUntil = f0.take(masters);
    this.staleLast = f0.take(C);
    this.failShare = f0.take(C);
    this.failSince = new Float64Array(C);
    this.failCause = new Uint8Array(C);
    this.monthAll = f0.take(sloCells);
    this.monthSla = f0.take(sloCells);
    this.sideCount = new Int32Array(Math.max(1, ...model.regionZoneCount));
    this.regionUpZero = new Int32Array(model.regionNames.length);
    this.regionUpTimed = new Int32Array(model.regionNames.length);
    this.zero = u1.take(P);
    this.timed = u1.take(P);
    this.downHours = f0.take(P);
    this.downHoursZero = f0.take(P);
    this.downSince = new Float64Array(P);
    this.downSinceZero = new Float64Array(P);
    this.outages = i0.take(P);
    this.outageCause = new Uint8Array(P);
    this.causeHours = f0.take(P * CAUSE_COUNT);
    this.causeCount = i0.take(P * CAUSE_COUNT);
    this.durationPredicate = new Int32Array(64);
    this.durationHours = new Float64Array(64);
    this.lossEvents = i0.take(C);
    this.lossHours = f0.take(C);
    this.totalLosses = i0.take(C);
    this.pools = [i0, iM, u0, u1, f0];
    for (const pool of this.pools) pool.check();
  }

  /** Everything up, no outage yet, at time 0 (no allocation: this runs once per trial). */
  reset(): void {
    this.heap.reset();
    for (const pool of this.pools) pool.reset();
    for (const list of this.blocked) list.length = 0;
    this.packed.reset();
    this.gate.reset();
    const m = this.model;
    for (let r = 0; r < m.regionNames.length; r++) {
      const clusters = (m.regionClusterStart[r + 1] ?? 0) - (m.regionClusterStart[r] ?? 0);
      this.regionUpZero[r] = clusters;
      this.regionUpTimed[r] = clusters;
    }
    const clusters = this.model.clusters;
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci];
      if (c === undefined) continue;
      // The first master leads from the start (none without masters).
      this.leader[ci] = c.masterNode.length > 0 ? 0 : -1;
      this.workerNodeUp.set(c.zoneWorkers, c.clusterZoneBase);
    }
    this.durationCount = 0;
    this.biasOn = false;
    this.biasedDown = 0;
    this.upBiasedRate = 0;
    this.logWeight = 0;
    this.now = 0;
    this.cause = 0;
    this.event = -1;
    this.usersDownHours = 0;
    this.usersDownHoursZero = 0;
  }

  /**
   * down[e] += delta, keeping the count of up worker nodes per (cluster, zone) and of gate
   * elements down per cluster, and telling packed placement which workers changed.
   */
  addDown(e: number, delta: number): void {
    const before = this.down[e] ?? 0;
    const after = before + delta;
    this.down[e] = after;
    if ((before === 0) === (after === 0)) return;
    const cz = this.model.workerClusterZone[e] ?? -1;
    if (cz >= 0) {
      this.workerNodeUp[cz] = (this.workerNodeUp[cz] ?? 0) + (after === 0 ? 1 : -1);
      this.packed.nodeChanged(e);
    }
    this.gate.changed(e, after === 0 ? -1 : 1);
  }

  /** Worker nodes of cluster c effectively up (node and zone up): O(zones). */
  workersUp(c: ClusterModel): number {
    let up = 0;
    for (let z = 0; z < c.zoneCount; z++)
      if (this.zoneOk[c.zoneBase + z] === 1) up += this.workerNodeUp[c.clusterZoneBase + z] ?? 0;
    return up;
  }

  /** Small enough to be inlined where outages end (about once per event); growth is apart. */
  pushDuration(predicate: number, hours: number): void {
    const i = this.durationCount;
    if (i === this.durationHours.length) this.growDurations();
    this.durationPredicate[i] = predicate;
    this.durationHours[i] = hours;
    this.durationCount = i + 1;
  }

  private growDurations(): void {
    const p = new Int32Array(this.durationCount * 2);
    const h = new Float64Array(this.durationCount * 2);
    p.set(this.durationPredicate);
    h.set(this.durationHours);
    this.durationPredicate = p;
    this.durationHours = h;
  }
}

type Typed = Int32Array | Uint8Array | Float64Array;

/** Typed arrays carved out of one, reset together by one fill. */
class Pool {
  private readonly all: Typed;
  private readonly value: number;
  private at = 0;

  constructor(type: new (length: number) => Typed, value: number, length: number) {
    this.all = new type(length);
    this.value = value;
  }

  take<T extends Typed>(length: number): T {
    const view = this.all.subarray(this.at, this.at + length) as T;
    this.at += length;
    return view;
  }

  /** Throws unless every element was taken (the sizes given and taken agree). */
  check(): void {
    if (this.at !== this.all.length) throw new Error('TrialState: a pool was sized wrong');
  }

  reset(): void {
    this.all.fill(this.value);
  }
}
