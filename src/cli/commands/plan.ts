/**
 * `hasim plan`: clusters per mode, the control plane and workers of every cluster, VMs; with
 * targets (`--target-api 99.95`, or a scenario's objectives), the recommended layout, the front
 * of cost against each target and the Monte Carlo confirmation. Exit 3 when nothing meets them.
 */
import { Option, type Command } from 'commander';
import { ENDPOINT_KINDS, type EndpointKind, type EtcdPlacement } from '../../model/topology.js';
import { buildPlan } from '../../plan/build-plan.js';
import { PLAN_DEFAULTS, type PlanOptions, type PlanResult } from '../../plan/plan-result.js';
import { renderPlanText } from '../../report/render-plan-text.js';
import { renderRecommendationText } from '../../report/render-recommendation-text.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { parseIntegerOption } from '../parse-options.js';
import {
  PLAN_TARGET_HELP,
  addRecommenderOptions,
  recommendFromFlags,
  type RecommenderFlags,
} from '../plan-recommender.js';

interface PlanFlags extends RecommenderFlags {
  regions: number;
  tolerate: number;
  zonesPerRegion: number;
  nodesPerRegion: number;
  podsPerRegion?: number;
  zoneLosses?: number;
  etcd: EtcdPlacement;
  endpoint: EndpointKind;
  json?: boolean;
}

export function registerPlan(program: Command, ctx: CliContext): Command {
  const command = program
    .command('plan')
    .description(
      'how many clusters, masters, etcd members and workers: closed forms, no simulation',
    )
    .requiredOption('--regions <R>', 'regions with users (1–100)', parseIntegerOption(1, 100))
    .requiredOption(
      '--tolerate <U>',
      'clusters that may be unavailable at once (0–100)',
      parseIntegerOption(0, 100),
    )
    .option(
      '--zones-per-region <Z>',
      'zones in each region (1–16)',
      parseIntegerOption(1, 16),
      PLAN_DEFAULTS.zonesPerRegion,
    )
    .option(
      '--nodes-per-region <N>',
      "worker nodes one region's load needs, before headroom",
      parseIntegerOption(1, 10_000_000),
      PLAN_DEFAULTS.nodesPerRegion,
    )
    .option(
      '--pods-per-region <P>',
      `pods of one region's load (default ${PLAN_DEFAULTS.podsPerNode} per node)`,
      parseIntegerOption(0, 1_000_000_000),
    )
    .option(
      '--zone-losses <u>',
      'zone losses every cluster survives at full load (default 1; 0 with one zone)',
      parseIntegerOption(0, 15),
    )
    .addOption(
      new Option('--etcd <placement>', 'where etcd runs')
        .choices(['stacked', 'external'])
        .default(PLAN_DEFAULTS.etcd),
    )
    .addOption(
      new Option('--endpoint <kind>', 'the API endpoint')
        .choices(ENDPOINT_KINDS)
        .default(PLAN_DEFAULTS.endpoint),
    )
    .option('--json', 'print the plan as JSON on stdout');
  return addRecommenderOptions(command)
    .addHelpText(
      'after',
      '\nModes: local R·(U+1) clusters (every region keeps its own), failover with capacity\n' +
        'R+U (each cluster sized for one region), failover availability only max(R, U+1).\n' +
        'A region too big for one cluster (5,000 nodes, 150,000 pods, 110 pods/node) is split.\n' +
        'Every cluster gets the fewest etcd members (3, 5 or 7) whose even spread over the zones\n' +
        'keeps quorum after --zone-losses zone losses, and workers with (Z−u)/Z headroom.\n' +
        'Zones are named z1, z2, …; regions r1, r2, …. Details: docs/quorum.md.\n' +
        PLAN_TARGET_HELP +
        '\nExamples:\n' +
        '  hasim plan --regions 4 --tolerate 1 --zones-per-region 3 --json\n' +
        '  hasim plan --regions 4 --tolerate 1 --target-api 99.95\n' +
        '  hasim plan --regions 2 --tolerate 1 --target-api 99.99 --target-served 99.99 \\\n' +
        '    --mode failover --users 3,1 --cost-vm 1200 --cost-lb 200 --emit-scenario plan.yaml\n' +
        '  hasim plan --regions 1 --tolerate 0 --from scenarios/three-zones-stacked.yaml',
    )
    .action(async (flags: PlanFlags) => {
      const options: PlanOptions = {
        regions: flags.regions,
        tolerate: flags.tolerate,
        zonesPerRegion: flags.zonesPerRegion,
        nodesPerRegion: flags.nodesPerRegion,
        etcd: flags.etcd,
        endpoint: flags.endpoint,
        ...(flags.podsPerRegion === undefined ? {} : { podsPerRegion: flags.podsPerRegion }),
        ...(flags.zoneLosses === undefined ? {} : { zoneLosses: flags.zoneLosses }),
      };
      const counts = buildOrExplain(() => buildPlan(options));
      const plan = await recommendFromFlags(counts, flags, ctx, (run) => buildOrExplain(run));
      ctx.stdout(
        flags.json
          ? `${JSON.stringify(plan, null, 2)}\n`
          : renderPlanText(plan, ctx.style) + withGap(renderRecommendationText(plan, ctx.style)),
      );
      ctx.exitCode =
        plan.targets !== undefined && !plan.recommended ? ExitCode.targetNotMet : ExitCode.ok;
    });
}

// --- internal ---

/** The core rejects combinations flags cannot (e.g. --zone-losses ≥ --zones-per-region). */
function buildOrExplain(run: () => PlanResult): PlanResult {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message.replace(PLAN_OPTION_NAMES, flagOf));
    throw e;
  }
}

function withGap(text: string): string {
  return text === '' ? '' : `\n${text}`;
}

const PLAN_OPTION_NAMES =
  /\b(regions|tolerate|zonesPerRegion|nodesPerRegion|podsPerRegion|zoneLosses|users)\b/g;

function flagOf(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
