/**
 * One scripted event → the Chaos Mesh experiments (spec only, no duration) that reproduce it in
 * one cluster, or notes saying why none can. Kinds, actions and fields per the CRDs of
 * chaos-mesh/chaos-mesh v2.8.3 (config/crd/bases): NetworkChaos `action: partition`,
 * `direction: both`, `mode: all|one`; PodChaos `container-kill` (which needs containerNames);
 * AWSChaos `ec2-stop` (awsRegion, ec2Instance), GCPChaos `node-stop` (project, zone,
 * instance), AzureChaos `vm-stop` (subscriptionID, resourceGroupName, vmName). Selectors
 * pick pods by namespace, labels and the labels of their node (`nodeSelectors`).
 */
import type { Cluster, ScenarioEvent } from '../model/topology.js';
import { affectedNodes, describeNode, zonesDown, type AffectedNode } from './event-nodes.js';
import { ZONE_LABEL } from './kube-nodes.js';

export type CloudKind = 'aws' | 'gcp' | 'azure';
export type ChaosMeshKind = 'NetworkChaos' | 'PodChaos' | 'AWSChaos' | 'GCPChaos' | 'AzureChaos';

export interface ChaosTargetOptions {
  /** Stop cloud instances (placeholders the user fills) instead of the in-cluster stand-ins. */
  cloud: CloudKind | null;
  /** Scenario zone name → the value of topology.kubernetes.io/zone on the nodes. */
  zoneLabels: Readonly<Record<string, string>>;
  /** Where the control plane's static pods run (kubeadm: kube-system). */
  controlPlaneNamespace: string;
  /** The Secret holding the cloud credentials, in the chaos objects' namespace. */
  cloudSecret: string;
}

export interface ChaosMeshSpec {
  kind: ChaosMeshKind;
  /** Appended to the event's name prefix. */
  suffix: string;
  spec: Record<string, unknown>;
  /** Killing containers happens once: the experiment has no duration. */
  oneShot: boolean;
  /** What this experiment stands for, for the comments. */
  what: string;
}

/** What to do by hand for a region impairment, which no chaos tool stages. */
export const IMPAIRMENT_NOTE =
  "a region impairment (the cloud's control plane, load balancers and DNS fail; VMs keep running) is no chaos experiment: take the cloud load balancer out and hold node replacement by hand for the time given";

/** Containers of kubeadm's static control-plane pods (label tier: control-plane). */
const CONTROL_PLANE_CONTAINERS = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'etcd',
];

export function chaosMeshSpecs(
  e: ScenarioEvent,
  c: Cluster,
  o: ChaosTargetOptions,
): { specs: ChaosMeshSpec[]; notes: string[] } {
  const zone = (z: string): string => o.zoneLabels[z] ?? z;
  const apiservers = (z: string): Record<string, unknown> => ({
    namespaces: [o.controlPlaneNamespace],
    labelSelectors: { component: 'kube-apiserver' },
    nodeSelectors: { [ZONE_LABEL]: zone(z) },
  });
  const isolate = (zones: readonly string[], mode: 'all' | 'one', tag: string): ChaosMeshSpec[] =>
    zones
      .filter((down) => (c.masters[down] ?? 0) > 0)
      .flatMap((down) =>
        c.zones
          .filter((z) => !zones.includes(z) && (c.masters[z] ?? 0) > 0)
          .map((other, k) => ({
            kind: 'NetworkChaos' as const,
            suffix: `${tag}-${k + 1}`,
            spec: {
              action: 'partition',
              mode,
              selector: apiservers(down),
              direction: 'both',
              target: { mode: 'all', selector: apiservers(other) },
            },
            oneShot: false,
            what: `cuts ${mode === 'one' ? 'one master' : 'the masters'} of zone ${down} off from those of zone ${other} (host network: the whole node)`,
          })),
      );
  const kill = (zones: readonly string[], mode: 'all' | 'one'): ChaosMeshSpec[] =>
    zones
      .filter((z) => (c.masters[z] ?? 0) > 0)
      .map((z, k) => ({
        kind: 'PodChaos' as const,
        suffix: `kill-${k + 1}`,
        spec: {
          action: 'container-kill',
          mode,
          selector: {
            namespaces: [o.controlPlaneNamespace],
            labelSelectors: { tier: 'control-plane' },
            nodeSelectors: { [ZONE_LABEL]: zone(z) },
          },
          containerNames: CONTROL_PLANE_CONTAINERS,
        },
        oneShot: true,
        what: `kills the control-plane containers of ${mode === 'one' ? 'one master' : 'every master'} in zone ${z} once, as a crash does`,
      }));
  const stops = (nodes: readonly AffectedNode[]): ChaosMeshSpec[] =>
    o.cloud === null
      ? []
      : nodes.map((n, k) => cloudStop(o.cloud ?? 'aws', n, c, zone(n.zone), o.cloudSecret, k + 1));
  const withoutCloud =
    'add --cloud aws|gcp|azure for the node-stop experiments (instance names to fill in)';
  switch (e.kind) {
    case 'fail': {
      const nodes = affectedNodes(e, c);
      if (e.target.kind === 'impairment') {
        return { specs: [], notes: [IMPAIRMENT_NOTE] };
      }
      if (e.target.kind === 'endpoint') {
        return {
          specs: [],
          notes: [
            'no Chaos Mesh kind takes a load balancer down: remove its targets (or stop the keepalived hosts) by hand for the time given',
          ],
        };
      }
      if (nodes.length === 0) return { specs: [], notes: [`does not touch cluster ${c.name}`] };
      if (o.cloud !== null) return { specs: stops(nodes), notes: [] };
      const zones = zonesDown(e, c);
      if (zones.length > 0 && zones.every((z) => (c.masters[z] ?? 0) === 0)) {
        return { specs: [], notes: [`no master in zone ${zones.join(', ')}: ${withoutCloud}`] };
      }
      if (zones.length > 0) {
        const workers = nodes.filter((n) => n.role !== 'master').length;
        return {
          specs: [...kill(zones, 'all'), ...isolate(zones, 'all', 'isolate')],
          notes: [
            'in-cluster stand-in for the zone outage: the masters of the zone crash and stay cut off from the other zones',
            ...(workers > 0
              ? [`its ${workers} worker(s) and etcd nodes keep running: ${withoutCloud}`]
              : []),
          ],
        };
      }
      const [node] = nodes;
      if (node?.role !== 'master') {
        return {
          specs: [],
          notes: [`no in-cluster Chaos Mesh kind stops a ${node?.role ?? 'node'}: ${withoutCloud}`],
        };
      }
      return {
        specs: [...kill([node.zone], 'one'), ...isolate([node.zone], 'one', 'isolate')],
        notes: [
          'in-cluster stand-in: one master of the zone crashes and stays cut off from the other zones; masters of its own zone still reach it',
        ],
      };
    }
    case 'partition': {
      const [a, b] = e.sides.map((side) =>
        side
          .filter((z) => z.region === c.region && (c.masters[z.zone] ?? 0) > 0)
          .map((z) => z.zone),
      );
      const pairs = (a ?? []).flatMap((x) => (b ?? []).map((y) => [x, y] as const));
      if (pairs.length === 0)
        return { specs: [], notes: [`does not split the masters of cluster ${c.name}`] };
      return {
        specs: pairs.map(([x, y], k) => ({
          kind: 'NetworkChaos' as const,
          suffix: `partition-${k + 1}`,
          spec: {
            action: 'partition',
            mode: 'all',
            selector: apiservers(x),
            direction: 'both',
            target: { mode: 'all', selector: apiservers(y) },
          },
          oneShot: false,
          what: `cuts the masters of zone ${x} off from those of zone ${y}, both ways`,
        })),
        notes: [
          'partitions the control plane (what hasim models); workers keep talking across zones',
        ],
      };
    }
    case 'maintenance':
      return {
        specs: [],
        notes: [
          'not a chaos experiment: run your rolling master upgrade (kubeadm upgrade, Cluster API, …) at this time',
        ],
      };
    case 'operatorError':
      return {
        specs: [],
        notes: [
          'not a chaos experiment: a bad change is yours to stage (e.g. a broken admission webhook) at this time',
        ],
      };
  }
}

/** A cloud node-stop experiment for one node, with placeholders in <angle brackets>. */
function cloudStop(
  cloud: CloudKind,
  n: AffectedNode,
  c: Cluster,
  zone: string,
  secretName: string,
  k: number,
): ChaosMeshSpec {
  const who = describeNode(n, c);
  const base = { suffix: `stop-${k}`, oneShot: false, what: `stops ${who}` };
  switch (cloud) {
    case 'aws':
      return {
        ...base,
        kind: 'AWSChaos',
        spec: {
          action: 'ec2-stop',
          secretName,
          awsRegion: `<AWS region of ${c.region}>`,
          ec2Instance: `<EC2 instance ID of ${who}>`,
        },
      };
    case 'gcp':
      return {
        ...base,
        kind: 'GCPChaos',
        spec: {
          action: 'node-stop',
          secretName,
          project: '<GCP project ID>',
          zone,
          instance: `<instance name of ${who}>`,
        },
      };
    case 'azure':
      return {
        ...base,
        kind: 'AzureChaos',
        spec: {
          action: 'vm-stop',
          secretName,
          subscriptionID: '<Azure subscription ID>',
          resourceGroupName: '<resource group>',
          vmName: `<VM name of ${who}>`,
        },
      };
  }
}
