/**
 * `hasim check <scenarios…>`: for CI. Validates every file and checks its objectives with the
 * exact engine; exit 2 when a file is invalid, else 3 when an objective is missed, else 0.
 */
import { Option, type Command } from 'commander';
import { analyzeTopology } from '../../exact/analyze.js';
import { buildCheckResult, checkExitCode, type CheckInput } from '../../interop/check-result.js';
import { renderCheckGithub, renderCheckText } from '../../interop/render-check.js';
import { parseScenarioText, MAX_SCENARIO_BYTES } from '../../io/parse-document.js';
import { loadScenarioText, type LocatedIssue } from '../../io/read-scenario.js';
import { readTextInput } from '../../io/read-text-input.js';
import type { CliContext } from '../context.js';

interface CheckFlags {
  format: 'text' | 'github';
  json?: boolean;
  strict?: boolean;
}

export function registerCheck(program: Command, ctx: CliContext): Command {
  return program
    .command('check')
    .description('for CI: validate scenarios and check their objectives (exact engine)')
    .argument('<scenarios...>', 'scenario files (YAML or JSON); - reads standard input')
    .addOption(
      new Option(
        '--format <format>',
        'text, or github: workflow commands that annotate a pull request',
      )
        .choices(['text', 'github'])
        .default('text'),
    )
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 every file valid and every objective met, 2 a file is invalid,\n' +
        '3 an objective is missed (hasim analyze computes the availability).\n' +
        'Examples:\n  hasim check scenarios/*.yaml\n' +
        '  hasim check --format github $(git diff --name-only origin/main -- "scenarios/*.yaml")\n' +
        'A GitHub Actions workflow that runs it: docs/examples/hasim-check.yml.',
    )
    .action(async (files: string[], flags: CheckFlags) => {
      const inputs: CheckInput[] = [];
      for (const file of files) inputs.push(await checkOne(file, ctx));
      const result = buildCheckResult(inputs, flags.strict === true);
      if (flags.json) ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else if (flags.format === 'github') ctx.stdout(renderCheckGithub(result));
      else ctx.stdout(renderCheckText(result, ctx.style));
      ctx.exitCode = checkExitCode(result);
    });
}

// --- internal ---

async function checkOne(file: string, ctx: CliContext): Promise<CheckInput> {
  const input = await readTextInput(file, MAX_SCENARIO_BYTES, ctx.stdin);
  const problem = (message: string, code: string): CheckInput => ({
    file: input.name,
    ok: false,
    errors: [fileIssue(input.name, message, code)],
    warnings: [],
  });
  if (!input.ok) return problem(input.message, input.code);
  const loaded = loadScenarioText(input.text, input.name);
  const omitted = {
    ...(loaded.errorsOmitted ? { errorsOmitted: loaded.errorsOmitted } : {}),
    ...(loaded.warningsOmitted ? { warningsOmitted: loaded.warningsOmitted } : {}),
  };
  if (!loaded.ok)
    return {
      file: input.name,
      ok: false,
      errors: loaded.errors,
      warnings: loaded.warnings,
      ...omitted,
    };
  try {
    const analysis = analyzeTopology(loaded.topology);
    const parsed = parseScenarioText(input.text);
    return {
      file: input.name,
      ok: true,
      warnings: loaded.warnings,
      ...omitted,
      analysis,
      locate: (p) => parsed.locate(p),
    };
  } catch (e) {
    // The exact engine's only refusal: too many zones to enumerate partitions.
    if (e instanceof RangeError) return problem(`cannot be analyzed: ${e.message}`, 'ANALYZE');
    throw e;
  }
}

function fileIssue(file: string, message: string, code: string): LocatedIssue {
  return { file, line: 0, col: 0, path: [], message, severity: 'error', code };
}
