/**
 * Node objects shaped like `kubectl get nodes -o json` output (v1 List of v1 Node): labels a
 * kubelet and a cloud provider set, control-plane taints, Ready and pressure conditions, node
 * info. Written for hasim's tests; field names per the Kubernetes API reference (core/v1 Node).
 */

export interface NodeSpec {
  name: string;
  role?: 'control-plane' | 'legacy-master' | 'worker' | 'etcd' | 'control-plane+etcd';
  zone?: string;
  region?: string;
  /** `topology` (default), `deprecated` (failure-domain.beta…), `both`, or none. */
  labels?: 'topology' | 'deprecated' | 'both' | 'none';
  ready?: 'True' | 'False' | 'Unknown';
  cordoned?: boolean;
}

export function makeNode(spec: NodeSpec): Record<string, unknown> {
  const role = spec.role ?? 'worker';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': role === 'worker' ? 'm6i.xlarge' : 'm6i.large',
  };
  const style = spec.labels ?? 'topology';
  if (spec.zone !== undefined && (style === 'topology' || style === 'both')) {
    labels['topology.kubernetes.io/zone'] = spec.zone;
    if (spec.region !== undefined) labels['topology.kubernetes.io/region'] = spec.region;
  }
  if (spec.zone !== undefined && (style === 'deprecated' || style === 'both')) {
    labels['failure-domain.beta.kubernetes.io/zone'] = spec.zone;
    if (spec.region !== undefined) labels['failure-domain.beta.kubernetes.io/region'] = spec.region;
  }
  const taints: unknown[] = [];
  if (role === 'control-plane' || role === 'control-plane+etcd') {
    labels['node-role.kubernetes.io/control-plane'] = role === 'control-plane' ? '' : 'true';
    taints.push({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  }
  if (role === 'legacy-master') {
    labels['node-role.kubernetes.io/master'] = '';
    taints.push({ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' });
  }
  if (role === 'etcd' || role === 'control-plane+etcd') {
    labels['node-role.kubernetes.io/etcd'] = 'true';
    if (role === 'etcd') taints.push({ key: 'node-role.kubernetes.io/etcd', effect: 'NoExecute' });
  }
  if (spec.cordoned) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  const ready = spec.ready ?? 'True';
  const time = '2025-03-02T09:14:27Z';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      uid: `0d6f3c2a-${spec.name.length.toString(16).padStart(4, '0')}-4b1e-9c55-7a1e2f3b4c5d`,
      resourceVersion: '48213',
      creationTimestamp: '2025-02-27T16:03:11Z',
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: '10.244.0.0/24',
      providerID: `aws:///${spec.zone ?? 'unknown'}/i-0${hash(spec.name)}`,
      ...(taints.length > 0 ? { taints } : {}),
      ...(spec.cordoned ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: `10.0.${hash(spec.name).length}.${spec.name.length}` },
        { type: 'Hostname', address: spec.name },
      ],
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', time),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', time),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', time),
        condition(
          'Ready',
          ready,
          ready === 'True'
            ? 'KubeletReady'
            : ready === 'False'
              ? 'KubeletNotReady'
              : 'NodeStatusUnknown',
          time,
        ),
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.0-25-cloud-amd64',
        kubeProxyVersion: 'v1.31.4',
        kubeletVersion: 'v1.31.4',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
}

/** A `kubectl get nodes -o json` document. */
export function makeNodeList(specs: readonly NodeSpec[]): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: specs.map(makeNode),
  };
}

/** 3 control-plane nodes and 6 workers over three zones of eu-west-1. */
export const THREE_ZONES: NodeSpec[] = ['a', 'b', 'c'].flatMap((z) => [
  { name: `cp-${z}`, role: 'control-plane' as const, zone: `eu-west-1${z}`, region: 'eu-west-1' },
  { name: `worker-${z}1`, zone: `eu-west-1${z}`, region: 'eu-west-1' },
  { name: `worker-${z}2`, zone: `eu-west-1${z}`, region: 'eu-west-1' },
]);

/** `n` nodes: 5 control-plane, the rest workers, round-robin over three zones. */
export function largeCluster(n: number): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: i < 5 ? `cp-${i}` : `worker-${i}`,
    role: i < 5 ? ('control-plane' as const) : ('worker' as const),
    zone: `us-east-1${'abc'[i % 3] ?? 'a'}`,
    region: 'us-east-1',
  }));
}

// --- internal ---

function condition(type: string, status: string, reason: string, time: string): unknown {
  return {
    type,
    status,
    reason,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    message: `kubelet: ${reason}`,
  };
}

function hash(s: string): string {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0') + 'a1b2c3d4e';
}
