/**
 * The recommender's flags of `hasim plan` and their wiring: targets from flags or from the
 * `--from` scenario's objectives, the cost model, the Monte Carlo confirmation, and the
 * `--emit-scenario` file written atomically. The search itself is the pure `recommendLayout`.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_SIMULATION } from '../model/defaults.js';
import type { Topology } from '../model/topology.js';
import { buildCandidateScenario } from '../plan/candidate-scenario.js';
import { buildCostModel } from '../plan/candidate-cost.js';
import {
  PLAN_METRICS,
  type EvaluatedMode,
  type PlanMetric,
  type PlanResult,
  type PlanTargets,
} from '../plan/plan-result.js';
import {
  buildPlanDeployment,
  MAX_RECOMMENDER_ZONES,
  recommendLayout,
  type RecommendOptions,
} from '../plan/recommend-layout.js';
import { renderScenarioYaml } from '../report/render-scenario-yaml.js';
import { VERSION } from '../version.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { loadTopology } from './load-topology.js';
import { parseIntegerOption, parseNumberOption } from './parse-options.js';
import { createProgress } from './progress.js';
import { checkOutputFile, writeOutput } from './write-output.js';

export interface RecommenderFlags {
  /** One per target flag: `targetApi` for --target-api, … (TARGET_FLAGS). */
  [target: `target${string}`]: number | undefined;
  mode: 'local' | 'failover';
  users?: number[];
  from?: string;
  costVm?: number;
  costLb?: number;
  seed?: number;
  trials: number;
  confirm: boolean;
  emitScenario?: string;
  force?: boolean;
  json?: boolean;
}

/** Trials of the confirming Monte Carlo run unless `--trials` says otherwise. */
export const CONFIRM_TRIALS = 2000;

export const PLAN_TARGET_HELP =
  '\nWith a target (--target-api 99.95, or the objectives of --from x.yaml) plan recommends a\n' +
  'layout: every cluster of the mode gets one candidate layout (masters 1/3/5/7 over 1..Z\n' +
  'zones, stacked or external etcd of 3/5/7, every endpoint kind, workers for 0 or 1 zone\n' +
  'losses, graceful or abrupt upgrades, changes all at once or in waves); the exact engine\n' +
  'evaluates every candidate (4,080 with 3 zones: a few seconds) and the cheapest meeting\n' +
  'every target wins (cluster targets on the worst cluster, served on the worst region,\n' +
  'usersServed on the deployment), confirmed by a seeded Monte Carlo run with the default\n' +
  'timers. Costs are per year: 1 per VM and 0 per load balancer unless --from x.yaml has\n' +
  `cost: or --cost-vm/--cost-lb say otherwise. At most ${MAX_RECOMMENDER_ZONES} zones per region.\n` +
  'Exit 3 when no candidate meets the targets.\n' +
  'Details: docs/recommender.md.\n';

/** The target flags, in `--help` order: metric, flag (`--target-<flag>`), help. */
const TARGET_FLAGS: {
  metric: PlanMetric;
  flag: string;
  option: `target${string}`;
  help: string;
}[] = [
  {
    metric: 'api',
    flag: 'api',
    option: 'targetApi',
    help: 'recommend a layout whose api meets this (e.g. 99.95)',
  },
  {
    metric: 'workloads',
    flag: 'workloads',
    option: 'targetWorkloads',
    help: 'workloads target, percent',
  },
  {
    metric: 'served',
    flag: 'served',
    option: 'targetServed',
    help: "served target (every region's users), percent",
  },
  {
    metric: 'usersServed',
    flag: 'users-served',
    option: 'targetUsersServed',
    help: 'usersServed target (the share of users served, weighted by --users), percent',
  },
  {
    metric: 'etcdQuorum',
    flag: 'etcd-quorum',
    option: 'targetEtcdQuorum',
    help: 'etcdQuorum target, percent',
  },
  {
    metric: 'scheduling',
    flag: 'scheduling',
    option: 'targetScheduling',
    help: 'scheduling target, percent',
  },
];

/** Adds the recommender's flags to the plan command. */
export function addRecommenderOptions(command: Command): Command {
  const percent = parseNumberOption(0, 100, { exclusiveMin: true });
  for (const t of TARGET_FLAGS) command.option(`--target-${t.flag} <percent>`, t.help, percent);
  return command
    .addOption(
      new Option('--mode <mode>', 'the clusters every candidate is evaluated in: R·(U+1) or R+U')
        .choices(['local', 'failover'])
        .default('local'),
    )
    .option('--users <shares>', 'user shares per region, e.g. 4,3,2,1 (default equal)', parseShares)
    .option(
      '--from <scenario>',
      'take failures:, backup:, timers:, cost: and objectives: from a scenario',
    )
    .option('--cost-vm <cost>', 'yearly cost of one VM (default 1)', parseNumberOption(0))
    .option(
      '--cost-lb <cost>',
      'yearly cost of one cloud load balancer (default 0)',
      parseNumberOption(0),
    )
    .option(
      '--seed <S>',
      'seed of the confirming Monte Carlo run (default 1)',
      parseIntegerOption(0),
    )
    .option(
      '--trials <N>',
      `trials of the confirming Monte Carlo run`,
      parseIntegerOption(1, 1_000_000),
      CONFIRM_TRIALS,
    )
    .option('--no-confirm', 'skip the confirming Monte Carlo run')
    .option('--emit-scenario <file>', 'write the recommended layout as a commented scenario file')
    .option('--force', 'with --emit-scenario: replace an existing file');
}

/**
 * The plan with the recommender's fields when there is a target; writes `--emit-scenario`.
 * @param explain turns the core's RangeErrors into usage errors naming the flags
 */
export async function recommendFromFlags(
  plan: PlanResult,
  flags: RecommenderFlags,
  ctx: CliContext,
  explain: (run: () => PlanResult) => PlanResult,
): Promise<PlanResult> {
  const from = flags.from === undefined ? undefined : await loadTopology(flags.from, ctx);
  const targets = targetsOf(flags, from, ctx);
  if (Object.keys(targets).length === 0) {
    if (flags.emitScenario !== undefined || flags.from !== undefined) {
      throw new UsageError(
        `${flags.from === undefined ? '--emit-scenario' : `${flags.from} has no objective a plan can target, so --from`} ` +
          'needs a target to recommend a layout: add --target-api 99.95 (or --target-workloads, --target-served)',
      );
    }
    return plan;
  }
  const output = { flag: '--emit-scenario', force: flags.force === true };
  if (flags.emitScenario !== undefined) await checkOutputFile(flags.emitScenario, output);
  const options: RecommendOptions = {
    targets,
    mode: (flags.mode === 'local' ? 'local' : 'failoverWithCapacity') satisfies EvaluatedMode,
    ...(flags.users === undefined ? {} : { users: flags.users }),
    ...(from === undefined || flags.from === undefined
      ? {}
      : { from: { file: flags.from, topology: from } }),
    cost: buildCostModel(from?.cost, {
      ...(flags.costVm === undefined ? {} : { vm: flags.costVm }),
      ...(flags.costLb === undefined ? {} : { loadBalancer: flags.costLb }),
    }),
    simulation: flags.confirm
      ? {
          seed: flags.seed ?? from?.simulation.seed ?? DEFAULT_SIMULATION.seed,
          trials: flags.trials,
        }
      : null,
  };
  const progress = createProgress(ctx, flags.json === true);
  let started = false;
  let result: PlanResult;
  try {
    result = explain(() =>
      recommendLayout(plan, {
        ...options,
        onProgress: (done, total) => {
          if (!started) progress.start(total, 'candidates');
          started = true;
          progress.update(done);
        },
      }),
    );
  } finally {
    progress.stop();
  }
  if (flags.emitScenario !== undefined) {
    if (result.recommended) {
      const file = buildCandidateScenario(
        buildPlanDeployment(plan, options),
        result.recommended.layout,
      );
      await writeOutput(ctx, renderScenarioYaml(file, result, result.recommended, VERSION), {
        ...output,
        out: flags.emitScenario,
      });
    } else {
      ctx.stderr(`hasim: nothing written to ${flags.emitScenario}: no layout meets the targets\n`);
    }
  }
  return result;
}

// --- internal ---

function targetsOf(
  flags: RecommenderFlags,
  from: Topology | undefined,
  ctx: CliContext,
): PlanTargets {
  const targets: PlanTargets = {};
  for (const t of TARGET_FLAGS) {
    const percent = flags[t.option];
    if (percent !== undefined) targets[t.metric] = percent;
  }
  if (Object.keys(targets).length > 0 || from === undefined) return targets;
  for (const [metric, percent] of Object.entries(from.objectives)) {
    if (percent === undefined) continue;
    if ((PLAN_METRICS as readonly string[]).includes(metric)) {
      targets[metric as PlanMetric] = percent;
    } else {
      ctx.stderr(
        `hasim: ${flags.from ?? ''}: objective ${metric} (${percent} %) is not a plan target ` +
          `(${PLAN_METRICS.join(', ')}); ignored\n`,
      );
    }
  }
  return targets;
}

function parseShares(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  const shares = parts.map(Number);
  if (parts.some((p) => p === '') || shares.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new InvalidArgumentError(
      `expected user shares ≥ 0 separated by commas (e.g. 4,3,2,1), got "${value}"`,
    );
  }
  return shares;
}
