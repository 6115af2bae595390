/**
 * The output of `kubectl get nodes -o json` (a `v1` `List` of `Node`s, or one `Node`) → the
 * facts hasim needs per node: zone, region, role, readiness. Label keys, from the Kubernetes
 * docs (kubernetes.io/docs/reference/labels-annotations-taints/):
 * - `topology.kubernetes.io/zone` and `/region` (GA since 1.17), falling back to the deprecated
 *   `failure-domain.beta.kubernetes.io/zone` and `/region`;
 * - `node-role.kubernetes.io/control-plane` (kubeadm since 1.20), or the legacy
 *   `node-role.kubernetes.io/master` (removed by kubeadm in 1.24); the key's presence counts,
 *   whatever its value (kubeadm sets "", RKE2 and k3s "true");
 * - `node-role.kubernetes.io/etcd` (RKE2, k3s): a node that runs an etcd member.
 */

import { isRecord } from './is-record.js';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const REGION_LABEL = 'topology.kubernetes.io/region';
export const DEPRECATED_ZONE_LABEL = 'failure-domain.beta.kubernetes.io/zone';
export const DEPRECATED_REGION_LABEL = 'failure-domain.beta.kubernetes.io/region';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
export const MASTER_LABEL = 'node-role.kubernetes.io/master';
export const ETCD_LABEL = 'node-role.kubernetes.io/etcd';

export type NodeRoleFound = 'master' | 'etcd' | 'worker';

export interface ImportedNode {
  name: string;
  role: NodeRoleFound;
  /** Also runs an etcd member (a master with the etcd label: stacked). */
  etcdLabel: boolean;
  zone: string | null;
  region: string | null;
  /** Which label the zone came from. */
  zoneSource: 'topology' | 'deprecated' | null;
  /** The Ready condition: true, false, or null when it is Unknown or missing. */
  ready: boolean | null;
  /** `spec.unschedulable` (kubectl cordon). */
  cordoned: boolean;
  /** A master without a NoSchedule/NoExecute taint: ordinary pods may run on it. */
  schedulableMaster: boolean;
}

/** A problem with the input, at a path such as `items[3].kind`. */
export interface InputProblem {
  place: string;
  message: string;
}

export type NodeListResult =
  { ok: true; nodes: ImportedNode[] } | { ok: false; problems: InputProblem[] };

/** Problems listed per input before "… and n more". */
export const MAX_PROBLEMS = 10;

const HINT = 'expected the output of kubectl get nodes -o json';

export function readNodeList(value: unknown): NodeListResult {
  if (!isRecord(value)) return fail('', `not a JSON object; ${HINT}`);
  const kind = value['kind'];
  const items: unknown[] | undefined =
    kind === 'Node' ? [value] : Array.isArray(value['items']) ? value['items'] : undefined;
  if (items === undefined) {
    const what = typeof kind === 'string' ? `a ${kind}` : 'an object without kind and items';
    return fail(typeof kind === 'string' ? 'kind' : '', `${what}, not a List of Nodes; ${HINT}`);
  }
  if (items.length === 0) return fail('items', 'the list has no nodes');
  const problems: InputProblem[] = [];
  const nodes: ImportedNode[] = [];
  for (const [i, item] of items.entries()) {
    const at = kind === 'Node' ? '' : `items[${i}]`;
    const node = readNode(item, at, problems);
    if (node !== undefined) nodes.push(node);
  }
  const names = new Set<string>();
  for (const n of nodes) {
    if (names.has(n.name))
      problems.push({ place: 'items', message: `node ${n.name} is listed twice` });
    names.add(n.name);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, nodes };
}

// --- internal ---

function readNode(item: unknown, at: string, problems: InputProblem[]): ImportedNode | undefined {
  const place = (p: string): string => [at, p].filter((s) => s !== '').join('.');
  if (!isRecord(item)) {
    problems.push({ place: at, message: `not an object; ${HINT}` });
    return undefined;
  }
  if (item['kind'] !== undefined && item['kind'] !== 'Node') {
    const kind = typeof item['kind'] === 'string' ? `a ${item['kind']}` : 'not a Node';
    problems.push({ place: place('kind'), message: `${kind}, not a Node; ${HINT}` });
    return undefined;
  }
  const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
  const name = metadata['name'];
  if (typeof name !== 'string' || name === '') {
    problems.push({ place: place('metadata.name'), message: 'a Node without a name' });
    return undefined;
  }
  const labels = isRecord(metadata['labels']) ? metadata['labels'] : {};
  const label = (key: string): string | null => {
    const v = labels[key];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const has = (key: string): boolean => key in labels;
  const spec = isRecord(item['spec']) ? item['spec'] : {};
  const master = has(CONTROL_PLANE_LABEL) || has(MASTER_LABEL);
  const etcdLabel = has(ETCD_LABEL);
  const zone = label(ZONE_LABEL) ?? label(DEPRECATED_ZONE_LABEL);
  return {
    name,
    role: master ? 'master' : etcdLabel ? 'etcd' : 'worker',
    etcdLabel,
    zone,
    region: label(REGION_LABEL) ?? label(DEPRECATED_REGION_LABEL),
    zoneSource: label(ZONE_LABEL) !== null ? 'topology' : zone !== null ? 'deprecated' : null,
    ready: readyCondition(item['status']),
    cordoned: spec['unschedulable'] === true,
    schedulableMaster: master && !hasNoScheduleTaint(spec['taints']),
  };
}

function readyCondition(status: unknown): boolean | null {
  const conditions: unknown[] =
    isRecord(status) && Array.isArray(status['conditions']) ? status['conditions'] : [];
  const ready = conditions.find((c) => isRecord(c) && c['type'] === 'Ready');
  if (!isRecord(ready)) return null;
  return ready['status'] === 'True' ? true : ready['status'] === 'False' ? false : null;
}

function hasNoScheduleTaint(taints: unknown): boolean {
  if (!Array.isArray(taints)) return false;
  return taints.some(
    (t) => isRecord(t) && (t['effect'] === 'NoSchedule' || t['effect'] === 'NoExecute'),
  );
}

function fail(place: string, message: string): NodeListResult {
  return { ok: false, problems: [{ place, message }] };
}
