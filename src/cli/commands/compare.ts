/** `hasim compare <a> <b>`: two designs side by side, exactly: downtime, causes, cost. */
import { Option, type Command } from 'commander';
import { analyzeTopology } from '../../exact/analyze.js';
import { buildComparison, type ComparedDesign } from '../../report/build-comparison.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../report/render-comparison.js';
import { PLAIN_STYLE } from '../../report/text-style.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { loadTopology } from '../load-topology.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

interface CompareFlags {
  format?: 'text' | 'md' | 'json';
  json?: boolean;
  out?: string;
  force?: boolean;
}

export function registerCompare(program: Command, ctx: CliContext): Command {
  return program
    .command('compare')
    .description('two designs side by side: downtime per metric, the causes that differ, cost')
    .argument('<a>', 'scenario A (YAML or JSON)')
    .argument('<b>', 'scenario B')
    .addOption(
      new Option('--format <format>', 'text, md or json (default text)').choices([
        'text',
        'md',
        'json',
      ]),
    )
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .addHelpText(
      'after',
      '\nBoth designs are analyzed exactly (hasim analyze). Clusters and regions are paired by name,\n' +
        'or in file order when the names differ. "B − A" is negative when B is down less.\n' +
        "Costs use each scenario's cost: (default 1 per VM-year, 0 per load balancer).\n" +
        'Exit codes: 0 compared, 2 bad usage or an invalid scenario.\n' +
        'Examples:\n' +
        '  hasim compare scenarios/two-zone-etcd.yaml scenarios/three-zones-stacked.yaml\n' +
        '  hasim compare a.yaml b.yaml --format md > comparison.md',
    )
    .action(async (fileA: string, fileB: string, flags: CompareFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      if (flags.json && flags.format !== undefined && flags.format !== 'json')
        throw new UsageError(`--json and --format ${flags.format} disagree; give one of them`);
      const format = flags.json ? 'json' : (flags.format ?? 'text');
      const a = await design(fileA, ctx);
      const b = await design(fileB, ctx);
      const comparison = buildComparison(a, b);
      const text =
        format === 'json'
          ? `${JSON.stringify(comparison, null, 2)}\n`
          : format === 'md'
            ? renderComparisonMarkdown(comparison)
            : renderComparisonText(comparison, flags.out === undefined ? ctx.style : PLAIN_STYLE);
      await writeOutput(ctx, text, flags);
    });
}

// --- internal ---

async function design(file: string, ctx: CliContext): Promise<ComparedDesign> {
  const topology = await loadTopology(file, ctx);
  try {
    return { file, topology, analysis: analyzeTopology(topology) };
  } catch (e) {
    // The engine's only refusal: too many zones to enumerate partitions exactly.
    if (e instanceof RangeError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}
