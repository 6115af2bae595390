/**
 * Bad changes in a trial (docs/model.md, Bad changes): when one starts, a draw decides the wave
 * that notices it; each cluster of a wave up to that one is hurt from its wave's start until R
 * after the notice. Random changes use per-cluster timer slots (a kind's next change starts only
 * once the previous one is over, so one slot per kind and cluster suffices); scripted changes
 * schedule their effects in the trial's script queue.
 */
import { catchingWave, noticeHours } from '../model/rollout-reach.js';
import type { Rng } from './rng.js';
import { ACT_HURT_OFF, ACT_HURT_ON, type ScriptedChange } from '../model/script-actions.js';
import {
  BAD_API,
  BAD_DATA,
  BAD_RESTORE,
  SLOTS_PER_CLUSTER,
  SLOT_BAD,
  type CompiledRollout,
} from '../model/sim-model.js';
import { loseData } from './data-loss.js';
import type { TrialState } from './trial-state.js';

/**
 * A random bad change of `kind` starts now; returns how long until it is over (the notice plus
 * the repair), when the next change of its kind may start.
 */
export function startRandomChange(
  s: TrialState,
  kind: number,
  repairHours: number,
  rng: Rng,
): number {
  const m = s.model;
  const r = m.rollout;
  const caught = drawCatchingWave(r, rng);
  const end = s.now + noticeHours(r, caught) + repairHours;
  const C = m.clusters.length;
  for (let i = 0; i < r.clusters.length; i++) {
    const wave = r.wave[i] ?? 0;
    if (wave > caught) break;
    const ci = r.clusters[i] ?? 0;
    const k = kind * C + ci;
    s.badPhase[k] = 1;
    s.badEnd[k] = end;
    s.heap.set(
      m.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_BAD + kind,
      s.now + wave * r.bakeHours,
    );
  }
  return end - s.now;
}

/** A random bad change's timer of one cluster: it starts hurting, or the cluster recovers. */
export function randomChangeStep(s: TrialState, ci: number, kind: number): void {
  const k = kind * s.model.clusters.length + ci;
  const slot = s.model.clusterSlotBase + ci * SLOTS_PER_CLUSTER + SLOT_BAD + kind;
  if (s.badPhase[k] === 1) {
    s.badPhase[k] = 2;
    hurt(s, kind, ci, 1);
    s.heap.set(slot, s.badEnd[k] ?? Infinity);
  } else {
    s.badPhase[k] = 0;
    hurt(s, kind, ci, -1);
    s.heap.set(slot, Infinity);
  }
}

/** A scripted bad change starts now: the first wave is hurt at once, the rest is queued. */
export function startScriptedChange(
  s: TrialState,
  change: ScriptedChange,
  event: number,
  rng: Rng,
): void {
  const r = change.reach;
  const C = s.model.clusters.length;
  const caught = drawCatchingWave(r, rng);
  const end = s.now + noticeHours(r, caught) + change.repairHours;
  for (let i = 0; i < r.clusters.length; i++) {
    const wave = r.wave[i] ?? 0;
    if (wave > caught) break;
    const ci = r.clusters[i] ?? 0;
    const arg = change.kind * C + ci;
    const start = s.now + wave * r.bakeHours;
    if (start <= s.now) hurt(s, change.kind, ci, 1);
    else s.script.insert(start, ACT_HURT_ON, arg, event);
    s.script.insert(end, ACT_HURT_OFF, arg, event);
  }
}

/** A queued scripted action: arg = kind · clusters + cluster starts or stops hurting. */
export function scriptedHurt(s: TrialState, arg: number, on: boolean): void {
  const C = s.model.clusters.length;
  const kind = Math.floor(arg / C);
  hurt(s, kind, arg - kind * C, on ? 1 : -1);
}

/** Whether a bad change of this kind changes the control plane (else the data plane). */
export function hurtsControl(kind: number): boolean {
  return kind !== BAD_DATA;
}

// --- internal ---

function drawCatchingWave(r: CompiledRollout, rng: Rng): number {
  // One draw whenever there is more than one wave, whatever p: common random numbers across p.
  return r.waveCount > 1 ? catchingWave(rng(), r.detectionProbability, r.waveCount) : 0;
}

function hurt(s: TrialState, kind: number, ci: number, delta: number): void {
  if (kind === BAD_API) s.apiBad[ci] = (s.apiBad[ci] ?? 0) + delta;
  else if (kind === BAD_DATA) s.dataBad[ci] = (s.dataBad[ci] ?? 0) + delta;
  else if (kind === BAD_RESTORE) {
    s.quorumBad[ci] = (s.quorumBad[ci] ?? 0) + delta;
    // etcd is restored from the last snapshot: the writes since it are lost.
    if (delta > 0) loseData(s, ci, false);
  }
}
