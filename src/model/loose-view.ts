/**
 * A forgiving view of a parsed scenario for the semantic rules: the well-formed pieces of the
 * input, at their original indexes, with malformed pieces left out (the schema reports those).
 * This lets one run report an unknown zone and a mistyped key together.
 */

export interface LooseRegion {
  index: number;
  name: string | undefined;
  /** undefined when the zones are not a list (the schema reports it). */
  zones: string[] | undefined;
  users: number | undefined;
}

export interface LooseCluster {
  index: number;
  name: string | undefined;
  region: string | undefined;
  masters: Record<string, number> | undefined;
  workers: Record<string, number> | undefined;
  /** 'stacked', members per zone, or undefined when malformed. */
  etcd: 'stacked' | Record<string, number> | undefined;
  endpoint: {
    kind: string | undefined;
    zone: string | undefined;
    /** keepalived host zones, as written (strings only). */
    zones: string[] | undefined;
    object: boolean;
  };
  workersNeeded: number | undefined;
}

export interface LooseEvent {
  index: number;
  at: string | undefined;
  fail: string | undefined;
  partition: unknown[][] | undefined;
  operatorError: { clusters: unknown } | undefined;
  maintenance: { clusters: unknown } | undefined;
}

export interface LooseFile {
  regions: LooseRegion[];
  clusters: LooseCluster[];
  events: LooseEvent[];
  horizon: string | undefined;
}

export function looseView(input: unknown): LooseFile {
  const root = record(input) ?? {};
  return {
    regions: list(root['regions']).map((r, index) => {
      const o = record(r) ?? {};
      return {
        index,
        name: str(o['name']),
        zones: Array.isArray(o['zones'])
          ? (o['zones'] as unknown[]).filter((z): z is string => typeof z === 'string')
          : undefined,
        users: num(o['users']),
      };
    }),
    clusters: list(root['clusters']).map((c, index) => {
      const o = record(c) ?? {};
      const etcd = o['etcd'];
      const endpoint = o['endpoint'];
      const ep = record(endpoint);
      return {
        index,
        name: str(o['name']),
        region: str(o['region']),
        masters: counts(o['masters']),
        workers: counts(o['workers']),
        etcd: etcd === undefined || etcd === 'stacked' ? 'stacked' : counts(etcd),
        endpoint: ep
          ? {
              kind: str(ep['kind']),
              zone: str(ep['zone']),
              zones: Array.isArray(ep['zones'])
                ? (ep['zones'] as unknown[]).filter((z): z is string => typeof z === 'string')
                : undefined,
              object: true,
            }
          : {
              kind: endpoint === undefined ? 'cloud' : str(endpoint),
              zone: undefined,
              zones: undefined,
              object: false,
            },
        workersNeeded: num(o['workersNeeded']),
      };
    }),
    events: list(root['events']).map((e, index) => {
      const o = record(e) ?? {};
      const partition = o['partition'];
      return {
        index,
        at: str(o['at']),
        fail: str(o['fail']),
        partition:
          Array.isArray(partition) && partition.every(Array.isArray)
            ? (partition as unknown[][])
            : undefined,
        operatorError: wrapClusters(o['operatorError']),
        maintenance: wrapClusters(o['maintenance']),
      };
    }),
    horizon: str(record(root['simulation'])?.['horizon']),
  };
}

// --- internal ---

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
/** Counts per zone; keys are kept with malformed values read as 0 so zone names are checked. */
function counts(v: unknown): Record<string, number> | undefined {
  const o = record(v);
  if (!o) return undefined;
  return Object.fromEntries(
    Object.entries(o).map(([k, n]) => [
      k,
      num(n) !== undefined && (n as number) >= 0 ? (n as number) : 0,
    ]),
  );
}
function wrapClusters(v: unknown): { clusters: unknown } | undefined {
  const o = record(v);
  return o ? { clusters: o['clusters'] } : undefined;
}
