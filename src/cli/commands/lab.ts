/**
 * `hasim lab <scenario>`: runs the cluster's etcd placement as real etcd processes, applies the
 * scenario's faults (or a sweep), and prints hasim's prediction beside what etcd did. Exit 3 when
 * they disagree; 2 when the lab cannot run here (no etcd); 130 on Ctrl-C (partial result first).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { buildLabPlan, defaultExperiments } from '../../lab/build-lab-plan.js';
import { buildLabResult } from '../../lab/build-lab-result.js';
import { ETCD_DEFAULT_TIMERS, PROBE_DEFAULTS, probeTimeoutMs } from '../../lab/lab-plan.js';
import { LAB_EXPERIMENTS, type LabExperiment } from '../../lab/lab-result.js';
import { findEtcd } from '../../lab-run/find-etcd.js';
import { runLabInRunner } from '../../lab-run/spawn-runner.js';
import { parseDuration } from '../../model/units.js';
import { renderLabText } from '../../report/render-lab-text.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadTopology } from '../load-topology.js';
import { parseIntegerOption } from '../parse-options.js';

interface LabFlags {
  cluster?: string;
  etcdBin?: string;
  hold: number;
  experiments?: LabExperiment[];
  kills: number;
  heartbeat: number;
  electionTimeout: number;
  namespaces: boolean;
  json?: boolean;
}

/** Adds `hasim lab` to the program. */
export function registerLab(program: Command, ctx: CliContext): Command {
  return program
    .command('lab')
    .description(
      "check hasim's predictions against a real etcd: run the placement, apply the faults, compare",
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--cluster <name>', "the cluster whose etcd runs (default: the scenario's first)")
    .option(
      '--etcd-bin <path>',
      'the etcd binary (default: etcd on PATH; etcdctl is looked up beside it)',
    )
    .addOption(
      new Option('--hold <duration>', 'how long each phase is held, at least 1s')
        .argParser(parseHold)
        .default(5000, '5s'),
    )
    .option(
      '--experiments <list>',
      `what to run, comma-separated: ${LAB_EXPERIMENTS.join(', ')} (default: events, or zones when the scenario has none)`,
      parseExperiments,
    )
    .option(
      '--kills <n>',
      'leader kills for the elections experiment',
      parseIntegerOption(1, 100),
      10,
    )
    .addOption(
      new Option('--heartbeat <ms>', "etcd's --heartbeat-interval")
        .argParser(parseIntegerOption(1, 10_000))
        .default(ETCD_DEFAULT_TIMERS.heartbeatMs, `${ETCD_DEFAULT_TIMERS.heartbeatMs}, etcd's`),
    )
    .addOption(
      new Option('--election-timeout <ms>', "etcd's --election-timeout, at least 5 × the heartbeat")
        .argParser(parseIntegerOption(5, 50_000))
        .default(ETCD_DEFAULT_TIMERS.electionMs, `${ETCD_DEFAULT_TIMERS.electionMs}, etcd's`),
    )
    .option(
      '--no-namespaces',
      'run every member on 127.0.0.1 without network namespaces (no partitions)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      "\nExperiments: events replays the scenario's events: in order, each phase held for --hold;\n" +
        'zones takes down every zone and every pair of zones; partitions cuts every two-way split\n' +
        "of the zones; disks loses one member's data dir (member remove/add) and then a majority's\n" +
        '(restore from a snapshot); elections kills the leader --kills times and measures the gap.\n' +
        'Partitions need network namespaces and nftables (root, or user namespaces); without them\n' +
        'the lab says so and runs the rest. Needs etcd ≥ 3.4 (Debian: apt-get install etcd-server\n' +
        'etcd-client). Everything it starts is stopped and its temporary folder removed, Ctrl-C included.\n' +
        'Exit codes: 0 every prediction held; 2 bad usage, invalid scenario, or the lab cannot run here;\n' +
        '3 a prediction and an observation disagree; 130 interrupted (the partial result is printed).\n' +
        'Examples:\n  hasim lab scenarios/two-zone-etcd.yaml\n' +
        '  hasim lab scenarios/three-zones-stacked.yaml --experiments zones,partitions --hold 2s\n' +
        '  hasim lab scenarios/external-etcd-five.yaml --experiments elections --kills 10 --json',
    )
    .action(async (file: string, flags: LabFlags) => {
      if (flags.electionTimeout < 5 * flags.heartbeat) {
        throw new UsageError(
          `--election-timeout ${flags.electionTimeout} must be at least 5 × --heartbeat ${flags.heartbeat} (etcd refuses less)`,
        );
      }
      const topology = await loadTopology(file, ctx);
      const experiments = flags.experiments ?? defaultExperiments(topology);
      const built = buildLabPlan(topology, {
        ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
        experiments,
        leaderKills: flags.kills,
        timing: {
          heartbeatMs: flags.heartbeat,
          electionMs: flags.electionTimeout,
          holdMs: flags.hold,
          ...PROBE_DEFAULTS,
          probeTimeoutMs: probeTimeoutMs(flags.hold),
        },
      });
      if (!built.ok) throw new UsageError(built.error);
      const etcd = await findEtcd(flags.etcdBin, ctx.env);
      if (!etcd.ok) throw new UsageError(etcd.error);
      const abort = new AbortController();
      const onSignal = (): void => abort.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const outcome = await runLabInRunner(built.setup.plan, etcd.value, {
          noNamespaces: !flags.namespaces,
          progress: (m) => {
            if (ctx.isTTY && flags.json !== true) ctx.stderr(`hasim lab: ${m}\n`);
          },
          signal: abort.signal,
        });
        if (!outcome.ok) throw new UsageError(`the lab could not run: ${outcome.error}`);
        const result = buildLabResult(topology, built.setup, outcome.observation, experiments);
        ctx.stdout(
          flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderLabText(result, ctx.style),
        );
        if (result.summary.disagreed > 0) ctx.exitCode = ExitCode.targetNotMet;
        if (result.interrupted) {
          ctx.stderr('hasim: interrupted: every etcd stopped, the temporary folder removed\n');
          ctx.exitCode = ExitCode.interrupted;
        }
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    });
}

// --- internal ---

function parseHold(value: string): number {
  const hours = parseDuration(value.trim());
  const ms = hours === undefined ? NaN : Math.round(hours * 3_600_000);
  if (!(ms >= 1000 && ms <= 3_600_000)) {
    throw new InvalidArgumentError(`expected a duration from 1s to 1h, e.g. 5s, got "${value}"`);
  }
  return ms;
}

function parseExperiments(value: string): LabExperiment[] {
  const parts = value.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(LAB_EXPERIMENTS as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) {
    throw new InvalidArgumentError(
      `expected some of ${LAB_EXPERIMENTS.join(', ')} separated by commas, got "${value}"`,
    );
  }
  return [...new Set(parts as LabExperiment[])];
}
