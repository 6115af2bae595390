import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildImportedScenario,
  type ImportOptions,
} from '../../../src/interop/build-imported-scenario.js';
import { renderCommentedYaml } from '../../../src/interop/commented-yaml.js';
import { inferEndpointKind } from '../../../src/interop/endpoint-kind.js';
import { readNodeList } from '../../../src/interop/kube-nodes.js';
import { readKubeadmConfig } from '../../../src/interop/kubeadm-config.js';
import { layoutNodes } from '../../../src/interop/node-layout.js';
import { parseInputDocuments } from '../../../src/interop/parse-input-documents.js';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import type { Topology } from '../../../src/model/topology.js';
import { ROOT } from '../../helpers/run-cli.js';
import {
  largeCluster,
  makeNode,
  makeNodeList,
  THREE_ZONES,
  type NodeSpec,
} from '../../helpers/node-list.js';

const OPTIONS: ImportOptions = {
  name: 'imported',
  schemaPath: 'x.json',
  commandLine: 'hasim import',
};

function fixture(file: string): unknown[] {
  const parsed = parseInputDocuments(
    readFileSync(join(ROOT, 'test/fixtures/interop', file), 'utf8'),
    'x',
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.documents;
}

/** Node list (and kubeadm documents) → the imported scenario's topology, or the problems. */
function importNodes(
  list: unknown,
  kubeadm?: unknown[],
  defaultZone?: string,
): Topology | string[] {
  const nodes = readNodeList(list);
  if (!nodes.ok) return nodes.problems.map((p) => `${p.place}: ${p.message}`);
  const layout = layoutNodes(nodes.nodes, defaultZone === undefined ? {} : { defaultZone });
  if (!layout.ok) return layout.problems.map((p) => `${p.place}: ${p.message}`);
  const facts = kubeadm === undefined ? null : readKubeadmConfig(kubeadm);
  if (facts !== null && !facts.ok) return facts.problems.map((p) => p.message);
  const built = buildImportedScenario(
    { layout: layout.layout, kubeadm: facts?.facts ?? null },
    OPTIONS,
  );
  if (!built.ok) return built.problems.map((p) => p.message);
  const loaded = loadScenarioText(renderCommentedYaml(built.document), 'imported.yaml');
  if (!loaded.ok) return loaded.errors.map((e) => e.message);
  return loaded.topology;
}

function cluster(t: Topology | string[]) {
  if (Array.isArray(t)) throw new Error(t.join('\n'));
  return t.clusters[0]!;
}

describe('hasim import of kubectl get nodes -o json', () => {
  it('imports 3 control-plane nodes and 6 workers over three zones as masters 1/1/1, workers 2/2/2', () => {
    const c = cluster(importNodes(fixture('nodes/three-zones.json')[0]));
    expect(c.masters).toEqual({ 'eu-west-1a': 1, 'eu-west-1b': 1, 'eu-west-1c': 1 });
    expect(c.workers).toEqual({ 'eu-west-1a': 2, 'eu-west-1b': 2, 'eu-west-1c': 2 });
    expect(c.etcd.placement).toBe('stacked');
    expect(c.region).toBe('eu-west-1');
  });

  it('makes etcd external when the kubeadm configuration says so', () => {
    const c = cluster(
      importNodes(
        fixture('nodes/three-zones.json')[0],
        fixture('kubeadm/external-etcd-v1beta4.yaml'),
      ),
    );
    expect(c.etcd).toEqual({
      placement: 'external',
      members: { 'eu-west-1a': 1, 'eu-west-1b': 1, 'eu-west-1c': 1 },
    });
    expect(c.endpoint.kind).toBe('keepalived'); // controlPlaneEndpoint 10.0.0.100:6443
    expect(c.name).toBe('prod-eu');
  });

  it('reads the deprecated failure-domain zone labels and legacy master role', () => {
    const c = cluster(importNodes(fixture('nodes/deprecated-labels.json')[0]));
    expect(c.masters).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1 });
    expect(c.counts.workers).toBe(3); // the NotReady and the cordoned node still count
  });

  it('counts etcd-only nodes and masters with the etcd role as external members', () => {
    const c = cluster(importNodes(fixture('nodes/mixed-roles.json')[0]));
    expect(c.masters).toEqual({ 'zone-1': 1, 'zone-2': 1, 'zone-3': 0 });
    expect(c.etcd.members).toEqual({ 'zone-1': 2, 'zone-2': 2, 'zone-3': 1 });
  });

  it('keeps a single zone, and stacked etcd behind a DNS name from kubeadm v1beta3', () => {
    const c = cluster(
      importNodes(fixture('nodes/single-zone.json')[0], fixture('kubeadm/stacked-v1beta3.yaml')),
    );
    expect(c).toMatchObject({ masters: { 'fsn1-dc14': 3 }, etcd: { placement: 'stacked' } });
    expect(c.endpoint.kind).toBe('cloud');
  });

  it('refuses nodes without zone labels unless --default-zone places them', () => {
    const list = fixture('nodes/missing-labels.json')[0];
    expect(importNodes(list)).toEqual([
      'metadata.labels: no node has a zone label (topology.kubernetes.io/zone or failure-domain.beta.kubernetes.io/zone): k8s-cp-1, k8s-cp-2, k8s-cp-3, k8s-w-1, k8s-w-2; label them, or put them in one zone with --default-zone <zone>',
    ]);
    expect(cluster(importNodes(list, undefined, 'dc1')).masters).toEqual({ dc1: 3 });
  });

  it.each([
    ['an empty list', makeNodeList([]), 'items: the list has no nodes'],
    ['a list of Pods', fixture('nodes/pod-list.json')[0], 'items[0].kind: a Pod, not a Node'],
    ['a number', 42, ': not a JSON object'],
    ['a Service', { kind: 'Service', apiVersion: 'v1' }, 'kind: a Service, not a List of Nodes'],
    [
      'nodes in two regions',
      makeNodeList([
        { name: 'a', role: 'control-plane', zone: 'x1', region: 'r1' },
        { name: 'b', zone: 'y1', region: 'r2' },
      ]),
      'nodes in 2 regions (r1: 1, r2: 1)',
    ],
    [
      'a managed control plane',
      makeNodeList([{ name: 'w', zone: 'z' }]),
      'no node has the control-plane role',
    ],
    ['a node twice', makeNodeList([THREE_ZONES[0]!, THREE_ZONES[0]!]), 'node cp-a is listed twice'],
  ])('explains %s', (_name, list, message) => {
    const result = importNodes(list);
    expect(Array.isArray(result) ? result.join('\n') : 'imported').toContain(message);
  });

  it('reads one Node as well as a List', () => {
    const node = makeNode({ name: 'solo', role: 'control-plane', zone: 'z1' });
    expect(cluster(importNodes(node)).counts).toMatchObject({ masters: 1, workers: 0 });
  });

  it('imports 1,000 nodes: 5 masters 2/2/1 and 995 workers 332/331/332', () => {
    // Node i sits in zone i mod 3; masters are i = 0..4 (zones a b c a b), workers i = 5..999:
    // zone a holds 6, 9, …, 999 (332), b 7, …, 997 (331), c 5, …, 998 (332).
    const c = cluster(importNodes(makeNodeList(largeCluster(1000))));
    expect(Object.values(c.masters)).toEqual([2, 2, 1]);
    expect(Object.values(c.workers)).toEqual([332, 331, 332]);
  });

  it('reports a list beyond the 5,000 nodes Kubernetes supports in one cluster', () => {
    const nodes = readNodeList(makeNodeList(largeCluster(5001)));
    if (!nodes.ok) throw new Error('unreadable');
    const layout = layoutNodes(nodes.nodes, {});
    expect(layout.ok && layout.layout.reported).toEqual([
      '5001 nodes: more than the 5000 Kubernetes supports in one cluster',
    ]);
  });

  it('counts masters and workers per zone exactly as the labels say, for any list', () => {
    const specArb = fc.record({
      zone: fc.constantFrom('z-a', 'z-b', 'z-c', 'z-d'),
      role: fc.constantFrom('control-plane' as const, 'legacy-master' as const, 'worker' as const),
      labels: fc.constantFrom('topology' as const, 'deprecated' as const, 'both' as const),
    });
    fc.assert(
      fc.property(fc.array(specArb, { minLength: 1, maxLength: 30 }), (specs) => {
        fc.pre(specs.some((s) => s.role !== 'worker'));
        const nodes: NodeSpec[] = specs.map((s, i) => ({ ...s, name: `n${i}`, region: 'r' }));
        const c = cluster(importNodes(makeNodeList(nodes)));
        for (const z of c.zones) {
          const here = specs.filter((s) => s.zone === z);
          expect(c.masters[z]).toBe(here.filter((s) => s.role !== 'worker').length);
          expect(c.workers[z]).toBe(here.filter((s) => s.role === 'worker').length);
        }
      }),
    );
  });
});

describe('kubeadm configuration', () => {
  it('finds the ClusterConfiguration inside the kubeadm-config ConfigMap', () => {
    const r = readKubeadmConfig(fixture('kubeadm/kubeadm-config-configmap.yaml'));
    expect(r).toMatchObject({
      ok: true,
      facts: {
        source: 'ConfigMap kubeadm-config',
        apiVersion: 'kubeadm.k8s.io/v1beta4',
        controlPlaneEndpoint: 'api.k8s.internal:6443',
      },
    });
    expect(r.ok && r.facts.etcd.kind === 'external' && r.facts.etcd.endpoints).toHaveLength(5);
  });

  it.each([
    [
      fixture('kubeadm/v1beta2-old.yaml'),
      '"kubeadm.k8s.io/v1beta2" is not a kubeadm version hasim reads',
    ],
    [
      [
        {
          apiVersion: 'kubeadm.k8s.io/v1beta4',
          kind: 'ClusterConfiguration',
          etcd: { local: {}, external: { endpoints: ['x'] } },
        },
      ],
      'local and external are mutually exclusive',
    ],
    [
      [{ kind: 'KubeletConfiguration' }],
      'no kubeadm ClusterConfiguration found (documents: KubeletConfiguration)',
    ],
  ])('refuses what it cannot read (%#)', (docs, message) => {
    const r = readKubeadmConfig(docs);
    expect(r.ok ? 'read' : r.problems[0]!.message).toContain(message);
  });
});

describe('inferEndpointKind', () => {
  it.each([
    [null, 'single-master'],
    ['127.0.0.1:6443', 'local-proxy'],
    ['localhost:6443', 'local-proxy'],
    ['10.0.0.100:6443', 'keepalived'],
    ['10.0.0.100', 'keepalived'],
    ['[fd00::10]:6443', 'keepalived'],
    ['k8s-api.example.com:6443', 'cloud'],
    ['my-lb-1234.elb.eu-west-1.amazonaws.com', 'cloud'],
  ])('takes %s for %s', (endpoint, kind) => {
    expect(inferEndpointKind(endpoint).kind).toBe(kind);
  });
});

describe('parseInputDocuments', () => {
  it.each([
    ['', 'is empty'],
    [
      'NAME     STATUS   ROLES           AGE   VERSION\ncp-a   Ready   control-plane   4d   v1.31.4\n',
      'looks like the table kubectl prints',
    ],
    ['{"kind": "List", "items": [', 'is not valid JSON'],
    ['kind: List\nitems: [\n', 'is not valid YAML or JSON at line'],
  ])('explains %j', (text, message) => {
    const r = parseInputDocuments(text, 'nodes');
    expect(r.ok ? 'parsed' : r.message).toContain(message);
  });
});
