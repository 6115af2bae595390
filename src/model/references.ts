/**
 * Resolving the names a scenario uses to refer to its own parts: zones (`eu-west/b`, or `b`
 * when only one region has a zone b), fail targets (`zone eu-west/b`, `master prod/a`), and
 * cluster lists (`all` or names).
 */
import type { FailTarget, ZoneRef } from './topology.js';

export interface NameIndex {
  regions: Map<string, string[]>;
  clusters: Map<string, { region: string }>;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

export function resolveZone(text: string, index: NameIndex): Resolved<ZoneRef> {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const region = text.slice(0, slash);
    const zone = text.slice(slash + 1);
    const zones = index.regions.get(region);
    if (!zones) return { ok: false, message: `region "${region}" is not defined` };
    if (!zones.includes(zone)) {
      return { ok: false, message: `zone "${zone}" is not a zone of region ${region}` };
    }
    return { ok: true, value: { region, zone } };
  }
  const owners = [...index.regions].filter(([, zones]) => zones.includes(text));
  const [owner] = owners;
  if (owners.length === 1 && owner) return { ok: true, value: { region: owner[0], zone: text } };
  if (owners.length === 0) return { ok: false, message: `no region has a zone "${text}"` };
  return {
    ok: false,
    message: `zone "${text}" is ambiguous (regions ${owners.map(([r]) => r).join(', ')}); write <region>/${text}`,
  };
}

const TARGET_HINT =
  'expected "zone <region>/<zone>", "region <region>" (a blackout), "impairment <region>", "master|etcd|worker <cluster>/<zone>" or "endpoint <cluster>"';

export function resolveFailTarget(text: string, index: NameIndex): Resolved<FailTarget> {
  const [kind = '', name, ...rest] = text.trim().split(/\s+/);
  if (name === undefined || rest.length > 0) return { ok: false, message: TARGET_HINT };
  switch (kind) {
    case 'zone': {
      const zone = resolveZone(name, index);
      return zone.ok ? { ok: true, value: { kind: 'zone', ...zone.value } } : zone;
    }
    case 'region':
    case 'impairment':
      return index.regions.has(name)
        ? { ok: true, value: { kind, region: name } }
        : { ok: false, message: `region "${name}" is not defined` };
    case 'endpoint':
      return index.clusters.has(name)
        ? { ok: true, value: { kind: 'endpoint', cluster: name } }
        : { ok: false, message: `cluster "${name}" is not defined` };
    case 'master':
    case 'etcd':
    case 'worker': {
      const [cluster, zone] = name.split('/');
      const found = cluster === undefined ? undefined : index.clusters.get(cluster);
      if (cluster === undefined || zone === undefined || !found) {
        return found || cluster === undefined || zone === undefined
          ? { ok: false, message: TARGET_HINT }
          : { ok: false, message: `cluster "${cluster}" is not defined` };
      }
      const zones = index.regions.get(found.region);
      // An undefined region is reported where the cluster names it; nothing to check here.
      if (zones !== undefined && !zones.includes(zone)) {
        return { ok: false, message: `zone "${zone}" is not a zone of region ${found.region}` };
      }
      return { ok: true, value: { kind: 'node', role: kind, cluster, zone } };
    }
    default:
      return { ok: false, message: TARGET_HINT };
  }
}

export function formatFailTarget(target: FailTarget): string {
  switch (target.kind) {
    case 'zone':
      return `zone ${target.region}/${target.zone}`;
    case 'region':
      return `region ${target.region}`;
    case 'impairment':
      return `impairment ${target.region}`;
    case 'endpoint':
      return `endpoint ${target.cluster}`;
    case 'node':
      return `${target.role} ${target.cluster}/${target.zone}`;
  }
}

export function resolveClusters(list: 'all' | string[], index: NameIndex): Resolved<string[]> {
  if (list === 'all') return { ok: true, value: [...index.clusters.keys()] };
  const unknown = list.filter((c) => !index.clusters.has(c));
  if (unknown.length > 0) {
    return { ok: false, message: `cluster "${unknown[0]}" is not defined` };
  }
  return { ok: true, value: list };
}
