/** `hasim schema`: the JSON Schema (draft-07) of scenario files, generated from the zod schema. */
import type { Command } from 'commander';
import { buildScenarioJsonSchema } from '../../model/json-schema.js';
import type { CliContext } from '../context.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

/** schema has no --force: --out replaces a regular file (never anything else). */
const OUT = { force: true, announce: false } as const;

export function registerSchema(program: Command, ctx: CliContext): Command {
  return program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors and CI)')
    .option('--out <file>', 'write it to a file instead of stdout')
    .addHelpText(
      'after',
      '\nEditors validate files that begin with\n  # yaml-language-server: $schema=../schema/scenario.schema.json',
    )
    .action(async (options: { out?: string }) => {
      await checkOutputFile(options.out, OUT);
      const text = `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
      await writeOutput(ctx, text, { ...OUT, out: options.out });
    });
}
