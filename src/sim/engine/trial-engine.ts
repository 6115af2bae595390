/**
 * One trial: a discrete-event simulation over the horizon, every element starting up. The event
 * heap holds one slot per element (its next failure or repair), a few timer slots per cluster and
 * one for the scenario's scripted actions; each event updates typed-array state, re-evaluates the
 * clusters it affects, and draws the element's next time. No allocation per event. Importance
 * sampling (failure biasing) is built in: while some biased element is down, biased elements fail
 * β times faster and the trial carries the likelihood ratio of its path.
 */
import {
  hurtsControl,
  randomChangeStep,
  scriptedHurt,
  startRandomChange,
  startScriptedChange,
} from './bad-changes.js';
import { diskLost, diskReplaced, restoreDone } from './data-loss.js';
import { recomputeSides, recomputeZones } from './domain-state.js';
import { evaluateCluster } from './evaluate-predicates.js';
import { evaluateRegions } from './evaluate-regions.js';
import { CAUSE } from '../model/failure-classes.js';
import { passDue, startScriptedPass, stepEnds } from './maintenance.js';
import { drawRepair, drawUnitExponential } from './random-variates.js';
import { closeOutages } from './record-predicate.js';
import type { Rng } from './rng.js';
import {
  ACT_BAD_CHANGE,
  ACT_FORCE_DOWN,
  ACT_FORCE_UP,
  ACT_HURT_OFF,
  ACT_HURT_ON,
  ACT_MAINTENANCE,
  type ScriptActions,
} from '../model/script-actions.js';
import {
  BAD_API,
  BAD_DATA,
  BAD_RESTORE,
  CLUSTER_PREDICATES,
  KIND_BAD_API,
  KIND_BAD_DATA,
  KIND_BAD_RESTORE,
  KIND_DISK,
  KIND_DOMAIN,
  KIND_IMPAIR,
  KIND_LINK,
  MASK_CONTROL,
  MASK_TIMERS,
  MASK_WORKERS,
  REGION_PREDICATES,
  R_SERVED,
  SLOTS_PER_CLUSTER,
  SLOT_BAD,
  SLOT_EVICT,
  SLOT_MAINTENANCE,
  SLOT_PASS,
  SLOT_RESTORE,
  type SimModel,
} from '../model/sim-model.js';
import { TrialState } from './trial-state.js';

export interface EngineOptions {
  /** Failure-biasing factor for importance sampling; 1 (or absent) for plain sampling. */
  beta?: number;
  /** The elements biased (default: the model's biasable elements). */
  biased?: Uint8Array;
  script?: ScriptActions;
}

export class TrialEngine {
  readonly model: SimModel;
  readonly state: TrialState;
  private readonly script: ScriptActions | undefined;
  private readonly biased: Uint8Array;
  /** The biased elements, ascending: switching the bias costs O(biased), not O(elements). */
  private readonly biasedList: Int32Array;
  private rng: Rng = () => 0.5;
  /** Per cluster timer slot k (from clusterSlotBase): its cluster and its type (SLOT_*). */
  private readonly slotCluster: Int32Array;
  private readonly slotType: Int32Array;

  constructor(model: SimModel, options: EngineOptions = {}) {
    this.model = model;
    this.state = new TrialState(model);
    this.script =
      options.script !== undefined && options.script.time.length > 0 ? options.script : undefined;
    this.biased = options.biased ?? model.biased;
    const list: number[] = [];
    for (let e = 0; e < model.elementCount; e++) if (this.biased[e] === 1) list.push(e);
    this.biasedList = Int32Array.from(list);
    const timers = model.clusters.length * SLOTS_PER_CLUSTER;
    this.slotCluster = Int32Array.from({ length: timers }, (_, k) =>
      Math.floor(k / SLOTS_PER_CLUSTER),
    );
    this.slotType = Int32Array.from({ length: timers }, (_, k) => k % SLOTS_PER_CLUSTER);
    const beta = options.beta ?? 1;
    this.state.biasing = beta > 1;
    this.state.beta = beta;
    this.state.logBeta = Math.log(beta);
  }

  /** Runs one trial; its statistics are left in `state` until the next call. */
  run(rng: Rng): void {
    const s = this.state;
    const m = this.model;
    this.rng = rng;
    this.start(rng);
    const heap = s.heap;
    const E = m.elementCount;
    const horizon = m.horizonHours;
    const biasing = s.biasing;
    for (;;) {
      const slot = heap.top();
      const t = heap.topKey();
      if (!(t < horizon)) break;
      if (biasing && s.biasOn) s.logWeight += (s.beta - 1) * s.upBiasedRate * (t - s.now);
      s.now = t;
      s.events++;
      if (slot < E) this.elementEvent(slot);
      else if (slot === m.scriptSlot) this.scriptEvent();
      else this.clusterEvent(slot - m.clusterSlotBase);
    }
    if (biasing && s.biasOn) s.logWeight += (s.beta - 1) * s.upBiasedRate * (horizon - s.now);
    s.now = horizon;
    closeOutages(s);
    this.usersServed();
  }

  // --- internal ---

  /**
   * Time 0: every element up with its first failure drawn, the first maintenance passes, the
   * script, the clusters and regions evaluated. (A function of its own, so that the draws and heap
   * moves inline here: a double returned or passed across a call that is not inlined is boxed.)
   */
  private start(rng: Rng): void {
    const s = this.state;
    const m = this.model;
    s.reset();
    s.script.reset(this.script);
    const heap = s.heap;
    const E = m.elementCount;
    for (let e = 0; e < E; e++) {
      const rate = m.rate[e] ?? 0;
      if (rate > 0) {
        heap.set(e, drawUnitExponential(rng) / rate);
        if (s.biasing && this.biased[e] === 1) s.upBiasedRate += rate;
      }
    }
    for (let ci = 0; ci < m.clusters.length; ci++) {
      const c = m.clusters[ci];
      if (c !== undefined && c.passRate > 0 && c.masterNode.length > 0)
        heap.set(
          m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_PASS,
          drawUnitExponential(rng) / c.passRate,
        );
    }
    if (this.script !== undefined) heap.set(m.scriptSlot, s.script.nextTime());
    s.cause = CAUSE.event;
    for (let ci = 0; ci < m.clusters.length; ci++)
      evaluateCluster(s, ci, MASK_CONTROL | MASK_WORKERS);
    evaluateRegions(s);
  }

  private elementEvent(e: number): void {
    const s = this.state;
    const m = this.model;
    s.cause = m.cause[e] ?? 0;
    s.event = -1;
    const kind = m.kind[e] ?? 0;
    const bad = kind === KIND_BAD_API || kind === KIND_BAD_RESTORE || kind === KIND_BAD_DATA;
    if (s.randomDown[e] === 0) {
      this.fail(e);
      let hours = drawRepair(m.repairKind[e] ?? 0, m.repairA[e] ?? 0, m.repairB[e] ?? 0, this.rng);
      if (bad) hours = startRandomChange(s, badKind(kind), hours, this.rng);
      s.heap.set(e, s.now + hours);
      if (kind === KIND_DISK) diskLost(s, m.owner[e] ?? 0, this.rng);
    } else {
      const r = m.blockRegion[e] ?? -1;
      if (r >= 0 && s.down[m.impairElement[r] ?? 0] !== 0) {
        // The region is impaired: the replacement waits until the impairment ends.
        s.blocked[r]?.push(e);
        s.heap.set(e, Infinity);
        return;
      }
      this.repair(e);
    }
    if (!bad) this.changed(e);
  }

  /** Element e fails on its own. */
  private fail(e: number): void {
    const s = this.state;
    s.randomDown[e] = 1;
    s.addDown(e, 1);
    if (s.biasing && this.biased[e] === 1) {
      if (s.biasOn) s.logWeight -= s.logBeta;
      s.upBiasedRate -= this.model.rate[e] ?? 0;
      if (++s.biasedDown === 1) this.setBias(true);
    }
  }

  /** Element e's own failure is repaired; its next failure is drawn. */
  private repair(e: number): void {
    const s = this.state;
    const m = this.model;
    s.randomDown[e] = 0;
    s.addDown(e, -1);
    if (m.kind[e] === KIND_DISK) diskReplaced(s, m.owner[e] ?? 0);
    let rate = m.rate[e] ?? 0;
    if (s.biasing && this.biased[e] === 1) {
      s.upBiasedRate += rate;
      if (--s.biasedDown === 0) this.setBias(false);
      if (s.biasOn) rate *= s.beta;
    }
    s.heap.set(e, rate > 0 ? s.now + drawUnitExponential(this.rng) / rate : Infinity);
  }

  /** Re-evaluates what element e affects, after its state changed. */
  private changed(e: number): void {
    const s = this.state;
    const m = this.model;
    this.domainChanged(e);
    const mask = m.mask[e] ?? 0;
    const end = m.affectStart[e + 1] ?? 0;
    for (let i = m.affectStart[e] ?? 0; i < end; i++) evaluateCluster(s, m.affected[i] ?? 0, mask);
  }

  /** Zones, partition sides and blocked repairs after element e changed. */
  private domainChanged(e: number): void {
    const s = this.state;
    const m = this.model;
    const kind = m.kind[e] ?? 0;
    const r = m.elementRegion[e] ?? 0;
    if (kind === KIND_LINK) recomputeSides(s, r);
    else if (kind === KIND_DOMAIN) {
      recomputeZones(s, r);
      recomputeSides(s, r);
    } else if (kind === KIND_IMPAIR && s.down[e] === 0) this.releaseBlocked(r);
  }

  /** The impairment of region r ended: every repair it blocked completes now. */
  private releaseBlocked(r: number): void {
    const s = this.state;
    const list = s.blocked[r];
    if (list === undefined) return;
    for (const x of list) {
      if (x >= 0) this.repair(x);
      else s.addDown(~x, -1);
    }
    list.length = 0;
  }

  private clusterEvent(k: number): void {
    const s = this.state;
    const m = this.model;
    const ci = this.slotCluster[k] ?? 0;
    const type = this.slotType[k] ?? 0;
    s.event = -1;
    let mask = MASK_CONTROL;
    switch (type) {
      case SLOT_PASS:
        mask = passDue(s, ci, this.rng);
        break;
      case SLOT_MAINTENANCE:
        mask = stepEnds(s, ci);
        break;
      case SLOT_BAD + BAD_API:
      case SLOT_BAD + BAD_RESTORE:
      case SLOT_BAD + BAD_DATA:
        s.cause = CAUSE.operatorError;
        randomChangeStep(s, ci, type - SLOT_BAD);
        if (!hurtsControl(type - SLOT_BAD)) mask = MASK_WORKERS;
        break;
      case SLOT_RESTORE:
        s.cause = CAUSE.disk;
        restoreDone(s, ci);
        break;
      default:
        // Lease, failover and eviction timers: the evaluation reschedules them as needed.
        s.heap.set(m.clusterSlotBase + k, Infinity);
        mask = type === SLOT_EVICT ? MASK_WORKERS : MASK_TIMERS;
    }
    evaluateCluster(s, ci, mask);
  }

  /** Applies every scripted action due now, then re-evaluates every cluster once. */
  private scriptEvent(): void {
    const s = this.state;
    const m = this.model;
    const q = s.script;
    s.cause = CAUSE.event;
    s.event = q.event[q.cursor] ?? -1;
    for (; q.cursor < q.count && (q.time[q.cursor] ?? Infinity) <= s.now; q.cursor++) {
      const arg = q.arg[q.cursor] ?? 0;
      const event = q.event[q.cursor] ?? -1;
      const op = q.op[q.cursor] ?? -1;
      switch (op) {
        case ACT_FORCE_DOWN:
          s.addDown(arg, 1);
          this.domainChanged(arg);
          break;
        case ACT_FORCE_UP:
          this.forceUp(arg);
          break;
        case ACT_BAD_CHANGE: {
          const change = this.script?.changes[arg];
          if (change !== undefined) startScriptedChange(s, change, event, this.rng);
          break;
        }
        case ACT_MAINTENANCE:
          startScriptedPass(s, arg, event);
          break;
        case ACT_HURT_ON:
        case ACT_HURT_OFF:
          scriptedHurt(s, arg, op === ACT_HURT_ON);
      }
    }
    s.heap.set(m.scriptSlot, q.nextTime());
    for (let ci = 0; ci < m.clusters.length; ci++)
      evaluateCluster(s, ci, MASK_CONTROL | MASK_WORKERS);
  }

  /** A scripted failure of element e ends (a VM's replacement waits for an impairment's end). */
  private forceUp(e: number): void {
    const s = this.state;
    const m = this.model;
    const r = m.blockRegion[e] ?? -1;
    if (r >= 0 && s.down[m.impairElement[r] ?? 0] !== 0) s.blocked[r]?.push(~e);
    else {
      s.addDown(e, -1);
      this.domainChanged(e);
    }
  }

  /** The trial's user-weighted hours not served: Σ_r share_r · D(served_r). */
  private usersServed(): void {
    const s = this.state;
    const m = this.model;
    const base = m.clusters.length * CLUSTER_PREDICATES;
    let timed = 0;
    let zero = 0;
    for (let r = 0; r < m.regionNames.length; r++) {
      const p = base + r * REGION_PREDICATES + R_SERVED;
      const share = m.userShare[r] ?? 0;
      timed += share * (s.downHours[p] ?? 0);
      zero += share * (s.downHoursZero[p] ?? 0);
    }
    s.usersDownHours = timed;
    s.usersDownHoursZero = zero;
  }

  /** Switches failure biasing on or off, rescaling the pending failures of up biased elements. */
  private setBias(on: boolean): void {
    const s = this.state;
    s.biasOn = on;
    const factor = on ? 1 / s.beta : s.beta;
    const t = s.now;
    const heap = s.heap;
    const list = this.biasedList;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] ?? 0;
      if (s.randomDown[e] !== 0) continue;
      const k = heap.key[e] ?? Infinity;
      if (k > t && k < Infinity) heap.set(e, t + (k - t) * factor);
    }
  }
}

function badKind(kind: number): number {
  return kind === KIND_BAD_API ? BAD_API : kind === KIND_BAD_DATA ? BAD_DATA : BAD_RESTORE;
}
