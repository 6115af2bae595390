/**
 * A Monte Carlo run for commands that need one as a step (report): in this thread for small
 * runs, else on worker threads with the progress bar (terminal only) and Ctrl-C. The numbers are
 * the same either way (per-trial streams, exact sums).
 */
import type { Topology } from '../model/topology.js';
import { emptySumsFor, createRunPlan } from '../sim/run/run-plan.js';
import { simulate, resolveSpec, type SimulateOptions } from '../sim/run/simulate.js';
import { simulateWith } from '../sim/run/simulate-async.js';
import type { SimulationResult } from '../sim/stats/simulation-result.js';
import { WorkerPool } from '../sim/run/worker-pool.js';
import { estimateEventsPerTrial } from '../sim/run/simulation-cost.js';
import { threadsFor } from '../sim/run/work-estimate.js';
import type { CliContext } from './context.js';
import { createProgress } from './progress.js';
import { resolveWorkers } from './worker-count.js';

/** The simulation's result, or null when Ctrl-C interrupted it. */
export async function runSimulation(
  topology: Topology,
  options: SimulateOptions,
  ctx: CliContext,
  workers?: number,
): Promise<SimulationResult | null> {
  const trials = options.trials ?? topology.simulation.trials;
  const spec = resolveSpec(topology, options);
  const plan = createRunPlan(topology, spec);
  const eventsPerTrial = estimateEventsPerTrial(topology, spec.horizonHours);
  const count = resolveWorkers(workers, ctx);
  // A run too small for a second thread runs in this one: no worker to start at all.
  if (count.size === 1 || (count.adaptive && threadsFor(trials * eventsPerTrial, count.size) === 1))
    return simulate(topology, options);
  const empty = emptySumsFor(plan, 'plain');
  const pool = new WorkerPool(
    topology,
    spec,
    count.size,
    {
      predicates: empty.predicates.length,
      clusters: empty.clusters.length,
      slo: empty.slo.length,
      eventsPerTrial,
    },
    { adaptive: count.adaptive },
  );
  const progress = createProgress(ctx, false);
  const onInterrupt = (): void => pool.stop();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await simulateWith(topology, options, async (request) => {
      progress.start(
        request.to - request.from,
        request.stream === 'plain' ? 'trials' : request.stream,
      );
      const r = await pool.run(request, (done) => progress.update(done));
      progress.stop();
      return r;
    });
    return result.stop.reason === 'interrupted' ? null : result;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.stop();
    await pool.close();
  }
}
