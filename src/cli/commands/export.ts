/**
 * `hasim export job|chaos-mesh|litmus <scenario>`: manifests a user reviews and applies; hasim
 * never applies anything itself. Output goes to stdout or, atomically, to --out.
 */
import { InvalidArgumentError, type Command } from 'commander';
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
import { parseIntegerOption } from '../parse-options.js';
import { renderLoadProblems } from '../render-issues.js';
import { writeOutput } from '../write-output.js';

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
      parseIntegerOption(1, 1e12),
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
  return command;
}

// --- internal ---

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
