/**
 * Imported nodes → a cluster's layout: its region, its zones and the masters, external etcd
 * nodes and workers per zone, with what was inferred and what deserves a look (NotReady or
 * cordoned nodes, deprecated labels, masters that also run pods).
 */
import type { ImportedNode, InputProblem } from './kube-nodes.js';
import { DEPRECATED_ZONE_LABEL, MAX_PROBLEMS, ZONE_LABEL } from './kube-nodes.js';

export interface NodeLayout {
  region: string | null;
  /** Scenario zone names, sorted, each with the label value it came from. */
  zones: { name: string; label: string }[];
  masters: Record<string, number>;
  /** Nodes with the etcd role but not the control-plane one: external etcd members. */
  etcdNodes: Record<string, number>;
  /** Masters that also carry the etcd role label (RKE2, k3s servers run a member). */
  mastersWithEtcd: Record<string, number>;
  workers: Record<string, number>;
  counts: { nodes: number; masters: number; etcdNodes: number; workers: number };
  inferred: string[];
  reported: string[];
}

export interface LayoutOptions {
  /** The zone of nodes without a zone label. */
  defaultZone?: string;
}

export type LayoutResult =
  { ok: true; layout: NodeLayout } | { ok: false; problems: InputProblem[] };

export function layoutNodes(nodes: readonly ImportedNode[], options: LayoutOptions): LayoutResult {
  const unzoned = nodes.filter((n) => n.zone === null);
  if (unzoned.length > 0 && options.defaultZone === undefined) {
    const which =
      unzoned.length === nodes.length
        ? 'no node has a'
        : `${unzoned.length} of ${nodes.length} nodes have no`;
    return {
      ok: false,
      problems: [
        {
          place: 'metadata.labels',
          message: `${which} zone label (${ZONE_LABEL} or ${DEPRECATED_ZONE_LABEL}): ${listNames(unzoned)}; label them, or put them in one zone with --default-zone <zone>`,
        },
      ],
    };
  }
  const regions = countBy(
    nodes.filter((n) => n.region !== null),
    (n) => n.region ?? '',
  );
  if (regions.size > 1) {
    const list = [...regions].map(([r, k]) => `${r}: ${k}`).join(', ');
    return {
      ok: false,
      problems: [
        {
          place: 'metadata.labels',
          message: `nodes in ${regions.size} regions (${list}); a hasim cluster runs in one region: import each region's nodes as its own cluster`,
        },
      ],
    };
  }
  const labelOf = (n: ImportedNode): string => n.zone ?? options.defaultZone ?? '';
  const problems: InputProblem[] = [];
  const zoneNames = new Map<string, string>(); // label value → scenario name
  const byName = new Map<string, string>();
  for (const label of [...new Set(nodes.map(labelOf))].sort()) {
    const name = toScenarioName(label);
    const clash = byName.get(name);
    if (name === '' || clash !== undefined) {
      problems.push({
        place: 'metadata.labels',
        message:
          name === ''
            ? `zone "${label}" has no letters or digits to name it by`
            : `zones "${clash}" and "${label}" would both be named ${name}`,
      });
    }
    zoneNames.set(label, name);
    byName.set(name, label);
  }
  if (problems.length > 0) return { ok: false, problems };
  const count = (role: ImportedNode['role'], etcdLabel?: boolean): Record<string, number> => {
    const out: Record<string, number> = {};
    const match = (x: ImportedNode): boolean =>
      x.role === role && (etcdLabel === undefined || x.etcdLabel === etcdLabel);
    for (const n of nodes.filter(match)) {
      const z = zoneNames.get(labelOf(n)) ?? '';
      out[z] = (out[z] ?? 0) + 1;
    }
    return out;
  };
  const masters = count('master');
  const etcdNodes = count('etcd');
  const workers = count('worker');
  const mastersWithEtcd = count('master', true);
  const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    ok: true,
    layout: {
      region: [...regions.keys()][0] ?? null,
      zones: [...zoneNames].map(([label, name]) => ({ name, label })),
      masters,
      etcdNodes,
      mastersWithEtcd,
      workers,
      counts: {
        nodes: nodes.length,
        masters: total(masters),
        etcdNodes: total(etcdNodes),
        workers: total(workers),
      },
      inferred: inferred(nodes, unzoned, options.defaultZone),
      reported: reported(nodes),
    },
  };
}

/** A label value as a scenario name: lowercase letters, digits, "-" and ".". */
export function toScenarioName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

// --- internal ---

function inferred(
  nodes: readonly ImportedNode[],
  unzoned: readonly ImportedNode[],
  defaultZone: string | undefined,
): string[] {
  const lines: string[] = [];
  const deprecated = nodes.filter((n) => n.zoneSource === 'deprecated');
  if (deprecated.length > 0) {
    lines.push(
      `zone of ${deprecated.length} node(s) from the deprecated ${DEPRECATED_ZONE_LABEL}: ${listNames(deprecated)}`,
    );
  }
  if (unzoned.length > 0) {
    lines.push(
      `${unzoned.length} node(s) without a zone label put in zone ${defaultZone ?? '?'} (--default-zone)`,
    );
  }
  const etcdOnly = nodes.filter((n) => n.role === 'etcd');
  if (etcdOnly.length > 0)
    lines.push(`${etcdOnly.length} node(s) with the etcd role only: external etcd members`);
  const schedulable = nodes.filter((n) => n.schedulableMaster);
  if (schedulable.length > 0) {
    lines.push(
      `${schedulable.length} master(s) without a NoSchedule taint also run pods; counted as masters only: ${listNames(schedulable)}`,
    );
  }
  return lines;
}

/** Nodes per cluster Kubernetes supports (kubernetes.io/docs/setup/best-practices/cluster-large/). */
const MAX_CLUSTER_NODES = 5000;

function reported(nodes: readonly ImportedNode[]): string[] {
  const lines: string[] = [];
  if (nodes.length > MAX_CLUSTER_NODES) {
    lines.push(
      `${nodes.length} nodes: more than the ${MAX_CLUSTER_NODES} Kubernetes supports in one cluster`,
    );
  }
  const notReady = nodes.filter((n) => n.ready !== true);
  if (notReady.length > 0)
    lines.push(`not Ready now (counted as part of the design): ${listNames(notReady)}`);
  const cordoned = nodes.filter((n) => n.cordoned);
  if (cordoned.length > 0) lines.push(`cordoned (counted): ${listNames(cordoned)}`);
  return lines;
}

function listNames(nodes: readonly ImportedNode[]): string {
  const names = nodes.slice(0, MAX_PROBLEMS).map((n) => n.name);
  return nodes.length > MAX_PROBLEMS
    ? `${names.join(', ')} and ${nodes.length - MAX_PROBLEMS} more`
    : names.join(', ');
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}
