/**
 * `hasim report <scenario|result.json>`: a report a design review can paste. A scenario is
 * analyzed exactly and simulated (seeded, modest trials); a saved result is rendered as it is.
 * Text, Markdown, self-contained HTML or JSON, on stdout or written atomically with --out.
 */
import { Option, type Command } from 'commander';
import type { AnalysisResult } from '../../exact/analyze.js';
import { analyzeTopology } from '../../exact/analyze.js';
import { readReportInput, type ReportInput } from '../../io/read-report-input.js';
import type { Topology } from '../../model/topology.js';
import { buildReport } from '../../report/build-report.js';
import {
  formatOfFile,
  renderReport,
  REPORT_FORMATS,
  type ReportFormat,
} from '../../report/render-report.js';
import type { Report } from '../../report/report.js';
import { PLAIN_STYLE } from '../../report/text-style.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadTopology } from '../load-topology.js';
import { parseIntegerOption, parseTrialsOption } from '../parse-options.js';
import { runSimulation } from '../run-simulation.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

/** Trials of the Monte Carlo step for a scenario: a second or two, enough for a review. */
export const DEFAULT_REPORT_TRIALS = 2000;

interface ReportFlags {
  format?: ReportFormat;
  out?: string;
  force?: boolean;
  scenario?: string;
  trials?: number;
  seed?: number;
  workers?: number;
  simulate: boolean;
}

export function registerReport(program: Command, ctx: CliContext): Command {
  return program
    .command('report')
    .description(
      'a report a design review can paste: Markdown, self-contained HTML with charts, JSON or text',
    )
    .argument(
      '<input>',
      'a scenario (analyzed and simulated) or a saved result: simulate, merge, analyze or plan --json, report --format json',
    )
    .addOption(
      new Option(
        '--format <format>',
        'text, md, html or json (default: from --out, else text)',
      ).choices(REPORT_FORMATS),
    )
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .option(
      '--scenario <file>',
      'with a saved result: its scenario, for the layout and the exact analysis',
    )
    .option(
      '--trials <N>',
      `Monte Carlo trials for a scenario (default ${DEFAULT_REPORT_TRIALS})`,
      parseTrialsOption,
    )
    .option('--seed <S>', "seed (default: the scenario's simulation.seed)", parseIntegerOption(0))
    .option(
      '--workers <N>',
      'worker threads (default: 1 up to 5000 trials, else all cores)',
      parseIntegerOption(1, 1024),
    )
    .option('--no-simulate', 'a scenario: the exact analysis only, no Monte Carlo')
    .addHelpText(
      'after',
      '\nA scenario gets the exact analysis (hasim analyze) and a seeded Monte Carlo run (hasim simulate);\n' +
        'the seed, trials and hasim version are in the report to replay it. A saved result is not\n' +
        'recomputed. Markdown stays under 65,536 characters; HTML needs no network (inline SVG and CSS).\n' +
        'Exit codes: 0 written (missed objectives are in the report; hasim analyze exits 3 on them),\n' +
        '2 bad usage or invalid input, 130 interrupted (nothing written).\n' +
        'Examples:\n' +
        '  hasim report scenarios/two-zone-etcd.yaml --format html --out reports/two-zone-etcd.html\n' +
        '  hasim report scenarios/three-zones-stacked.yaml --format md > review.md\n' +
        '  hasim simulate x.yaml --json --trials 20000 > run.json\n' +
        '  hasim report run.json --scenario x.yaml --out run.html\n' +
        '  hasim plan --regions 4 --tolerate 1 --json > plan.json && hasim report plan.json --format md',
    )
    .action(async (file: string, flags: ReportFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const format = formatFor(flags);
      const input = await readReportInput(file);
      const report = await buildFromInput(input, flags, ctx);
      if (report === null) {
        ctx.stderr('hasim: interrupted: no report written\n');
        ctx.exitCode = ExitCode.interrupted;
        return;
      }
      if (flags.out === undefined || flags.out === '-') {
        ctx.stdout(await renderReport(report, format, ctx.style));
        return;
      }
      const text = await renderReport(report, format, PLAIN_STYLE);
      await writeOutput(ctx, text, flags);
    });
}

// --- internal ---

function formatFor(flags: ReportFlags): ReportFormat {
  if (flags.format !== undefined) return flags.format;
  if (flags.out === undefined || flags.out === '-') return 'text';
  const implied = formatOfFile(flags.out);
  if (implied === null)
    throw new UsageError(
      `cannot tell the format from --out ${flags.out}: give --format text, md, html or json`,
    );
  return implied;
}

/** The report of the input; null when its simulation was interrupted. */
async function buildFromInput(
  input: ReportInput,
  flags: ReportFlags,
  ctx: CliContext,
): Promise<Report | null> {
  if (input.kind === 'invalid') throw new UsageError(input.problems.join('\n'));
  if (input.kind === 'scenario') {
    if (flags.scenario !== undefined)
      throw new UsageError(`--scenario is for a saved result; ${input.file} is a scenario already`);
    const topology = await loadTopology(input.file, ctx);
    const analysis = analyze(topology, input.file);
    if (!flags.simulate) return buildReport({ analysis, topology, scenarioFile: input.file });
    const simulation = await runSimulation(
      topology,
      {
        trials: flags.trials ?? DEFAULT_REPORT_TRIALS,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      },
      ctx,
      flags.workers,
    );
    if (simulation === null) return null;
    return buildReport({ analysis, simulation, topology, scenarioFile: input.file });
  }
  for (const [flag, value] of [
    ['--trials', flags.trials],
    ['--seed', flags.seed],
    ['--workers', flags.workers],
  ] as const) {
    if (value !== undefined)
      throw new UsageError(
        `${flag} is for a scenario; ${input.file} is a saved result, rendered as it is`,
      );
  }
  if (input.kind === 'plan') {
    if (flags.scenario !== undefined)
      throw new UsageError('--scenario is for a saved simulate or analyze result, not a plan');
    return buildReport({ plan: input.result });
  }
  if (input.kind === 'report') {
    if (flags.scenario !== undefined)
      throw new UsageError(`--scenario is not needed: ${input.file} carries its layout`);
    return buildReport({ ...input });
  }
  const topology =
    flags.scenario === undefined ? null : await scenarioOf(flags.scenario, input, ctx);
  const analysis =
    input.kind === 'analysis'
      ? input.result
      : topology === null
        ? null
        : analyze(topology, flags.scenario ?? '');
  return buildReport({
    analysis,
    simulation: input.kind === 'simulation' ? input.result : null,
    topology,
    scenarioFile: flags.scenario ?? null,
  });
}

async function scenarioOf(
  file: string,
  input: Extract<ReportInput, { kind: 'simulation' | 'analysis' }>,
  ctx: CliContext,
): Promise<Topology> {
  const topology = await loadTopology(file, ctx);
  if (topology.name !== input.result.scenario)
    throw new UsageError(
      `${input.file} is a result of scenario "${input.result.scenario}", but ${file} is "${topology.name}"`,
    );
  return topology;
}

function analyze(topology: Topology, file: string): AnalysisResult {
  try {
    return analyzeTopology(topology);
  } catch (e) {
    // The engine's only refusal: too many zones to enumerate partitions exactly.
    if (e instanceof RangeError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}
