/**
 * The CLI entry: builds the commander program, runs it, and is the single place that turns
 * errors into messages and exit codes. `run(argv, io)` is testable in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext, CliIo } from './context.js';
import { InternalError, ScenarioError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { renderLoadProblems } from './render-issues.js';
import { createStyle, wantsColor } from './style.js';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const noColorFlag = argv.includes('--no-color');
  const ctx: CliContext = {
    ...io,
    style: createStyle(wantsColor({ isTTY: io.isTTY, env: io.env, noColorFlag })),
    exitCode: ExitCode.ok,
  };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return reportError(e, ctx, argv);
  }
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('hasim')
    .description(
      'Availability planning and failure simulation for highly available Kubernetes:\n' +
        'how many clusters, masters, etcd members and zones to run, and what that buys.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('--no-color', 'no colour in the output (also: NO_COLOR=1)'))
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 internal error (a bug), 2 bad usage or invalid input, 3 target not met,\n' +
        '130 interrupted (Ctrl-C; the partial result is printed).\n' +
        'Docs: README.md and docs/ in the hasim repository.',
    );
  configure(program, ctx);
  for (const register of COMMANDS) configure(register(program, ctx), ctx);
  return program;
}

// --- internal ---

function configure(command: Command, ctx: CliContext): void {
  for (const sub of command.commands) configure(sub, ctx); // e.g. hasim import kubectl
  command.exitOverride().configureOutput({
    writeOut: (s) => ctx.stdout(s),
    writeErr: (s) => ctx.stderr(s),
    // One line: commander's message ("error: unknown option '--x'") and where help is.
    outputError: (s, write) => write(`${oneLineError(s, command)}\n`),
  });
}

function oneLineError(message: string, command: Command): string {
  const text = message
    .trim()
    .replace(/^error: /, '')
    .replace(/ is invalid\. /, ' is invalid: ');
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  const help = ['hasim', ...names, '--help'].join(' ');
  return `hasim: ${text} (see ${help})`;
}

function reportError(e: unknown, ctx: CliContext, argv: string[]): number {
  if (e instanceof CommanderError) {
    if (
      e.code === 'commander.helpDisplayed' ||
      e.code === 'commander.version' ||
      (e.code === 'commander.help' && e.exitCode === 0) // not `hasim import` without its subcommand
    ) {
      return ExitCode.ok;
    }
    return ExitCode.invalid; // commander printed the one-line message (oneLineError)
  }
  if (e instanceof UsageError) {
    ctx.stderr(`hasim: ${e.message}\n`);
    return ExitCode.invalid;
  }
  if (e instanceof ScenarioError) {
    ctx.stderr(renderLoadProblems(e.result, ctx.style));
    return ExitCode.invalid;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const kind = e instanceof InternalError ? 'internal error' : 'unexpected error';
  ctx.stderr(
    `hasim: ${kind}: ${err.message}\n` +
      `This is a bug in hasim ${VERSION}; please report it with the command line below.\n` +
      `  argv: ${JSON.stringify(argv)}\n${err.stack ?? ''}\n`,
  );
  return ExitCode.internal;
}
