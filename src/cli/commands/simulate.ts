/**
 * `hasim simulate <scenario>`: the Monte Carlo run on worker threads, a shard of it, or the
 * timeline of the scenario's events. Reads, calls the core, renders, writes; exit 3 when an
 * objective is certainly missed.
 */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { ZERO_TIMERS } from '../../model/defaults.js';
import type { Topology } from '../../model/topology.js';
import { renderSimulationText, renderTimelineText } from '../../report/render-simulation-text.js';
import { createRunPlan, emptySumsFor, type SimulationMethod } from '../../sim/run/run-plan.js';
import { buildPart, shardRequests, type Shard } from '../../sim/run/shard.js';
import { parseShardOption, resolveShard, type ShardOption } from '../shard-option.js';
import { driveSteps } from '../../sim/run/simulate-async.js';
import {
  betasOf,
  resolveSpec,
  resultOf,
  type RangeRequest,
  type SimulateOptions,
} from '../../sim/run/simulate.js';
import type { ImportanceGroup } from '../../sim/engine/rng.js';
import type { RunSums } from '../../sim/stats/run-sums.js';
import { simulateTimeline } from '../../sim/engine/timeline.js';
import { WorkerPool, type PoolRun } from '../../sim/run/worker-pool.js';
import { estimateEventsPerTrial } from '../../sim/run/simulation-cost.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadTopology } from '../load-topology.js';
import {
  parseDurationOption,
  parseIntegerOption,
  parseNonNegativeDurationOption,
  parseNumberOption,
  parseObjectivesOption,
  parseTrialsOption,
} from '../parse-options.js';
import { refuseCostlySimulation } from '../cost-guard.js';
import { createProgress } from '../progress.js';
import { partText } from '../part-file.js';
import { checkOutputFile, writeOutput } from '../write-output.js';
import { resolveWorkers } from '../worker-count.js';

interface SimulateFlags {
  trials?: number;
  seed?: number;
  horizon?: number;
  workers?: number;
  precision?: number;
  maxTrials?: number;
  method: SimulationMethod;
  zeroTimers?: boolean;
  timeline?: boolean;
  withRandom?: boolean;
  shard?: ShardOption;
  out?: string;
  json?: boolean;
  slo?: Record<string, number>;
  minOutage?: number;
}

export function registerSimulate(program: Command, ctx: CliContext): Command {
  return program
    .command('simulate')
    .description(
      'Monte Carlo failure simulation: availability, outages and data loss with 95 % intervals',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--trials <N>', "trials (default: the scenario's simulation.trials)", parseTrialsOption)
    .option('--seed <S>', "seed (default: the scenario's simulation.seed)", parseIntegerOption(0))
    .option(
      '--horizon <duration>',
      "simulated time per trial, e.g. 1y, 30d (default: the scenario's)",
      parseDurationOption,
    )
    .option(
      '--workers <N>',
      `worker threads, at most the cores (${availableParallelism()} here; default: as many as the run's size pays for)`,
      parseIntegerOption(1, 1024),
    )
    .option(
      '--precision <r>',
      "add trials until every downtime interval's relative half-width is ≤ r",
      parseNumberOption(0, 1, { exclusiveMin: true }),
    )
    .option(
      '--max-trials <N>',
      'trial budget with --precision, per pass (plain, and each importance-sampling pass), at least --trials (default: 100 × --trials)',
      parseTrialsOption,
    )
    .addOption(
      new Option(
        '--method <m>',
        'plain sampling, importance sampling, or auto: importance sampling for outages plain trials barely see',
      )
        .choices(['auto', 'plain', 'importance'])
        .default('auto'),
    )
    .option('--zero-timers', 'set every Kubernetes timer to 0 (what `hasim analyze` computes)')
    .option(
      '--timeline',
      "print each predicate's changes for the scenario's events, no random failures",
    )
    .option(
      '--with-random',
      "run the scenario's events on top of random failures (in every trial; with --timeline, in trial 0)",
    )
    .option(
      '--shard <i/n>',
      'run shard i (0-based) of n; needs --out; combine with `hasim merge`. auto/n: i from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)',
      parseShardOption,
    )
    .option(
      '--slo <metric=percent>',
      "objectives to check and show month by month (the SLA view), e.g. api=99.95; added to the scenario's",
      parseObjectivesOption,
    )
    .option(
      '--min-outage <duration>',
      'SLA-style accounting counts only outages at least this long (default 5m, as GKE counts)',
      parseNonNegativeDurationOption,
    )
    .option('--out <file>', 'write the JSON result (or the shard part) to a file')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nResults are identical for any --workers and for shards merged with `hasim merge`.\n' +
        'Exit codes: 0 ok; 2 bad usage or invalid scenario; 3 an objective is missed: the upper end\n' +
        "of the 95 % interval of a metric's availability is below the scenario's objective.\n" +
        'Ctrl-C stops after the trials in flight, reports what was done and exits 130 (a shard\n' +
        'writes its part marked interrupted, which hasim merge refuses).\n' +
        '--out writes a regular file only (docs/output-files.md); a directory, device or pipe is refused.\n' +
        'Examples:\n  hasim simulate scenarios/three-zones-stacked.yaml --trials 20000 --seed 1 --json\n' +
        '  hasim simulate scenarios/zone-outage-during-upgrade.yaml --timeline\n' +
        '  hasim simulate big.yaml --shard 0/8 --out part-0.json   # then: hasim merge part-*.json',
    )
    .action(async (file: string, flags: SimulateFlags) => {
      if (flags.shard !== undefined && flags.out === undefined)
        throw new UsageError('--shard needs --out <file>');
      if (flags.shard !== undefined && (flags.precision !== undefined || flags.timeline))
        throw new UsageError(
          '--shard runs a fixed number of trials: not with --precision or --timeline',
        );
      if (flags.maxTrials !== undefined && flags.precision === undefined)
        throw new UsageError('--max-trials is the budget of --precision; give --precision too');
      if (
        flags.maxTrials !== undefined &&
        flags.trials !== undefined &&
        flags.maxTrials < flags.trials
      )
        throw new UsageError(
          `--max-trials ${flags.maxTrials} is below --trials ${flags.trials}: the budget caps every trial run, so raise it or ask for fewer trials`,
        );
      const shard = flags.shard === undefined ? undefined : resolveShard(flags.shard, ctx.env);
      // A path hasim will not write is refused now, not after the run (docs/output-files.md).
      await checkOutputFile(flags.out, OUT);
      const topology = await loadTopology(file, ctx);
      if (flags.zeroTimers) topology.timers = structuredClone(ZERO_TIMERS);
      if (flags.slo !== undefined) topology.objectives = { ...topology.objectives, ...flags.slo };
      if (flags.timeline) {
        const r = simulateTimeline(topology, {
          withRandom: flags.withRandom === true,
          ...(flags.horizon === undefined ? {} : { horizonHours: flags.horizon }),
          ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        });
        await emit(ctx, flags, `${JSON.stringify(r, null, 2)}\n`, () =>
          renderTimelineText(r, ctx.style),
        );
        return;
      }
      const options: SimulateOptions = {
        method: flags.method,
        withEvents: flags.withRandom === true,
        ...(flags.trials === undefined ? {} : { trials: flags.trials }),
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        ...(flags.horizon === undefined ? {} : { horizonHours: flags.horizon }),
        ...(flags.precision === undefined ? {} : { precision: flags.precision }),
        ...(flags.maxTrials === undefined ? {} : { maxTrials: flags.maxTrials }),
        ...(flags.minOutage === undefined ? {} : { minOutageHours: flags.minOutage }),
      };
      const trials = options.trials ?? topology.simulation.trials;
      if (shard !== undefined && shard.count > trials)
        throw new UsageError(
          `--shard ${shard.index}/${shard.count}: more shards than the ${trials} trials; use at most ${trials}`,
        );
      refuseCostlySimulation(file, topology, {
        trials,
        horizonHours: options.horizonHours ?? topology.simulation.horizonHours,
        workers: flags.workers ?? availableParallelism(),
        method: flags.method,
        ...(shard === undefined ? {} : { shard }),
      });
      await run(topology, options, flags, shard, ctx, file);
    });
}

// --- internal ---

/** The shell's code for a run stopped by Ctrl-C (128 + SIGINT): its result is partial. */
const INTERRUPTED = ExitCode.interrupted;

/** simulate has no --force: --out replaces a regular file (never anything else). */
const OUT = { force: true, announce: false } as const;

async function run(
  topology: Topology,
  options: SimulateOptions,
  flags: SimulateFlags,
  shard: Shard | undefined,
  ctx: CliContext,
  scenarioFile: string,
): Promise<void> {
  const spec = resolveSpec(topology, options);
  const plan = createRunPlan(topology, spec);
  const empty = emptySumsFor(plan, 'plain');
  const workers = resolveWorkers(flags.workers, ctx);
  const pool = new WorkerPool(
    topology,
    spec,
    workers.size,
    {
      predicates: empty.predicates.length,
      clusters: empty.clusters.length,
      slo: empty.slo.length,
      eventsPerTrial: estimateEventsPerTrial(topology, spec.horizonHours),
    },
    { adaptive: workers.adaptive },
  );
  const progress = createProgress(ctx, flags.json === true);
  const onInterrupt = (): void => pool.stop();
  process.once('SIGINT', onInterrupt);
  try {
    const runner = async (request: RangeRequest): Promise<PoolRun> => {
      progress.start(
        request.to - request.from,
        request.stream === 'plain' ? 'trials' : request.stream,
      );
      const r = await pool.run(request, (done) => progress.update(done));
      progress.stop();
      return r;
    };
    if (shard !== undefined) {
      const trials = options.trials ?? topology.simulation.trials;
      const requests = shardRequests(spec, trials, shard);
      let plain = empty;
      let stopped = false;
      const importance: Partial<Record<ImportanceGroup, RunSums>> = {};
      for (const request of requests) {
        const r = await runner(request);
        if (request.stream === 'plain') plain = r.sums;
        else importance[request.stream] = r.sums;
        if (r.stopped) {
          stopped = true;
          break;
        }
      }
      const part = buildPart(topology, spec, trials, betasOf(plan), shard, plain, importance, {
        interrupted: stopped,
        scenarioFile,
      });
      const range = requests[0];
      const trialsText = `trials ${range?.from ?? 0}–${(range?.to ?? 0) - 1}`;
      await writeOutput(ctx, partText(part), { ...OUT, out: flags.out ?? '-' });
      if (stopped) {
        ctx.stderr(
          `hasim: interrupted: shard ${shard.index}/${shard.count} is incomplete (${plain.trials} of its ${(range?.to ?? 0) - (range?.from ?? 0)} trials done${requests.length > 1 ? ', importance-sampling passes cut short' : ''}); ` +
            `${flags.out ?? ''} is marked interrupted and hasim merge refuses it: run the shard again\n`,
        );
        ctx.exitCode = INTERRUPTED;
        return;
      }
      ctx.stderr(
        `hasim: wrote shard ${shard.index}/${shard.count} (${trialsText}) to ${flags.out ?? ''}\n`,
      );
      return;
    }
    const outcome = await driveSteps(plan, options, topology.simulation.trials, runner);
    const result = resultOf(topology, plan, outcome);
    if (outcome.stop.reason === 'interrupted' && result.trials < 2) {
      // No interval can be honest before two trials have finished: report nothing, not [0, 0].
      ctx.stderr(
        `hasim: interrupted after ${result.trials} trial${result.trials === 1 ? '' : 's'}: too few for an interval, no result written\n`,
      );
      ctx.exitCode = INTERRUPTED;
      return;
    }
    await emit(ctx, flags, `${JSON.stringify(result, null, 2)}\n`, () =>
      renderSimulationText(result, ctx.style),
    );
    if (result.objectives.some((o) => o.status === 'not-met')) ctx.exitCode = ExitCode.targetNotMet;
    if (outcome.stop.reason === 'interrupted') {
      ctx.stderr(`hasim: interrupted: ${interruptedText(result.trials, options, outcome.stop)}\n`);
      ctx.exitCode = INTERRUPTED;
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.stop();
    await pool.close();
  }
}

async function emit(
  ctx: CliContext,
  flags: SimulateFlags,
  json: string,
  text: () => string,
): Promise<void> {
  if (flags.json) ctx.stdout(json);
  if (flags.out !== undefined)
    await writeOutput(ctx, json, { ...OUT, out: flags.out, printed: flags.json === true });
  else if (!flags.json) ctx.stdout(text());
}

/**
 * What Ctrl-C left: the trials done, of the --trials asked for, or with --precision of the
 * --max-trials budget (the run adds trials until the precision is met, so --trials is only its
 * first batch).
 */
export function interruptedText(
  done: number,
  options: SimulateOptions,
  stop: { trialsRequested: number },
): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  if (options.precision === undefined)
    return `${n(done)} of ${n(stop.trialsRequested)} trials done`;
  const budget = Math.max(stop.trialsRequested, options.maxTrials ?? stop.trialsRequested * 100);
  return `${n(done)} trials done (of a budget of ${n(budget)}) before precision ${options.precision} was met; stopped by Ctrl-C`;
}
