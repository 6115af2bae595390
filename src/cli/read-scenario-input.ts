/** A scenario from a file or, for `-`, from standard input: `hasim init | hasim validate -`. */
import { loadScenarioText, readScenarioFile, type LoadResult } from '../io/read-scenario.js';
import { MAX_SCENARIO_BYTES } from '../io/parse-document.js';
import { readTextInput } from '../io/read-text-input.js';
import type { CliContext } from './context.js';

export async function readScenarioInput(file: string, ctx: CliContext): Promise<LoadResult> {
  if (file !== '-') return readScenarioFile(file);
  const input = await readTextInput(file, MAX_SCENARIO_BYTES, ctx.stdin);
  if (input.ok) return loadScenarioText(input.text, input.name);
  return {
    ok: false,
    file: input.name,
    errors: [
      {
        file: input.name,
        line: 0,
        col: 0,
        path: [],
        message: input.message,
        severity: 'error',
        code: input.code,
      },
    ],
    warnings: [],
  };
}
