/**
 * The CLI entry: builds the commander program, runs it, and is the single place that turns
 * errors into messages and exit codes. `run(argv, io)` is testable in-process.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS, commandNamedBy, type CommandEntry } from './commands/index.js';
import type { CliContext, CliIo } from './context.js';
import { InternalError, ScenarioError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { createStyle, wantsColor } from './style.js';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const noColorFlag = argv.includes('--no-color');
  const ctx: CliContext = {
    ...io,
    style: createStyle(wantsColor({ isTTY: io.isTTY, env: io.env, noColorFlag })),
    exitCode: ExitCode.ok,
  };
  try {
    const named = commandNamedBy(argv);
    const program = await buildProgram(ctx, named === undefined ? [] : [named.name]);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return await reportError(e, ctx, argv);
  }
}

/**
 * The program with the commands named in `load` registered in full (their modules imported) and
 * every other one as a placeholder that `hasim --help` lists like the real one: start-up loads
 * only what the command line runs (commands/index.ts).
 */
export async function buildProgram(
  ctx: CliContext,
  load: readonly string[] | 'all',
): Promise<Command> {
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
  const placeholders = new WeakMap<Command, CommandEntry>();
  const help = new Help();
  program.configureHelp({
    subcommandTerm: (cmd) => {
      const entry = placeholders.get(cmd);
      return entry === undefined ? help.subcommandTerm(cmd) : `${entry.name} ${entry.usage}`.trim();
    },
  });
  configure(program, ctx);
  for (const entry of COMMANDS) {
    if (load === 'all' || load.includes(entry.name)) {
      const register = await entry.load();
      configure(register(program, ctx), ctx);
    } else {
      const placeholder = program.command(entry.name).description(entry.summary);
      placeholder.action(() => {
        // run() loads every command the command line names; reaching this is a bug.
        throw new InternalError(`command ${entry.name} was not loaded`);
      });
      placeholders.set(placeholder, entry);
      configure(placeholder, ctx);
    }
  }
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

async function reportError(e: unknown, ctx: CliContext, argv: string[]): Promise<number> {
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
    // Imported here: it reaches the scenario reader (zod, yaml), which --version need not load.
    const { renderLoadProblems } = await import('./render-issues.js');
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
