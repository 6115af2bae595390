/** `hasim init`: a commented starting scenario that validates, on stdout or in --out. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { renderCommentedYaml } from '../../interop/commented-yaml.js';
import {
  buildStartingScenario,
  DEFAULT_STARTING_OPTIONS as D,
  MAX_INIT_ZONES,
} from '../../interop/build-starting-scenario.js';
import { ENDPOINT_KINDS, type EndpointKind, type FailoverMode } from '../../model/topology.js';
import type { CliContext } from '../context.js';
import { checkGeneratedScenario } from '../check-generated.js';
import { UsageError } from '../errors.js';
import { parseIntegerOption } from '../parse-options.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

interface InitFlags {
  name: string;
  regions: number;
  zones: number;
  clusters: number;
  masters: number;
  etcd: 'stacked' | number;
  workers: number;
  workersNeeded?: number;
  endpoint: EndpointKind;
  failover: FailoverMode;
  schema: string;
  out?: string;
  force?: boolean;
}

export function registerInit(program: Command, ctx: CliContext): Command {
  return program
    .command('init')
    .description('print a commented starting scenario (with the schema line for editors)')
    .option('--name <name>', 'scenario name', D.name)
    .option('--regions <R>', 'regions', parseIntegerOption(1, 16), D.regions)
    .option('--zones <Z>', 'zones per region', parseIntegerOption(1, MAX_INIT_ZONES), D.zones)
    .option('--clusters <C>', 'clusters per region', parseIntegerOption(1, 16), D.clustersPerRegion)
    .option(
      '--masters <M>',
      'masters per cluster, spread over the zones',
      parseIntegerOption(1, 99),
      D.masters,
    )
    .option(
      '--etcd <stacked|N>',
      'stacked, or N external etcd members spread over the zones',
      parseEtcd,
      D.etcd,
    )
    .option('--workers <W>', 'workers per zone', parseIntegerOption(0, 5000), D.workersPerZone)
    .option(
      '--workers-needed <N>',
      'workers the load needs (default: all but one zone)',
      parseIntegerOption(0),
    )
    .addOption(
      new Option('--endpoint <kind>', 'API endpoint').choices(ENDPOINT_KINDS).default(D.endpoint),
    )
    .addOption(
      new Option('--failover <mode>', 'with several regions')
        .choices(['cross-region', 'local-only'])
        .default(D.failover),
    )
    .option('--schema <path>', 'JSON Schema path or URL for the editor line', D.schemaPath)
    .option('--out <file>', 'write the scenario to a file instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .addHelpText(
      'after',
      '\nThe scenario validates as written; edit it, then run hasim analyze or hasim check.\n' +
        'Exit codes: 0 ok, 2 bad usage.\n' +
        'Examples:\n  hasim init > scenarios/new.yaml\n' +
        '  hasim init --regions 2 --zones 3 --masters 5 --etcd stacked --workers 3\n' +
        '  hasim init | hasim validate -',
    )
    .action(async (flags: InitFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const workersTotal = flags.workers * flags.zones;
      if (flags.workersNeeded !== undefined && flags.workersNeeded > workersTotal) {
        throw new UsageError(
          `--workers-needed ${flags.workersNeeded} is more than the ${workersTotal} workers placed (--workers ${flags.workers} × --zones ${flags.zones})`,
        );
      }
      const doc = buildStartingScenario({
        name: flags.name,
        regions: flags.regions,
        zones: flags.zones,
        clustersPerRegion: flags.clusters,
        masters: flags.masters,
        etcd: flags.etcd,
        workersPerZone: flags.workers,
        ...(flags.workersNeeded === undefined ? {} : { workersNeeded: flags.workersNeeded }),
        endpoint: flags.endpoint,
        failover: flags.failover,
        schemaPath: flags.schema,
        commandLine: commandLine(flags),
      });
      const text = renderCommentedYaml(doc);
      checkGeneratedScenario(text, 'hasim init');
      await writeOutput(ctx, text, flags);
    });
}

// --- internal ---

function parseEtcd(value: string): 'stacked' | number {
  if (value.trim() === 'stacked') return 'stacked';
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 99) return Number(value);
  throw new InvalidArgumentError(
    `expected stacked or a number of members from 1 to 99, got "${value}"`,
  );
}

/** `hasim init` with the flags that differ from the defaults, to rebuild the file later. */
function commandLine(flags: InitFlags): string {
  const given: [string, unknown, unknown][] = [
    ['--name', flags.name, D.name],
    ['--regions', flags.regions, D.regions],
    ['--zones', flags.zones, D.zones],
    ['--clusters', flags.clusters, D.clustersPerRegion],
    ['--masters', flags.masters, D.masters],
    ['--etcd', flags.etcd, D.etcd],
    ['--workers', flags.workers, D.workersPerZone],
    ['--workers-needed', flags.workersNeeded, undefined],
    ['--endpoint', flags.endpoint, D.endpoint],
    ['--failover', flags.failover, D.failover],
    ['--schema', flags.schema, D.schemaPath],
  ];
  const parts = given.filter(([, v, d]) => v !== d).map(([f, v]) => `${f} ${String(v)}`);
  return ['hasim init', ...parts].join(' ');
}
