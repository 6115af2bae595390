import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandNamedBy } from '../../../src/cli/commands/index.js';
import type { CliContext } from '../../../src/cli/context.js';
import { buildProgram } from '../../../src/cli/main.js';
import { createStyle } from '../../../src/cli/style.js';

const ctx = (): CliContext => ({
  stdout: () => {},
  stderr: () => {},
  env: {},
  isTTY: false,
  cwd: '/',
  style: createStyle(false),
  exitCode: 0,
});

describe('commands loaded on demand', () => {
  it('lists each command in --help as its module registers it', async () => {
    const help = new Help();
    for (const entry of COMMANDS) {
      const command = (await entry.load())(new Command('hasim'), ctx());
      expect(command.name()).toBe(entry.name);
      expect(help.subcommandDescription(command)).toBe(entry.summary);
      expect(help.subcommandTerm(command)).toBe(`${entry.name} ${entry.usage}`.trim());
    }
  });

  it('prints the same --help with no command loaded as with every command loaded', async () => {
    const lazy = await buildProgram(ctx(), []);
    const full = await buildProgram(ctx(), 'all');
    expect(lazy.helpInformation()).toBe(full.helpInformation());
    expect(lazy.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
  });

  it('finds the command a command line runs', () => {
    expect(commandNamedBy(['--no-color', 'validate', 'a.yaml'])?.name).toBe('validate');
    expect(commandNamedBy(['help', 'simulate'])?.name).toBe('simulate');
    expect(commandNamedBy(['import', 'kubectl', '-'])?.name).toBe('import');
    expect(commandNamedBy(['--version'])).toBeUndefined();
    expect(commandNamedBy(['simulat', 'x.yaml'])).toBeUndefined();
  });
});
