/**
 * The same run as `simulate`, with the trial ranges executed by an injected runner (worker
 * threads in the CLI) that may be interrupted: then the result covers the trials completed, and
 * says so.
 */
import type { Topology } from '../../model/topology.js';
import { createRunPlan, emptySumsFor, type RunPlan } from './run-plan.js';
import type { ImportanceGroup } from '../engine/rng.js';
import { mergeRunSums, type RunSums } from '../stats/run-sums.js';
import {
  resolveSpec,
  resultOf,
  runSteps,
  type RangeRequest,
  type RunOutcome,
  type SimulateOptions,
} from './simulate.js';
import type { SimulationResult } from '../stats/simulation-result.js';

export type RangeRunner = (request: RangeRequest) => Promise<{ sums: RunSums; stopped: boolean }>;

export async function simulateWith(
  topology: Topology,
  options: SimulateOptions,
  runner: RangeRunner,
): Promise<SimulationResult> {
  const plan = createRunPlan(topology, resolveSpec(topology, options));
  return resultOf(
    topology,
    plan,
    await driveSteps(plan, options, topology.simulation.trials, runner),
  );
}

export async function driveSteps(
  plan: RunPlan,
  options: SimulateOptions,
  defaultTrials: number,
  runner: RangeRunner,
): Promise<RunOutcome> {
  const steps = runSteps(plan, options, defaultTrials);
  const plain = emptySumsFor(plan, 'plain');
  const importance: Partial<Record<ImportanceGroup, RunSums>> = {};
  let next = steps.next(emptySumsFor(plan, 'plain'));
  while (next.done !== true) {
    const request = next.value;
    const { sums, stopped } = await runner(request);
    const stream = request.stream;
    if (stream === 'plain') mergeRunSums(plain, sums);
    else mergeRunSums((importance[stream] ??= emptySumsFor(plan, stream)), sums);
    if (stopped) {
      return {
        plain,
        importance,
        stop: {
          reason: 'interrupted',
          trialsRequested: options.trials ?? defaultTrials,
          ...(options.precision === undefined ? {} : { precision: options.precision }),
        },
      };
    }
    next = steps.next(sums);
  }
  return next.value;
}
