/**
 * `hasim export job|chaos-mesh|litmus <scenario>`: manifests a user reviews and applies; hasim
 * never applies anything itself. Output goes to stdout or, atomically, to --out.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ChaosExportOptions } from '../../interop/chaos-export.js';
import { buildChaosMeshExperiments, buildChaosMeshWorkflow } from '../../interop/chaos-mesh.js';
import { buildLitmusEngines } from '../../interop/litmus.js';
import type { CloudKind } from '../../interop/chaos-mesh-specs.js';
import { renderCommentedYaml, renderYamlStream } from '../../interop/commented-yaml.js';
import {
  buildMergeJob,
  buildShardJob,
  MAX_CONFIGMAP_BYTES,
  MAX_SHARDS,
  type JobExportOptions,
} from '../../interop/indexed-job.js';
import { MAX_SCENARIO_BYTES } from '../../io/parse-document.js';
import { loadScenarioText } from '../../io/read-scenario.js';
import { readTextInput } from '../../io/read-text-input.js';
import type { Topology } from '../../model/topology.js';
import { VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import { ScenarioError, UsageError } from '../errors.js';
import { parseIntegerOption, parseTrialsOption } from '../parse-options.js';
import { renderLoadProblems } from '../render-issues.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

interface JobFlags {
  shards: number;
  trials?: number;
  seed?: number;
  parallelism?: number;
  image: string;
  namespace: string;
  cpus: number;
  storage: string;
  storageClass?: string;
  merge?: boolean;
  out?: string;
  force?: boolean;
}

export function registerExport(program: Command, ctx: CliContext): Command {
  const command = program
    .command('export')
    .description(
      'manifests to test a prediction (chaos experiments) or to run a large study (Job)',
    );
  command
    .command('job')
    .description('a Kubernetes Indexed Job that runs the simulation in shards, and its merge Job')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption(
      '--shards <N>',
      'pods, each running 1/N of the trials',
      parseIntegerOption(1, MAX_SHARDS),
    )
    .option(
      '--trials <T>',
      "trials in all (default: the scenario's simulation.trials)",
      parseTrialsOption,
    )
    .option('--seed <S>', "seed (default: the scenario's simulation.seed)", parseIntegerOption(0))
    .option(
      '--parallelism <P>',
      'pods running at once (default: all shards)',
      parseIntegerOption(1, MAX_SHARDS),
    )
    .option(
      '--image <image>',
      'container image built from the Dockerfile of the hasim repository',
      `hasim:${VERSION}`,
    )
    .option(
      '--namespace <ns>',
      'namespace of the Job, ConfigMap and volume',
      parseDnsLabel,
      'default',
    )
    .option('--cpus <C>', 'CPUs (worker threads) per pod', parseIntegerOption(1, 64), 1)
    .option('--storage <size>', 'size of the volume for the parts', '1Gi')
    .option('--storage-class <name>', 'storage class of the volume (it needs ReadWriteMany)')
    .option('--merge', 'print the merge Job (apply it when the shards have completed)')
    .option('--out <file>', 'write the manifests to a file instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .addHelpText(
      'after',
      '\nThe merged result is byte-identical to `hasim simulate <scenario> --trials T --json`.\n' +
        'Exit codes: 0 ok, 2 bad usage or invalid scenario.\n' +
        'Examples:\n  hasim export job scenarios/three-zones-stacked.yaml --shards 4 --trials 40000 | kubectl apply -f -\n' +
        '  hasim export job scenarios/three-zones-stacked.yaml --shards 4 --trials 40000 --merge | kubectl apply -f -\n' +
        'Build the image: docker build -t <registry>/hasim:' +
        VERSION +
        ' . (Dockerfile at the repository root)',
    )
    .action(async (file: string, flags: JobFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const { topology, text } = await loadScenarioWithText(file, ctx);
      const trials = flags.trials ?? topology.simulation.trials;
      if (trials < flags.shards) {
        throw new UsageError(
          `--trials ${trials} is fewer than --shards ${flags.shards}: every shard needs a trial`,
        );
      }
      if (Buffer.byteLength(text) > MAX_CONFIGMAP_BYTES) {
        throw new UsageError(`${file} is larger than the 1 MiB a ConfigMap holds`);
      }
      const options: JobExportOptions = {
        scenario: topology.name,
        scenarioText: text,
        scenarioFile: file,
        shards: flags.shards,
        trials,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        parallelism: Math.min(flags.parallelism ?? flags.shards, flags.shards),
        image: flags.image,
        namespace: flags.namespace,
        cpus: flags.cpus,
        storage: flags.storage,
        ...(flags.storageClass === undefined ? {} : { storageClass: flags.storageClass }),
      };
      const docs = flags.merge ? [buildMergeJob(options)] : buildShardJob(options);
      await writeOutput(ctx, renderYamlStream(docs.map(renderCommentedYaml)), flags);
    });
  registerChaos(command, ctx, 'chaos-mesh');
  registerChaos(command, ctx, 'litmus');
  return command;
}

// --- internal ---

interface ChaosFlags {
  event?: number;
  cluster?: string;
  namespace: string;
  cloud?: CloudKind;
  cloudSecret?: string;
  zones?: Record<string, string>;
  controlPlaneNamespace?: string;
  workflow?: boolean;
  out?: string;
  force?: boolean;
}

function registerChaos(parent: Command, ctx: CliContext, tool: 'chaos-mesh' | 'litmus'): void {
  const mesh = tool === 'chaos-mesh';
  const command = parent
    .command(tool)
    .description(
      `the scenario's events as ${mesh ? 'Chaos Mesh experiments' : 'LitmusChaos ChaosEngines'}, each with hasim's prediction`,
    )
    .argument('<scenario>', 'scenario file (YAML or JSON) with events:')
    .option(
      '--event <N>',
      'only events[N] (counting from 0, as validate names them)',
      parseIntegerOption(0),
    )
    .option('--cluster <name>', 'the scenario cluster the experiments run in (default: the first)')
    .option('--namespace <ns>', 'namespace of the chaos objects', parseDnsLabel, 'default')
    .option(
      '--zones <zone=label,…>',
      "the nodes' topology.kubernetes.io/zone value of each scenario zone",
      parseZoneLabels,
    );
  if (mesh) {
    command
      .addOption(
        new Option(
          '--cloud <cloud>',
          'stop cloud instances for node and zone outages (placeholders to fill in)',
        ).choices(['aws', 'gcp', 'azure']),
      )
      .option(
        '--cloud-secret <name>',
        'the Secret with the cloud credentials',
        parseDnsLabel,
        'cloud-key-secret',
      )
      .option(
        '--control-plane-namespace <ns>',
        'namespace of the static control-plane pods',
        parseDnsLabel,
        'kube-system',
      )
      .option(
        '--workflow',
        'one Workflow that replays the whole timeline, instead of one set per event',
      );
  }
  const file = 'scenarios/zone-outage-during-upgrade.yaml';
  const examples = mesh
    ? [
        `hasim export chaos-mesh ${file} --zones a=eu-west-1a,b=eu-west-1b,c=eu-west-1c`,
        `hasim export chaos-mesh ${file} --event 1 --cloud aws`,
        `hasim export chaos-mesh ${file} --workflow --out workflow.yaml`,
      ]
    : [
        `hasim export litmus ${file} --zones a=eu-west-1a,b=eu-west-1b,c=eu-west-1c`,
        `hasim export litmus ${file} --event 1`,
      ];
  command
    .option('--out <file>', 'write the manifests to a file instead of stdout')
    .option('--force', 'with --out: replace an existing file')
    .addHelpText(
      'after',
      "\nEach object carries hasim's prediction for its event (annotations hasim/prediction…).\n" +
        'hasim applies nothing: review the output, fill in the <placeholders>, then kubectl apply -f.\n' +
        'Exit codes: 0 ok, 2 bad usage or invalid scenario.\n' +
        `Examples:\n${examples.map((e) => `  ${e}`).join('\n')}`,
    )
    .action(async (scenario: string, flags: ChaosFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const { topology } = await loadScenarioWithText(scenario, ctx);
      const options = chaosOptions(scenario, topology, flags);
      const docs = !mesh
        ? buildLitmusEngines(topology, options)
        : flags.workflow
          ? [buildChaosMeshWorkflow(topology, options)].filter((d) => d !== null)
          : buildChaosMeshExperiments(topology, options);
      if (docs.length === 0) {
        throw new UsageError(
          `${scenario}: no event of cluster ${options.cluster} has an experiment for ${tool}`,
        );
      }
      await writeOutput(ctx, renderYamlStream(docs.map(renderCommentedYaml)), flags);
    });
}

function chaosOptions(file: string, t: Topology, flags: ChaosFlags): ChaosExportOptions {
  if (t.events.length === 0) {
    throw new UsageError(
      `${file} has no events: to export; add some (e.g. - { at: 1h, fail: zone eu-west/b, for: 4h })`,
    );
  }
  if (flags.event !== undefined && flags.event >= t.events.length) {
    throw new UsageError(`--event ${flags.event}: ${file} has events 0 to ${t.events.length - 1}`);
  }
  const cluster = t.clusters.find((c) => c.name === (flags.cluster ?? t.clusters[0]?.name));
  if (cluster === undefined) {
    throw new UsageError(
      `--cluster ${flags.cluster ?? ''}: not a cluster of ${file} (clusters: ${t.clusters.map((c) => c.name).join(', ')})`,
    );
  }
  const unknown = Object.keys(flags.zones ?? {}).filter((z) => !cluster.zones.includes(z));
  if (unknown.length > 0) {
    throw new UsageError(
      `--zones: ${unknown.join(', ')} not a zone of cluster ${cluster.name} (zones: ${cluster.zones.join(', ')})`,
    );
  }
  return {
    file,
    cluster: cluster.name,
    namespace: flags.namespace,
    cloud: flags.cloud ?? null,
    cloudSecret: flags.cloudSecret ?? 'cloud-key-secret',
    zoneLabels: flags.zones ?? {},
    controlPlaneNamespace: flags.controlPlaneNamespace ?? 'kube-system',
    ...(flags.event === undefined ? {} : { event: flags.event }),
  };
}

function parseZoneLabels(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^([^=\s]+)=([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/.exec(part);
    if (m === null)
      throw new InvalidArgumentError(
        `expected <zone>=<label value>,… (e.g. a=eu-west-1a,b=eu-west-1b), got "${value}"`,
      );
    out[m[1] ?? ''] = m[2] ?? '';
  }
  return out;
}

/** The scenario's topology and its text as written (the Job ships the text). */
async function loadScenarioWithText(
  file: string,
  ctx: CliContext,
): Promise<{ topology: Topology; text: string }> {
  const input = await readTextInput(file, MAX_SCENARIO_BYTES, ctx.stdin);
  if (!input.ok) throw new UsageError(`${input.name}: ${input.message}`);
  const loaded = loadScenarioText(input.text, input.name);
  if (!loaded.ok) throw new ScenarioError(loaded);
  if (loaded.warnings.length > 0) ctx.stderr(renderLoadProblems(loaded, ctx.style));
  return { topology: loaded.topology, text: input.text };
}

/** A Kubernetes namespace or object name: a DNS-1123 label. */
export function parseDnsLabel(value: string): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) || value.length > 63) {
    throw new InvalidArgumentError(
      `expected a DNS-1123 label (lowercase letters, digits and "-", at most 63), got "${value}"`,
    );
  }
  return value;
}
