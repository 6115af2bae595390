/**
 * What every piece of a run shares: the compiled model, the scripted events and the biasing
 * factor. `runTrialRange` runs trials [from, to) of one stream; any split of a run into ranges
 * sums to the same RunSums (run-sums.ts), so threads and shards give identical results.
 */
import type { Topology } from '../../model/topology.js';
import { compileModel } from '../model/compile-model.js';
import { PlainAccumulator } from '../stats/plain-accumulator.js';
import { biasedElements, computeBeta } from '../engine/importance.js';
import { createTrialRng, type ImportanceGroup, type StreamKind } from '../engine/rng.js';
import {
  addTrial,
  emptyRunSums,
  PLAIN_BITS,
  WEIGHTED_BITS,
  type RunSums,
} from '../stats/run-sums.js';
import { compileScript, type ScriptActions } from '../model/script-actions.js';
import type { SloSpec } from '../stats/slo-plan.js';
import type { SimModel } from '../model/sim-model.js';
import { TrialEngine } from '../engine/trial-engine.js';

export type SimulationMethod = 'auto' | 'plain' | 'importance';

/** What decides a run's numbers (with the topology): everything a worker or shard needs. */
export interface RunSpec {
  seed: number;
  horizonHours: number;
  method: SimulationMethod;
  /** Replay the scenario's events in every trial, on top of random failures. */
  withEvents: boolean;
  /** The objectives the SLA view tracks per calendar month (absent or null: none). */
  slo?: SloSpec | null;
}

export interface RunPlan {
  spec: RunSpec;
  model: SimModel;
  script: ScriptActions | undefined;
  /** Per importance-sampling pass: the elements it biases and its factor β. */
  passes: Record<ImportanceGroup, { biased: Uint8Array; beta: number }>;
  engines: Partial<Record<StreamKind, TrialEngine>>;
}

export function createRunPlan(topology: Topology, spec: RunSpec): RunPlan {
  const model = compileModel(topology, {
    horizonHours: spec.horizonHours,
    randomFailures: true,
    slo: spec.slo ?? null,
  });
  const script = spec.withEvents ? compileScript(topology, model) : undefined;
  const pass = (group: ImportanceGroup): { biased: Uint8Array; beta: number } => {
    const biased = biasedElements(model, group);
    return { biased, beta: computeBeta(model, biased) };
  };
  const passes = {
    'is-control': pass('is-control'),
    'is-workloads': pass('is-workloads'),
    'is-all': pass('is-all'),
  };
  return { spec, model, script, passes, engines: {} };
}

export function emptySumsFor(plan: RunPlan, stream: StreamKind): RunSums {
  const engine = engineFor(plan, 'plain');
  return emptyRunSums(
    engine.state.predicateCount,
    plan.model.clusters.length,
    bitsOf(stream),
    plan.model.slo?.entries.length ?? 0,
  );
}

/** The exact grid of a stream's sums (run-sums.ts). */
export function bitsOf(stream: StreamKind): number {
  return stream === 'plain' ? PLAIN_BITS : WEIGHTED_BITS;
}

/** Runs trials [from, to) of a stream. */
export function runTrialRange(
  plan: RunPlan,
  stream: StreamKind,
  from: number,
  to: number,
): RunSums {
  const engine = engineFor(plan, stream);
  const sums = emptyRunSums(
    engine.state.predicateCount,
    plan.model.clusters.length,
    bitsOf(stream),
    plan.model.slo?.entries.length ?? 0,
  );
  const before = engine.state.events;
  if (stream === 'plain') {
    const acc = new PlainAccumulator(sums, plan.spec.horizonHours);
    for (let i = from; i < to; i++) {
      engine.run(createTrialRng(plan.spec.seed, i, stream));
      acc.add(engine.state);
    }
    acc.flush();
  } else {
    for (let i = from; i < to; i++) {
      engine.run(createTrialRng(plan.spec.seed, i, stream));
      addTrial(sums, engine.state);
    }
  }
  sums.events = engine.state.events - before;
  return sums;
}

// --- internal ---

function engineFor(plan: RunPlan, stream: StreamKind): TrialEngine {
  const existing = plan.engines[stream];
  if (existing !== undefined) return existing;
  const options = stream === 'plain' ? {} : plan.passes[stream];
  const engine = new TrialEngine(
    plan.model,
    plan.script === undefined ? options : { ...options, script: plan.script },
  );
  plan.engines[stream] = engine;
  return engine;
}
