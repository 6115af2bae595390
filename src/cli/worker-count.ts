/**
 * How many worker threads a simulation runs on. By default as many as the run's size pays for,
 * up to the cores (worker-pool.ts, adaptive); `--workers N` asks for exactly N, but never more
 * than the cores: more threads than cores only share them, and each costs its own copy of the
 * model (a thousand threads took 4 GiB). The results are the same for any count.
 */
import { availableParallelism } from 'node:os';
import type { CliContext } from './context.js';

export interface WorkerCount {
  size: number;
  adaptive: boolean;
}

export function resolveWorkers(
  requested: number | undefined,
  ctx: CliContext,
  cores: number = availableParallelism(),
): WorkerCount {
  if (requested === undefined) return { size: cores, adaptive: true };
  if (requested <= cores) return { size: requested, adaptive: false };
  ctx.stderr(
    `hasim: --workers ${requested}: using ${cores}, the cores of this machine (more threads would not run faster)\n`,
  );
  return { size: cores, adaptive: false };
}
