/**
 * What the schema cannot express: references between names, counts that must agree, events
 * inside the horizon; and the advice that is not an error (warnings). The rules read a loose
 * view of the raw input so they report alongside schema errors, with paths into the file.
 */
import { DEFAULT_SIMULATION } from './defaults.js';
import { error, warning, type Issue } from './issue.js';
import { LIMITS } from './limits.js';
import { looseView, type LooseCluster, type LooseFile } from './loose-view.js';
import { resolveClusters, resolveFailTarget, resolveZone, type NameIndex } from './references.js';
import { formatDuration, parseDuration } from './units.js';

type Path = (string | number)[];

export function buildNameIndex(file: {
  regions: { name?: string | undefined; zones: string[] | undefined }[];
  clusters: { name?: string | undefined; region?: string | undefined }[];
}): NameIndex {
  const regions = new Map<string, string[]>();
  for (const r of file.regions) {
    // A region whose zones are malformed is known, with no zones to check against.
    if (r.name !== undefined && !regions.has(r.name)) regions.set(r.name, r.zones ?? []);
  }
  const clusters = new Map<string, { region: string }>();
  for (const c of file.clusters) {
    if (c.name !== undefined && c.region !== undefined && !clusters.has(c.name)) {
      clusters.set(c.name, { region: c.region });
    }
  }
  return { regions, clusters };
}

/** Every semantic error and warning of a parsed scenario, whether or not it matches the schema. */
export function checkScenarioRules(input: unknown): Issue[] {
  const file = looseView(input);
  const issues: Issue[] = [];
  const index = buildNameIndex(file);
  checkDuplicates(file, issues);
  if (file.regions.length > 0 && file.regions.every((r) => r.users === 0)) {
    issues.push(error(['regions'], 'at least one region must have users > 0'));
  }
  for (const cluster of file.clusters) checkCluster(cluster, file, index, issues);
  checkEvents(file, index, issues);
  return issues;
}

// --- internal ---

function checkDuplicates(file: LooseFile, issues: Issue[]): void {
  const seen = (items: (string | undefined)[], path: (i: number) => Path, what: string): void => {
    const first = new Map<string, number>();
    items.forEach((name, i) => {
      if (name === undefined) return;
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, i);
      else issues.push(error(path(i), `duplicate ${what} "${name}" (first at index ${earlier})`));
    });
  };
  seen(
    file.regions.map((r) => r.name),
    (i) => ['regions', i, 'name'],
    'region name',
  );
  seen(
    file.clusters.map((c) => c.name),
    (i) => ['clusters', i, 'name'],
    'cluster name',
  );
  for (const r of file.regions) {
    if (r.zones === undefined) continue;
    seen(r.zones, (i) => ['regions', r.index, 'zones', i], `zone in region ${r.name ?? r.index}`);
  }
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function checkZoneKeys(
  counts: Record<string, number> | undefined,
  path: Path,
  region: string,
  zones: string[],
  issues: Issue[],
): void {
  for (const zone of Object.keys(counts ?? {})) {
    if (!zones.includes(zone)) {
      const message = `zone "${zone}" is not a zone of region ${region} (zones: ${zones.join(', ')})`;
      issues.push(error([...path, zone], message, { at: 'key' }));
    }
  }
}

function checkCluster(
  cluster: LooseCluster,
  file: LooseFile,
  index: NameIndex,
  issues: Issue[],
): void {
  const at = (...rest: Path): Path => ['clusters', cluster.index, ...rest];
  const zones = cluster.region === undefined ? undefined : index.regions.get(cluster.region);
  if (cluster.region !== undefined && zones === undefined) {
    const known = [...index.regions.keys()].join(', ');
    issues.push(
      error(at('region'), `region "${cluster.region}" is not defined (regions: ${known})`),
    );
  }
  const zonesKnown = file.regions.some((r) => r.name === cluster.region && r.zones !== undefined);
  if (cluster.region !== undefined && zones !== undefined && zonesKnown) {
    checkZoneKeys(cluster.masters, at('masters'), cluster.region, zones, issues);
    checkZoneKeys(cluster.workers, at('workers'), cluster.region, zones, issues);
    if (typeof cluster.etcd === 'object')
      checkZoneKeys(cluster.etcd, at('etcd'), cluster.region, zones, issues);
  }
  const masters = cluster.masters === undefined ? undefined : sum(cluster.masters);
  const workers = cluster.workers === undefined ? undefined : sum(cluster.workers);
  if (masters === 0) issues.push(error(at('masters'), 'a cluster needs at least one master'));
  if (masters === 1)
    issues.push(
      warning(at('masters'), 'a single master: any master failure takes the control plane down'),
    );
  if (typeof cluster.etcd === 'object' && sum(cluster.etcd) === 0) {
    issues.push(error(at('etcd'), 'etcd needs at least one member'));
  }
  if (workers === 0)
    issues.push(warning(at('workers'), 'no workers: the workloads metric is trivially up'));
  if (
    workers !== undefined &&
    cluster.workersNeeded !== undefined &&
    cluster.workersNeeded > workers
  ) {
    issues.push(
      error(
        at('workersNeeded'),
        `workersNeeded is ${cluster.workersNeeded} but only ${workers} workers are placed`,
      ),
    );
  }
  checkNodeCount(cluster, at, masters, workers, issues);
  checkEndpoint(cluster, at, masters ?? 0, zones, issues);
  const members = cluster.etcd === 'stacked' ? cluster.masters : cluster.etcd;
  if (members !== undefined && sum(members) > 0) {
    checkEtcdAdvice(members, at(cluster.etcd === 'stacked' ? 'masters' : 'etcd'), issues);
  }
}

/**
 * At most 5,000 nodes per cluster: masters and workers, the Kubernetes nodes (Kubernetes'
 * documented limit; external etcd members are not nodes and are held to the same count apart).
 */
function checkNodeCount(
  cluster: LooseCluster,
  at: (...rest: Path) => Path,
  masters: number | undefined,
  workers: number | undefined,
  issues: Issue[],
): void {
  const limit = LIMITS.maxNodesPerCluster;
  const nodes = (masters ?? 0) + (workers ?? 0);
  if (nodes > limit) {
    const key = (workers ?? 0) >= (masters ?? 0) ? 'workers' : 'masters';
    issues.push(
      error(
        at(key),
        `${masters ?? 0} masters + ${workers ?? 0} workers = ${nodes} nodes: Kubernetes supports at most ${limit} nodes per cluster (kubernetes.io, "Considerations for large clusters"); split the load over more clusters (hasim plan does)`,
      ),
    );
  }
  const external = typeof cluster.etcd === 'object' ? sum(cluster.etcd) : 0;
  if (external > limit)
    issues.push(
      error(
        at('etcd'),
        `${external} etcd members: at most ${limit} (as many as a cluster's nodes; etcd itself recommends 3, 5 or 7)`,
      ),
    );
}

function checkEndpoint(
  cluster: LooseCluster,
  at: (...rest: Path) => Path,
  masters: number,
  zones: string[] | undefined,
  issues: Issue[],
): void {
  const { kind, zone, zones: hostZones } = cluster.endpoint;
  if (zone !== undefined) {
    if (kind !== 'keepalived' && kind !== 'single-master') {
      issues.push(
        error(
          at('endpoint', 'zone'),
          `a zone applies only to keepalived and single-master endpoints, not ${kind}`,
        ),
      );
    } else if (zones !== undefined && !zones.includes(zone)) {
      issues.push(
        error(at('endpoint', 'zone'), `zone "${zone}" is not a zone of region ${cluster.region}`),
      );
    } else if (kind === 'single-master' && (cluster.masters?.[zone] ?? 0) === 0) {
      issues.push(error(at('endpoint', 'zone'), `no master is placed in zone "${zone}"`));
    }
  }
  if (hostZones !== undefined) {
    if (kind !== 'keepalived') {
      issues.push(
        error(
          at('endpoint', 'zones'),
          `zones (the two hosts' zones) apply only to keepalived endpoints, not ${kind}`,
        ),
      );
    } else if (zone !== undefined) {
      issues.push(
        error(at('endpoint', 'zones'), 'give zone (both hosts in one zone) or zones, not both'),
      );
    }
    hostZones.forEach((z, i) => {
      if (zones !== undefined && !zones.includes(z))
        issues.push(
          error(
            at('endpoint', 'zones', i),
            `zone "${z}" is not a zone of region ${cluster.region}`,
          ),
        );
    });
  }
  const path = cluster.endpoint.object ? at('endpoint', 'kind') : at('endpoint');
  if (kind === 'single-master' && masters > 1) {
    const others = masters - 1;
    issues.push(
      warning(
        path,
        `clients pin one master: the other ${others} add no API availability (a single point of failure)`,
      ),
    );
  } else if (kind === 'single-master') {
    issues.push(warning(path, 'the endpoint is one master: a single point of failure'));
  } else if (kind === 'keepalived' && (hostZones === undefined || hostZones[0] === hostZones[1])) {
    issues.push(
      warning(
        path,
        'the keepalived pair sits in one zone: losing that zone takes the endpoint down (zones: [a, b] spreads it)',
      ),
    );
  }
}

function checkEtcdAdvice(counts: Record<string, number>, path: Path, issues: Issue[]): void {
  const members = sum(counts);
  if (members % 2 === 0)
    issues.push(
      warning(path, `${members} etcd members tolerate no more failures than ${members - 1}`),
    );
  if (members > 7)
    issues.push(warning(path, `${members} etcd members: beyond 7, writes slow down (etcd FAQ)`));
  const used = Object.values(counts).filter((n) => n > 0).length;
  if (used === 2 && members > 1) {
    issues.push(
      warning(path, 'etcd spread over exactly two zones: losing the larger zone loses quorum'),
    );
  } else if (used === 1 && members > 1) {
    issues.push(warning(path, 'all etcd members in one zone: a zone outage loses quorum'));
  }
}

function checkEvents(file: LooseFile, index: NameIndex, issues: Issue[]): void {
  const horizon =
    file.horizon === undefined ? DEFAULT_SIMULATION.horizonHours : parseDuration(file.horizon);
  const clusters = new Map(file.clusters.map((c) => [c.name, c] as const));
  for (const event of file.events) {
    const at = (...rest: Path): Path => ['events', event.index, ...rest];
    const when = event.at === undefined ? undefined : parseDuration(event.at);
    if (when !== undefined && horizon !== undefined && when >= horizon) {
      issues.push(
        error(
          at('at'),
          `the event at ${event.at} is past the horizon (${formatDuration(horizon)})`,
        ),
      );
    }
    if (event.fail !== undefined) checkFailTarget(event.fail, at('fail'), index, clusters, issues);
    if (event.partition !== undefined) {
      const seen = new Set<string>();
      event.partition.forEach((side, s) =>
        side.forEach((text, z) => {
          if (typeof text !== 'string') return;
          const zone = resolveZone(text, index);
          if (!zone.ok) {
            issues.push(error(at('partition', s, z), zone.message));
            return;
          }
          const key = `${zone.value.region}/${zone.value.zone}`;
          if (seen.has(key))
            issues.push(error(at('partition', s, z), `zone ${key} is on both sides`));
          seen.add(key);
        }),
      );
    }
    for (const kind of ['operatorError', 'maintenance'] as const) {
      const list = event[kind]?.clusters;
      if (list !== 'all' && !(Array.isArray(list) && list.every((c) => typeof c === 'string')))
        continue;
      const resolved = resolveClusters(list, index);
      if (!resolved.ok) issues.push(error(at(kind, 'clusters'), resolved.message));
    }
  }
}

function checkFailTarget(
  text: string,
  path: Path,
  index: NameIndex,
  clusters: Map<string | undefined, LooseCluster>,
  issues: Issue[],
): void {
  const target = resolveFailTarget(text, index);
  if (!target.ok) {
    issues.push(error(path, target.message));
    return;
  }
  if (target.value.kind !== 'node') return;
  const { role, cluster, zone } = target.value;
  const c = clusters.get(cluster);
  if (c === undefined) return;
  const placed =
    role === 'worker'
      ? c.workers
      : role === 'master'
        ? c.masters
        : c.etcd === 'stacked'
          ? {}
          : c.etcd;
  if ((placed?.[zone] ?? 0) === 0) {
    const why =
      role === 'etcd' && c.etcd === 'stacked' ? ' (its etcd is stacked: fail a master)' : '';
    issues.push(error(path, `cluster ${cluster} has no ${role} in zone ${zone}${why}`));
  }
}
