/** `hasim analyze <scenario>`: the exact steady-state availability; exit 3 when an objective is missed. */
import type { Command } from 'commander';
import { analyzeTopology } from '../../exact/analyze.js';
import { renderAnalysisText } from '../../report/render-analysis-text.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { refuseCostlyAnalysis } from '../cost-guard.js';
import { loadTopology } from '../load-topology.js';

interface AnalyzeOptions {
  json?: boolean;
}

export function registerAnalyze(program: Command, ctx: CliContext): Command {
  return program
    .command('analyze')
    .description('exact steady-state availability of every cluster and region, with its causes')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 2 invalid scenario, 3 an objective of the scenario is not met.\n' +
        'Example: hasim analyze scenarios/three-zone-stacked.yaml --json',
    )
    .action(async (file: string, options: AnalyzeOptions) => {
      const topology = await loadTopology(file, ctx);
      refuseCostlyAnalysis(file, topology);
      let result;
      try {
        result = analyzeTopology(topology);
      } catch (e) {
        // The engine's only refusal: a region of more than 30 zones (zone sets are bit masks).
        if (e instanceof RangeError) throw new UsageError(`${file}: ${e.message}`);
        throw e;
      }
      ctx.stdout(
        options.json
          ? `${JSON.stringify(result, null, 2)}\n`
          : renderAnalysisText(result, ctx.style),
      );
      ctx.exitCode = result.objectivesMet ? ExitCode.ok : ExitCode.targetNotMet;
    });
}
