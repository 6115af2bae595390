/**
 * `hasim import kubectl <nodes.json|->` and `hasim import kubeadm <config.yaml|->`: a commented
 * scenario from what a cluster says about itself. Any problem: one line each, exit 2, nothing
 * written.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { renderCommentedYaml } from '../../interop/commented-yaml.js';
import {
  buildImportedScenario,
  type EtcdOption,
  type ImportOptions,
  type ImportSources,
} from '../../interop/build-imported-scenario.js';
import { MAX_PROBLEMS, readNodeList, type InputProblem } from '../../interop/kube-nodes.js';
import { readKubeadmConfig, type KubeadmFacts } from '../../interop/kubeadm-config.js';
import { layoutNodes } from '../../interop/node-layout.js';
import { parseInputDocuments } from '../../interop/parse-input-documents.js';
import { readTextInput } from '../../io/read-text-input.js';
import type { CliContext } from '../context.js';
import { checkGeneratedScenario } from '../check-generated.js';
import { UsageError } from '../errors.js';
import { plural } from '../render-issues.js';
import { checkOutputFile, writeOutput } from '../write-output.js';

/** Node lists are large (status.images alone can be tens of KB a node), but not this large. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

interface ImportFlags {
  kubeadm?: string;
  etcd?: EtcdOption;
  masters?: Record<string, number>;
  defaultZone?: string;
  region?: string;
  name: string;
  cluster?: string;
  schema: string;
  out?: string;
  force?: boolean;
}

export function registerImport(program: Command, ctx: CliContext): Command {
  const command = program
    .command('import')
    .description(
      'write a scenario from a cluster: its node list (kubectl) or kubeadm configuration',
    );
  const common = (c: Command): Command =>
    c
      .option(
        '--etcd <placement>',
        'stacked, or external:<zone>,… (one member per zone listed) or external:<zone>=<n>,…',
        parseEtcdOption,
      )
      .option(
        '--masters <zone=n,…>',
        'masters per zone, for a control plane the node list does not show (EKS, GKE, AKS)',
        parseZoneCounts,
      )
      .option('--region <name>', 'region name when the nodes have no region label')
      .option('--name <name>', 'scenario name', 'imported')
      .option('--cluster <name>', "cluster name (default: kubeadm's clusterName, or imported)")
      .option(
        '--schema <path>',
        'JSON Schema path or URL for the editor line',
        '../schema/scenario.schema.json',
      )
      .option('--out <file>', 'write the scenario to a file instead of stdout')
      .option('--force', 'with --out: replace an existing file');
  common(
    command
      .command('kubectl')
      .description('from `kubectl get nodes -o json`: zones, masters, workers')
      .argument('<nodes>', 'the JSON (or YAML) of kubectl get nodes; - reads standard input')
      .option(
        '--kubeadm <file>',
        'a kubeadm ClusterConfiguration or kubeadm-config ConfigMap: etcd and endpoint',
      )
      .option('--default-zone <zone>', 'the zone of nodes without a zone label'),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 2 unreadable input or bad usage (nothing is written).\n' +
        'Examples:\n  kubectl get nodes -o json | hasim import kubectl - > scenarios/prod.yaml\n' +
        '  hasim import kubectl nodes.json --kubeadm kubeadm-config.yaml --out scenarios/prod.yaml',
    )
    .action(async (file: string, flags: ImportFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const nodes = await readInput(file, ctx, 'the output of kubectl get nodes -o json');
      const list = readNodeList(
        nodes.documents.length === 1
          ? nodes.documents[0]
          : { kind: 'List', items: nodes.documents },
      );
      if (!list.ok) fail(nodes.name, list.problems);
      const layout = layoutNodes(
        list.nodes,
        flags.defaultZone === undefined ? {} : { defaultZone: flags.defaultZone },
      );
      if (!layout.ok) fail(nodes.name, layout.problems);
      const kubeadm = flags.kubeadm === undefined ? null : await readKubeadm(flags.kubeadm, ctx);
      await emit(
        ctx,
        flags,
        {
          layout: layout.layout,
          kubeadm: kubeadm?.facts ?? null,
          nodesFile: nodes.name,
          ...(kubeadm ? { kubeadmFile: kubeadm.name } : {}),
        },
        ['hasim import kubectl', file, ...(flags.kubeadm ? ['--kubeadm', flags.kubeadm] : [])],
      );
    });
  common(
    command
      .command('kubeadm')
      .description(
        'from a kubeadm ClusterConfiguration (v1beta3, v1beta4) or the kubeadm-config ConfigMap',
      )
      .argument('<config>', 'the YAML file; - reads standard input'),
  )
    .addHelpText(
      'after',
      '\nMasters and workers are placeholders unless --masters is given; import a node list too:\n' +
        '  hasim import kubectl nodes.json --kubeadm config.yaml\n' +
        'Example: kubectl -n kube-system get cm kubeadm-config -o yaml | hasim import kubeadm -',
    )
    .action(async (file: string, flags: ImportFlags) => {
      await checkOutputFile(flags.out, flags); // before the work: docs/output-files.md
      const kubeadm = await readKubeadm(file, ctx);
      await emit(ctx, flags, { layout: null, kubeadm: kubeadm.facts, kubeadmFile: kubeadm.name }, [
        'hasim import kubeadm',
        file,
      ]);
    });
  return command;
}

// --- internal ---

async function readInput(
  file: string,
  ctx: CliContext,
  expected: string,
): Promise<{ name: string; documents: unknown[] }> {
  const input = await readTextInput(file, MAX_IMPORT_BYTES, ctx.stdin);
  if (!input.ok) throw new UsageError(`${input.name}: ${input.message}`);
  const parsed = parseInputDocuments(input.text, expected);
  if (!parsed.ok) throw new UsageError(`${input.name} ${parsed.message}`);
  return { name: input.name, documents: parsed.documents };
}

async function readKubeadm(
  file: string,
  ctx: CliContext,
): Promise<{ name: string; facts: KubeadmFacts }> {
  const input = await readInput(
    file,
    ctx,
    'a kubeadm ClusterConfiguration or the kubeadm-config ConfigMap',
  );
  const result = readKubeadmConfig(input.documents);
  if (!result.ok) fail(input.name, result.problems);
  return { name: input.name, facts: result.facts };
}

async function emit(
  ctx: CliContext,
  flags: ImportFlags,
  sources: ImportSources,
  command: string[],
): Promise<void> {
  const options: ImportOptions = {
    name: flags.name,
    schemaPath: flags.schema,
    commandLine: command.join(' '),
    ...(flags.cluster === undefined ? {} : { clusterName: flags.cluster }),
    ...(flags.region === undefined ? {} : { region: flags.region }),
    ...(flags.etcd === undefined ? {} : { etcd: flags.etcd }),
    ...(flags.masters === undefined ? {} : { masters: flags.masters }),
  };
  const result = buildImportedScenario(sources, options);
  if (!result.ok) fail(sources.nodesFile ?? sources.kubeadmFile ?? '', result.problems);
  const text = renderCommentedYaml(result.document);
  const topology = checkGeneratedScenario(text, 'hasim import');
  await writeOutput(ctx, text, flags);
  const c = topology.clusters[0];
  ctx.stderr(
    `hasim: imported ${plural(c?.counts.masters ?? 0, 'master')} and ${plural(c?.counts.workers ?? 0, 'worker')} in ${plural(c?.zones.length ?? 0, 'zone')}; ${plural(result.checks, 'assumption')} to check (CHECK in the file)${result.reported > 0 ? '; see Reported in the file' : ''}\n`,
  );
}

function fail(file: string, problems: readonly InputProblem[]): never {
  const shown = problems
    .slice(0, MAX_PROBLEMS)
    .map((p) => `${file}: ${p.place === '' ? '' : `${p.place}: `}${p.message}`);
  if (problems.length > MAX_PROBLEMS)
    shown.push(`${file}: … and ${problems.length - MAX_PROBLEMS} more problems`);
  throw new UsageError(shown.join('\nhasim: '));
}

function parseEtcdOption(value: string): EtcdOption {
  if (value.trim() === 'stacked') return { kind: 'stacked' };
  const m = /^external:(.+)$/.exec(value.trim());
  if (m === null)
    throw new InvalidArgumentError(
      `expected stacked or external:<zone>,… (e.g. external:a,b,c), got "${value}"`,
    );
  const spec = m[1] ?? '';
  const members = spec.includes('=') ? parseZoneCounts(spec) : countZones(spec);
  return { kind: 'external', members };
}

function countZones(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const z of spec.split(',').map((s) => s.trim())) {
    if (z === '')
      throw new InvalidArgumentError(`expected zones separated by commas, got "${spec}"`);
    out[z] = (out[z] ?? 0) + 1;
  }
  return out;
}

function parseZoneCounts(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',').map((s) => s.trim())) {
    const m = /^([^=\s]+)=(\d+)$/.exec(part);
    if (m === null)
      throw new InvalidArgumentError(
        `expected <zone>=<count>,… (e.g. a=1,b=1,c=1), got "${value}"`,
      );
    out[m[1] ?? ''] = Number(m[2]);
  }
  return out;
}
