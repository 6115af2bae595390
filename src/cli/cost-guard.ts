/**
 * Refusing runs that cannot finish in a sane time or memory, before they start (docs/limits.md):
 * the estimates live in the core (exact/analysis-cost.ts, sim/run/simulation-cost.ts); this
 * turns a refusal into a usage error (exit 2) naming the file.
 */
import { availableParallelism } from 'node:os';
import { analysisCostRefusal, estimateAnalysisCost } from '../exact/analysis-cost.js';
import type { Topology } from '../model/topology.js';
import { estimateSimulationCost, simulationCostRefusal } from '../sim/run/simulation-cost.js';
import type { Shard } from '../sim/run/shard.js';
import { UsageError } from './errors.js';

/** Throws a UsageError when the exact analysis of `topology` would take too long. */
export function refuseCostlyAnalysis(file: string, topology: Topology): void {
  const cost = estimateAnalysisCost(topology);
  const why = cost === null ? null : analysisCostRefusal(cost);
  if (why !== null) throw new UsageError(`${file}: ${why}`);
}

/**
 * Throws a UsageError when the run (or this shard of it) would take too long or too much memory.
 * A shard runs its share of the trials in every pass (plain and, unless --method plain, three
 * importance-sampling passes); a whole run is priced by its plain trials.
 */
export function refuseCostlySimulation(
  file: string,
  topology: Topology,
  run: { trials: number; horizonHours: number; workers: number; method: string; shard?: Shard },
): void {
  const trials =
    run.shard === undefined
      ? run.trials
      : Math.ceil(run.trials / run.shard.count) * (run.method === 'plain' ? 1 : 4);
  const cost = estimateSimulationCost(topology, {
    trials,
    horizonHours: run.horizonHours,
    parallelism: Math.min(run.workers, availableParallelism()),
    threads: run.workers,
  });
  const why = simulationCostRefusal(cost);
  if (why !== null) throw new UsageError(`${file}: ${why}`);
}
