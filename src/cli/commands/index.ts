/**
 * Every command of the CLI, in the order `hasim --help` lists them. A command's module (and with
 * it what it needs: zod, yaml, the engines, vega…) is imported only when the command line names
 * it, so `hasim --version` and `hasim --help` load none of them and `hasim validate` loads only
 * validate's. What `hasim --help` lists for a command that is not loaded comes from here;
 * test/unit/cli/lazy-commands.test.ts checks it is what the command's module registers.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => Command;

export interface CommandEntry {
  name: string;
  /** What `hasim --help` shows after the name: `[options]` and the arguments. */
  usage: string;
  /** The command's description, as its module registers it. */
  summary: string;
  load: () => Promise<RegisterCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    usage: '[options]',
    summary: 'print a commented starting scenario (with the schema line for editors)',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    name: 'validate',
    usage: '[options] <files...>',
    summary: 'check scenario files: every problem of every file, with file:line:col',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  {
    name: 'schema',
    usage: '[options]',
    summary: 'print the JSON Schema of scenario files (for editors and CI)',
    load: async () => (await import('./schema.js')).registerSchema,
  },
  {
    name: 'quorum',
    usage: '[options]',
    summary: 'majority, failure tolerance and zone tolerance of an etcd placement',
    load: async () => (await import('./quorum.js')).registerQuorum,
  },
  {
    name: 'plan',
    usage: '[options]',
    summary: 'how many clusters, masters, etcd members and workers: closed forms, no simulation',
    load: async () => (await import('./plan.js')).registerPlan,
  },
  {
    name: 'analyze',
    usage: '[options] <scenario>',
    summary: 'exact steady-state availability of every cluster and region, with its causes',
    load: async () => (await import('./analyze.js')).registerAnalyze,
  },
  {
    name: 'simulate',
    usage: '[options] <scenario>',
    summary:
      'Monte Carlo failure simulation: availability, outages and data loss with 95 % intervals',
    load: async () => (await import('./simulate.js')).registerSimulate,
  },
  {
    name: 'merge',
    usage: '[options] <parts...>',
    summary: 'combine the parts of a sharded `hasim simulate --shard i/n` run into one result',
    load: async () => (await import('./merge.js')).registerMerge,
  },
  {
    name: 'report',
    usage: '[options] <input>',
    summary:
      'a report a design review can paste: Markdown, self-contained HTML with charts, JSON or text',
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    name: 'compare',
    usage: '[options] <a> <b>',
    summary: 'two designs side by side: downtime per metric, the causes that differ, cost',
    load: async () => (await import('./compare.js')).registerCompare,
  },
  {
    name: 'check',
    usage: '[options] <scenarios...>',
    summary: 'for CI: validate scenarios and check their objectives (exact engine)',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'import',
    usage: '',
    summary: 'write a scenario from a cluster: its node list (kubectl) or kubeadm configuration',
    load: async () => (await import('./import.js')).registerImport,
  },
  {
    name: 'export',
    usage: '',
    summary: 'manifests to test a prediction (chaos experiments) or to run a large study (Job)',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    name: 'lab',
    usage: '[options] <scenario>',
    summary:
      "check hasim's predictions against a real etcd: run the placement, apply the faults, compare",
    load: async () => (await import('./lab.js')).registerLab,
  },
];

/**
 * The command a command line runs (`hasim [--no-color] <command> …`, or the one `hasim help
 * <command>` describes), or undefined: none, or a name that is not a command.
 */
export function commandNamedBy(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
