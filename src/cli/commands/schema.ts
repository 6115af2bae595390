/** `hasim schema`: the JSON Schema (draft-07) of scenario files, generated from the zod schema. */
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { buildScenarioJsonSchema } from '../../model/json-schema.js';
import type { CliContext } from '../context.js';

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
      const text = `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
      if (options.out === undefined) ctx.stdout(text);
      else await writeFileAtomic(options.out, text);
    });
}
