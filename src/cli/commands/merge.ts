/** `hasim merge <parts…>`: combines the shard parts of one simulation into its result. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { renderSimulationText } from '../../report/render-simulation-text.js';
import {
  buildMergedResult,
  mergeParts,
  PART_VERSION,
  type SimulationPart,
} from '../../sim/run/shard.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

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
        'Exit codes: as simulate (3: an objective is missed).\n' +
        'Example: hasim merge part-0.json part-1.json part-2.json --json',
    )
    .action(async (files: string[], flags: { out?: string; json?: boolean }) => {
      const parts = await Promise.all(files.map((f) => readPart(f)));
      const merged = mergeParts(parts);
      if (!merged.ok) throw new UsageError(merged.message);
      const result = buildMergedResult(merged);
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (flags.out !== undefined) await writeFileAtomic(flags.out, json);
      if (flags.json) ctx.stdout(json);
      else if (flags.out === undefined) ctx.stdout(renderSimulationText(result, ctx.style));
      if (result.objectives.some((o) => o.status === 'not-met'))
        ctx.exitCode = ExitCode.targetNotMet;
    });
}

// --- internal ---

async function readPart(file: string): Promise<SimulationPart> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(
      `${file}: cannot read a part (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const v = value as { kind?: unknown; version?: unknown } | null;
  if (v?.kind === 'simulation-part' && v.version !== PART_VERSION) {
    throw new UsageError(
      `${file}: part format ${String(v.version)} is from another version of hasim (this one reads ${PART_VERSION}); run the shards again`,
    );
  }
  if (
    v === null ||
    typeof v !== 'object' ||
    v.kind !== 'simulation-part' ||
    v.version !== PART_VERSION
  ) {
    throw new UsageError(
      `${file} is not a simulation part (write one with simulate --shard i/n --out)`,
    );
  }
  return v as SimulationPart;
}
