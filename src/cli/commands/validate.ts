/** `hasim validate <files…>`: every problem of every file; exit 0 valid, 2 invalid. */
import type { Command } from 'commander';
import type { LoadResult, LocatedIssue } from '../../io/read-scenario.js';
import { formatPath } from '../../model/issue.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { mapLimited } from '../map-limited.js';
import { readScenarioInput } from '../read-scenario-input.js';
import { plural, renderLoadProblems } from '../render-issues.js';

interface ValidateOptions {
  json?: boolean;
  strict?: boolean;
}

export function registerValidate(program: Command, ctx: CliContext): Command {
  return program
    .command('validate')
    .description('check scenario files: every problem of every file, with file:line:col')
    .argument('<files...>', 'scenario files (YAML or JSON); - reads standard input')
    .option('--strict', 'treat warnings as errors (exit 2)')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 every file valid (warnings allowed unless --strict), 2 a file is invalid.\n' +
        'Examples:\n  hasim validate scenarios/*.yaml\n  hasim init | hasim validate -',
    )
    .action(async (files: string[], options: ValidateOptions) => {
      const results = await mapLimited(files, FILES_AT_ONCE, (f) => readScenarioInput(f, ctx));
      const failed = (r: LoadResult): boolean =>
        !r.ok || (options.strict === true && r.warnings.length > 0);
      ctx.exitCode = results.some(failed) ? ExitCode.invalid : ExitCode.ok;
      if (options.json) {
        ctx.stdout(`${JSON.stringify(toJson(results, failed), null, 2)}\n`);
        return;
      }
      for (const result of results) {
        if (result.ok) {
          const warnings = result.warnings.length + (result.warningsOmitted ?? 0);
          const note = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
          ctx.stdout(`${ctx.style.ok('✔')} ${result.file}${note}\n`);
        }
        // Like a linter: the report is the output (stdout); the exit code says pass or fail.
        ctx.stdout(renderLoadProblems(result, ctx.style));
      }
      const bad = results.filter(failed).length;
      if (results.length > 1 || bad > 0) {
        const strict = options.strict ? ' (--strict: warnings count as errors)' : '';
        ctx.stdout(`${plural(results.length, 'file')} checked, ${bad} invalid${strict}\n`);
      }
    });
}

// --- internal ---

/** Files read at once: enough to overlap IO, far below any descriptor limit (often 1,024). */
const FILES_AT_ONCE = 16;

function toJson(results: LoadResult[], failed: (r: LoadResult) => boolean): unknown {
  const issue = (i: LocatedIssue): unknown => ({
    line: i.line,
    col: i.col,
    path: formatPath(i.path),
    message: i.message,
    ...(i.code === undefined ? {} : { code: i.code }),
  });
  return {
    version: 1,
    valid: !results.some(failed),
    files: results.map((r) => ({
      file: r.file,
      valid: !failed(r),
      errors: r.ok ? [] : r.errors.map(issue),
      warnings: r.warnings.map(issue),
      // Only when issues went unlisted (MAX_LISTED_ISSUES per list): counts, not the issues.
      ...(r.errorsOmitted ? { errorsOmitted: r.errorsOmitted } : {}),
      ...(r.warningsOmitted ? { warningsOmitted: r.warningsOmitted } : {}),
    })),
  };
}
