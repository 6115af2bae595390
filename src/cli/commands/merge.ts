/** `hasim merge <parts…>`: combines the shard parts of one simulation into its result. */
import type { Command } from 'commander';
import { renderSimulationText } from '../../report/render-simulation-text.js';
import { buildMergedResult, mergeParts } from '../../sim/run/shard.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { readPartFile } from '../part-file.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

/** merge has no --force: --out replaces a regular file (never anything else). */
const OUT = { force: true, announce: false } as const;

export function registerMerge(program: Command, ctx: CliContext): Command {
  return program
    .command('merge')
    .description('combine the parts of a sharded `hasim simulate --shard i/n` run into one result')
    .argument('<parts...>', 'part files written by simulate --shard i/n --out <file>')
    .option('--out <file>', 'write the JSON result to a file')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nThe merged result is identical to one run of all the trials (same seed).\n' +
        'Every part is checked first: its fields, its digest (an edited part is refused), its shard\n' +
        'and trial range; an interrupted part is refused (run that shard again).\n' +
        'Exit codes: 2 a part is missing, damaged, edited, interrupted or from another run;\n' +
        'otherwise as simulate (3: an objective is missed).\n' +
        'Example: hasim merge part-0.json part-1.json part-2.json --json',
    )
    .action(async (files: string[], flags: { out?: string; json?: boolean }) => {
      await checkOutputFile(flags.out, OUT);
      const parts = [];
      for (const file of files) parts.push(await readPartFile(file));
      const merged = mergeParts(parts, files);
      if (!merged.ok) throw new UsageError(merged.message);
      const result = buildMergedResult(merged);
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (flags.json) ctx.stdout(json);
      if (flags.out !== undefined)
        await writeOutput(ctx, json, { ...OUT, out: flags.out, printed: flags.json === true });
      else if (!flags.json) ctx.stdout(renderSimulationText(result, ctx.style));
      if (result.objectives.some((o) => o.status === 'not-met'))
        ctx.exitCode = ExitCode.targetNotMet;
    });
}
