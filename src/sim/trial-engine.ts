/**
 * One trial: a discrete-event simulation over the horizon, every element starting up. The event
 * heap holds one slot per element (its next failure or repair) and a few timer slots per cluster;
 * each event updates typed-array state, re-evaluates the clusters it affects, and draws the
 * element's next time. No allocation per event. Importance sampling (failure biasing) is built in:
 * while some biased element is down, biased elements fail β times faster and the trial carries the
 * likelihood ratio of its path.
 */
import { CAUSE } from './failure-classes.js';
import { drawRepair, drawUnitExponential } from './random-variates.js';
import type { Rng } from './rng.js';
import {
  ACT_API_BAD_OFF,
  ACT_API_BAD_ON,
  ACT_FORCE_DOWN,
  ACT_FORCE_UP,
  ACT_QUORUM_BAD_OFF,
  ACT_QUORUM_BAD_ON,
  type ScriptActions,
} from './script-actions.js';
import { evaluateCluster } from './evaluate-predicates.js';
import { evaluateRegions } from './evaluate-regions.js';
import { closeOutages } from './record-predicate.js';
import {
  KIND_BAD_API,
  KIND_BAD_RESTORE,
  KIND_DISK,
  KIND_DOMAIN,
  KIND_LINK,
  MASK_CONTROL,
  MASK_TIMERS,
  MASK_WORKERS,
  SLOTS_PER_CLUSTER,
  SLOT_BAD_API,
  SLOT_BAD_RESTORE,
  SLOT_EVICT,
  SLOT_FAILOVER,
  SLOT_LEASE,
  SLOT_MAINTENANCE,
  SLOT_RESTORE,
  type SimModel,
} from './sim-model.js';
import { TrialState } from './trial-state.js';
import { recomputeSides, recomputeZones } from './domain-state.js';

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
  private rng: Rng = () => 0.5;

  constructor(model: SimModel, options: EngineOptions = {}) {
    this.model = model;
    this.state = new TrialState(model);
    this.script =
      options.script !== undefined && options.script.time.length > 0 ? options.script : undefined;
    this.biased = options.biased ?? model.biased;
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
    s.reset();
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
          m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_MAINTENANCE,
          drawUnitExponential(rng) / c.passRate,
        );
    }
    if (this.script !== undefined) heap.set(m.scriptSlot, this.script.time[0] ?? Infinity);
    s.cause = CAUSE.event;
    for (let ci = 0; ci < m.clusters.length; ci++)
      evaluateCluster(s, ci, MASK_CONTROL | MASK_WORKERS);
    evaluateRegions(s);
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
  }

  // --- internal ---

  private elementEvent(e: number): void {
    const s = this.state;
    const m = this.model;
    const rng = this.rng;
    const t = s.now;
    s.cause = m.cause[e] ?? 0;
    const kind = m.kind[e] ?? 0;
    if (s.randomDown[e] === 0) {
      s.randomDown[e] = 1;
      s.down[e] = (s.down[e] ?? 0) + 1;
      if (s.biasing && this.biased[e] === 1) {
        if (s.biasOn) s.logWeight -= s.logBeta;
        s.upBiasedRate -= m.rate[e] ?? 0;
        if (++s.biasedDown === 1) this.setBias(true);
      }
      let hours = drawRepair(m.repairKind[e] ?? 0, m.repairA[e] ?? 0, m.repairB[e] ?? 0, rng);
      if (kind === KIND_BAD_API || kind === KIND_BAD_RESTORE) hours = this.badChange(kind, hours);
      s.heap.set(e, t + hours);
      if (kind === KIND_DISK) this.diskLost(m.owner[e] ?? 0);
    } else {
      s.randomDown[e] = 0;
      s.down[e] = (s.down[e] ?? 0) - 1;
      if (kind === KIND_DISK) {
        const ci = m.owner[e] ?? 0;
        s.diskDown[ci] = (s.diskDown[ci] ?? 0) - 1;
      }
      let rate = m.rate[e] ?? 0;
      if (s.biasing && this.biased[e] === 1) {
        s.upBiasedRate += rate;
        if (--s.biasedDown === 0) this.setBias(false);
        if (s.biasOn) rate *= s.beta;
      }
      s.heap.set(e, rate > 0 ? t + drawUnitExponential(rng) / rate : Infinity);
    }
    if (kind !== KIND_BAD_API && kind !== KIND_BAD_RESTORE) this.changed(e);
  }

  /** Re-evaluates what element e affects, after its state changed. */
  private changed(e: number): void {
    const s = this.state;
    const m = this.model;
    const kind = m.kind[e] ?? 0;
    if (kind === KIND_LINK) recomputeSides(this.state, m.elementRegion[e] ?? 0);
    else if (kind === KIND_DOMAIN) {
      recomputeZones(this.state, m.elementRegion[e] ?? 0);
      recomputeSides(this.state, m.elementRegion[e] ?? 0);
    }
    const mask = m.mask[e] ?? 0;
    const end = m.affectStart[e + 1] ?? 0;
    for (let i = m.affectStart[e] ?? 0; i < end; i++) evaluateCluster(s, m.affected[i] ?? 0, mask);
  }

  /** A bad change starts: schedules its effect on every cluster its rollout reaches. */
  private badChange(kind: number, repairHours: number): number {
    const s = this.state;
    const m = this.model;
    const api = kind === KIND_BAD_API;
    const phase = api ? s.badApiPhase : s.badRestorePhase;
    const end = api ? s.badApiEnd : s.badRestoreEnd;
    let last = 0;
    for (let i = 0; i < m.reachCluster.length; i++) {
      const ci = m.reachCluster[i] ?? 0;
      const offset = m.reachOffset[i] ?? 0;
      if (phase[ci] !== 0) continue;
      phase[ci] = 1;
      end[ci] = s.now + offset + repairHours;
      s.heap.set(
        m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + (api ? SLOT_BAD_API : SLOT_BAD_RESTORE),
        s.now + offset,
      );
      if (offset > last) last = offset;
    }
    return last + repairHours;
  }

  private diskLost(ci: number): void {
    const s = this.state;
    const m = this.model;
    const c = m.clusters[ci];
    if (c === undefined) return;
    s.diskDown[ci] = (s.diskDown[ci] ?? 0) + 1;
    if (s.diskDown[ci] !== c.disk.length || s.restoring[ci] === 1) return;
    // Every member's data is gone: restore from the last snapshot (or lose everything).
    this.loseData(ci, m.snapshotsOnEtcdNodes);
    s.restoring[ci] = 1;
    s.quorumBad[ci] = (s.quorumBad[ci] ?? 0) + 1;
    const hours = drawRepair(m.restoreKind, m.restoreA, m.restoreB, this.rng);
    s.heap.set(m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_RESTORE, s.now + hours);
  }

  private loseData(ci: number, everything: boolean): void {
    const s = this.state;
    const interval = this.model.backupIntervalHours;
    s.lossEvents[ci] = (s.lossEvents[ci] ?? 0) + 1;
    if (everything) s.totalLosses[ci] = (s.totalLosses[ci] ?? 0) + 1;
    const since =
      everything || !(interval > 0) ? s.now : s.now - Math.floor(s.now / interval) * interval;
    s.lossHours[ci] = (s.lossHours[ci] ?? 0) + since;
  }

  private clusterEvent(k: number): void {
    const s = this.state;
    const m = this.model;
    const ci = Math.floor(k / SLOTS_PER_CLUSTER);
    const type = k - ci * SLOTS_PER_CLUSTER;
    const slot = m.clusterSlotBase + k;
    const heap = s.heap;
    switch (type) {
      case SLOT_MAINTENANCE:
        this.maintenanceStep(ci, slot);
        return;
      case SLOT_BAD_API:
      case SLOT_BAD_RESTORE: {
        s.cause = CAUSE.operatorError;
        const api = type === SLOT_BAD_API;
        const phase = api ? s.badApiPhase : s.badRestorePhase;
        const flag = api ? s.apiBad : s.quorumBad;
        if (phase[ci] === 1) {
          phase[ci] = 2;
          flag[ci] = (flag[ci] ?? 0) + 1;
          if (!api) this.loseData(ci, false);
          heap.set(slot, (api ? s.badApiEnd : s.badRestoreEnd)[ci] ?? Infinity);
        } else {
          phase[ci] = 0;
          flag[ci] = (flag[ci] ?? 0) - 1;
          heap.set(slot, Infinity);
        }
        break;
      }
      case SLOT_RESTORE:
        s.cause = CAUSE.disk;
        s.restoring[ci] = 0;
        s.quorumBad[ci] = (s.quorumBad[ci] ?? 0) - 1;
        heap.set(slot, Infinity);
        break;
      default:
        // Lease, failover and eviction timers: the evaluation reschedules them as needed.
        heap.set(slot, Infinity);
    }
    evaluateCluster(
      s,
      ci,
      type === SLOT_EVICT
        ? MASK_WORKERS
        : type === SLOT_LEASE || type === SLOT_FAILOVER
          ? MASK_TIMERS
          : MASK_CONTROL,
    );
  }

  /** Rolling maintenance: step j takes master j down for perMaster; then the next pass waits. */
  private maintenanceStep(ci: number, slot: number): void {
    const s = this.state;
    const c = this.model.clusters[ci];
    if (c === undefined) return;
    s.cause = CAUSE.maintenance;
    // Master `step` comes back and master `step + 1` goes down at the same instant.
    const step = s.maintStep[ci] ?? -1;
    if (step >= 0) {
      const node = c.masterNode[step] ?? 0;
      s.down[node] = (s.down[node] ?? 0) - 1;
    }
    const next = step + 1;
    if (next < c.masterNode.length) {
      s.maintStep[ci] = next;
      const node = c.masterNode[next] ?? 0;
      s.down[node] = (s.down[node] ?? 0) + 1;
      s.heap.set(slot, s.now + c.perMasterHours);
    } else {
      s.maintStep[ci] = -1;
      s.heap.set(slot, s.now + drawUnitExponential(this.rng) / c.passRate);
    }
    evaluateCluster(s, ci, MASK_CONTROL);
  }

  /** Applies every scripted action due now, then re-evaluates every cluster once. */
  private scriptEvent(): void {
    const s = this.state;
    const m = this.model;
    const script = this.script;
    if (script === undefined) return;
    s.cause = CAUSE.event;
    const t = s.now;
    let i = s.scriptCursor;
    for (; i < script.time.length && (script.time[i] ?? Infinity) <= t; i++) {
      const arg = script.arg[i] ?? 0;
      const op = script.op[i] ?? -1;
      if (op === ACT_FORCE_DOWN || op === ACT_FORCE_UP) {
        s.down[arg] = (s.down[arg] ?? 0) + (op === ACT_FORCE_DOWN ? 1 : -1);
        const kind = m.kind[arg] ?? 0;
        if (kind === KIND_DOMAIN) recomputeZones(this.state, m.elementRegion[arg] ?? 0);
        if (kind === KIND_LINK || kind === KIND_DOMAIN)
          recomputeSides(this.state, m.elementRegion[arg] ?? 0);
      } else if (op === ACT_API_BAD_ON || op === ACT_API_BAD_OFF) {
        s.apiBad[arg] = (s.apiBad[arg] ?? 0) + (op === ACT_API_BAD_ON ? 1 : -1);
      } else if (op === ACT_QUORUM_BAD_ON) {
        this.loseData(arg, false);
        s.quorumBad[arg] = (s.quorumBad[arg] ?? 0) + 1;
      } else if (op === ACT_QUORUM_BAD_OFF) {
        s.quorumBad[arg] = (s.quorumBad[arg] ?? 0) - 1;
      }
    }
    s.scriptCursor = i;
    s.heap.set(m.scriptSlot, script.time[i] ?? Infinity);
    for (let ci = 0; ci < m.clusters.length; ci++)
      evaluateCluster(s, ci, MASK_CONTROL | MASK_WORKERS);
  }

  /** Switches failure biasing on or off, rescaling the pending failures of up biased elements. */
  private setBias(on: boolean): void {
    const s = this.state;
    const m = this.model;
    s.biasOn = on;
    const factor = on ? 1 / s.beta : s.beta;
    const t = s.now;
    const heap = s.heap;
    for (let e = 0; e < m.elementCount; e++) {
      if (this.biased[e] !== 1 || s.randomDown[e] !== 0) continue;
      const k = heap.key[e] ?? Infinity;
      if (k > t && k < Infinity) heap.set(e, t + (k - t) * factor);
    }
  }
}
