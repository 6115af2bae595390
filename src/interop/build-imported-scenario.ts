/**
 * `hasim import`: a node layout and/or a kubeadm ClusterConfiguration → a commented scenario
 * that says what was read, what was assumed, and what the user must check before trusting the
 * figures (endpoint kind, etcd topology, workersNeeded).
 */
import type { ScenarioFile } from '../model/schema.js';
import type { EndpointKind } from '../model/topology.js';
import { balancedSpread } from '../quorum/domain-tolerance.js';
import type { CommentedDocument, YamlNote } from './commented-yaml.js';
import { inferEndpointKind } from './endpoint-kind.js';
import type { InputProblem } from './kube-nodes.js';
import { CONTROL_PLANE_LABEL } from './kube-nodes.js';
import type { KubeadmFacts } from './kubeadm-config.js';
import { toScenarioName, type NodeLayout } from './node-layout.js';

export type EtcdOption =
  { kind: 'stacked' } | { kind: 'external'; members: Record<string, number> };

export interface ImportOptions {
  name: string;
  clusterName?: string;
  region?: string;
  etcd?: EtcdOption;
  /** Masters per zone, for control planes the node list does not show (EKS, GKE, AKS). */
  masters?: Record<string, number>;
  schemaPath: string;
  commandLine: string;
}

export interface ImportSources {
  layout: NodeLayout | null;
  kubeadm: KubeadmFacts | null;
  /** File names, for the header. */
  nodesFile?: string;
  kubeadmFile?: string;
}

export type ImportResult =
  | { ok: true; document: CommentedDocument; checks: number; reported: number }
  | { ok: false; problems: InputProblem[] };

const PLACEHOLDER_ZONES = ['a', 'b', 'c'];

export function buildImportedScenario(src: ImportSources, o: ImportOptions): ImportResult {
  const { layout, kubeadm } = src;
  const checks: string[] = [];
  const rename = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).map(([z, n]) => [toScenarioName(z), n]));
  const masters =
    o.masters !== undefined
      ? rename(o.masters)
      : (layout?.masters ?? Object.fromEntries(PLACEHOLDER_ZONES.map((z) => [z, 1])));
  if (sum(masters) === 0) {
    return {
      ok: false,
      problems: [
        {
          place: 'metadata.labels',
          message: `no node has the control-plane role (${CONTROL_PLANE_LABEL} or the legacy …/master): a managed control plane (EKS, GKE, AKS) is not in the node list; give its layout with --masters <zone>=<count>,…`,
        },
      ],
    };
  }
  const workers = layout?.workers ?? Object.fromEntries(Object.keys(masters).map((z) => [z, 2]));
  if (layout === null)
    checks.push(
      'masters and workers are placeholders: import a node list with hasim import kubectl nodes.json --kubeadm … for the real counts',
    );
  const etcd = chooseEtcd(o, kubeadm, layout, masters, checks);
  const endpoint = chooseEndpoint(kubeadm, checks);
  const workersNeeded = sum(workers);
  checks.push(
    `workersNeeded: all ${workersNeeded} workers assumed (no headroom); set the number your load needs`,
  );
  const region = toScenarioName(o.region ?? layout?.region ?? '') || 'region-1';
  if (o.region === undefined && layout?.region == null)
    checks.push('region: no region label; named region-1');
  const zones = [
    ...new Set([
      ...(layout?.zones.map((z) => z.name) ?? []),
      ...Object.keys(masters),
      ...Object.keys(workers),
      ...(etcd.value === 'stacked' ? [] : Object.keys(etcd.value)),
    ]),
  ].sort();
  const clusterName = toScenarioName(o.clusterName ?? kubeadm?.clusterName ?? '') || 'imported';
  const value: ScenarioFile = {
    version: 1,
    name: o.name,
    description: describe(src),
    regions: [{ name: region, zones }],
    clusters: [
      {
        name: clusterName,
        region,
        masters,
        etcd: etcd.value,
        endpoint: endpoint.kind,
        workers,
        workersNeeded,
      },
    ],
  };
  const notes: YamlNote[] = [
    {
      path: ['clusters', 0, 'masters'],
      after:
        o.masters !== undefined
          ? 'from --masters'
          : layout !== null
            ? `from ${CONTROL_PLANE_LABEL}`
            : 'CHECK: placeholder',
    },
    { path: ['clusters', 0, 'etcd'], after: etcd.note },
    { path: ['clusters', 0, 'endpoint'], after: endpoint.note },
    {
      path: ['clusters', 0, 'workers'],
      after: layout !== null ? 'nodes without a control-plane or etcd role' : 'CHECK: placeholder',
    },
    { path: ['clusters', 0, 'workersNeeded'], after: 'CHECK: all workers assumed' },
  ];
  const renamed = layout?.zones.filter((z) => z.name !== z.label) ?? [];
  return {
    ok: true,
    checks: checks.length,
    reported: layout?.reported.length ?? 0,
    document: {
      header: [
        `yaml-language-server: $schema=${o.schemaPath}`,
        `Imported by: ${o.commandLine}`,
        ...sourceLines(src),
        ...section('Inferred:', [
          ...(layout?.inferred ?? []),
          ...renamed.map((z) => `zone "${z.label}" is named ${z.name}`),
        ]),
        ...section('CHECK before you rely on the figures:', checks),
        ...section('Reported:', layout?.reported ?? []),
      ],
      value,
      notes,
      footer: [
        'Add your objectives, then run hasim analyze or hasim check:',
        'objectives: { api: 99.95, workloads: 99.99 }',
      ],
      spaced: ['regions', 'clusters'],
    },
  };
}

// --- internal ---

function chooseEtcd(
  o: ImportOptions,
  kubeadm: KubeadmFacts | null,
  layout: NodeLayout | null,
  masters: Record<string, number>,
  checks: string[],
): { value: 'stacked' | Record<string, number>; note: string } {
  if (o.etcd !== undefined) {
    return o.etcd.kind === 'stacked'
      ? { value: 'stacked', note: 'stacked (--etcd)' }
      : {
          value: Object.fromEntries(
            Object.entries(o.etcd.members).map(([z, n]) => [toScenarioName(z), n]),
          ),
          note: 'external (--etcd)',
        };
  }
  const etcdNodes = layout?.etcdNodes ?? {};
  if (kubeadm?.etcd.kind === 'external') {
    const n = kubeadm.etcd.endpoints.length;
    if (sum(etcdNodes) === n)
      return {
        value: etcdNodes,
        note: `external: ${n} endpoints in kubeadm, zones of the etcd nodes`,
      };
    checks.push(
      `etcd: kubeadm lists ${n} external endpoints but not their zones; spread evenly over the masters' zones: write the real placement (or give --etcd external:<zone>,…)`,
    );
    const zones = Object.keys(masters).sort();
    const spread = balancedSpread(n, zones.length);
    return {
      value: Object.fromEntries(
        zones.map((z, i): [string, number] => [z, spread[i] ?? 0]).filter(([, k]) => k !== 0),
      ),
      note: `CHECK: external (kubeadm etcd.external: ${n} endpoints), zones assumed`,
    };
  }
  if (sum(etcdNodes) > 0) {
    const onMasters = layout?.mastersWithEtcd ?? {};
    if (sum(onMasters) === 0) {
      return { value: etcdNodes, note: 'external: nodes with the etcd role only' };
    }
    checks.push(
      `etcd: ${sum(onMasters)} master(s) also have the etcd role: their members are counted with the ${sum(etcdNodes)} etcd-only nodes as external members per zone (hasim places members either on every master or on their own nodes)`,
    );
    const members = { ...etcdNodes };
    for (const [z, n] of Object.entries(onMasters)) members[z] = (members[z] ?? 0) + n;
    return {
      value: members,
      note: 'CHECK: external: etcd-only nodes and masters with the etcd role',
    };
  }
  if (kubeadm !== null) return { value: 'stacked', note: 'stacked: kubeadm etcd.local' };
  checks.push(
    "etcd: stacked assumed (kubeadm's default); for an external etcd give --kubeadm <config> or --etcd external:<zone>,…",
  );
  return { value: 'stacked', note: 'CHECK: stacked assumed' };
}

function chooseEndpoint(
  kubeadm: KubeadmFacts | null,
  checks: string[],
): { kind: EndpointKind; note: string } {
  if (kubeadm === null) {
    checks.push(
      'endpoint: cloud (a managed load balancer) assumed; the node list does not say; give --kubeadm <config> or edit',
    );
    return { kind: 'cloud', note: 'CHECK: cloud assumed' };
  }
  const guess = inferEndpointKind(kubeadm.controlPlaneEndpoint);
  checks.push(`endpoint: ${guess.assumption}`);
  return { kind: guess.kind, note: `CHECK: from kubeadm controlPlaneEndpoint` };
}

function describe(src: ImportSources): string {
  if (src.layout === null)
    return 'Imported from a kubeadm ClusterConfiguration; masters and workers are placeholders.';
  const c = src.layout.counts;
  const etcd = c.etcdNodes > 0 ? `, ${c.etcdNodes} etcd` : '';
  return `Imported from a list of ${c.nodes} nodes: ${c.masters} control-plane${etcd}, ${c.workers} workers.`;
}

function sourceLines(src: ImportSources): string[] {
  const lines: string[] = [];
  if (src.layout !== null) {
    const c = src.layout.counts;
    lines.push(
      `Nodes: ${src.nodesFile ?? 'a node list'}: ${c.nodes} nodes in ${src.layout.zones.length} zone(s)`,
    );
  }
  if (src.kubeadm !== null) {
    const k = src.kubeadm;
    const etcd =
      k.etcd.kind === 'external'
        ? `external etcd (${k.etcd.endpoints.length} endpoints)`
        : 'local (stacked) etcd';
    lines.push(
      `kubeadm: ${src.kubeadmFile ?? 'a config'}: ${k.source} ${k.apiVersion}, ${etcd}, controlPlaneEndpoint ${k.controlPlaneEndpoint ?? '(none)'}`,
    );
  }
  return lines;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [title, ...lines.map((l) => `  - ${l}`)];
}

function sum(r: Record<string, number>): number {
  return Object.values(r).reduce((a, b) => a + b, 0);
}
