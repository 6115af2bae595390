/**
 * The control plane `hasim plan` recommends for one cluster: the fewest etcd members (3, 5 or
 * 7) whose even spread over the region's zones survives the zone losses asked for, masters and
 * endpoint to match, and honest warnings where no placement can.
 */
import type { EndpointKind, EtcdPlacement } from '../model/topology.js';
import { balancedSpread, computeDomainTolerance } from '../quorum/domain-tolerance.js';

export interface ControlPlaneOptions {
  /** The zones of the cluster's region, in order. */
  zones: readonly string[];
  /** Zone losses the control plane should survive. */
  zoneLosses: number;
  etcdPlacement: EtcdPlacement;
  endpoint: EndpointKind;
}

export interface ControlPlaneChoice {
  masters: Record<string, number>;
  etcd: {
    placement: EtcdPlacement;
    members: Record<string, number>;
    quorum: number;
    tolerance: number;
    zoneTolerance: number;
    criticalZoneSets: string[][];
  };
  /** keepalived and single-master endpoints live in one zone (the first); others have none. */
  endpoint: { kind: EndpointKind; zone: string | null };
  /** Why this control plane, in words. */
  rationale: string;
  warnings: string[];
}

/** Etcd sizes considered, smallest first: odd sizes up to the etcd FAQ's advised maximum of 7. */
export const ETCD_SIZES = [3, 5, 7] as const;

/** Recommends masters, etcd members and endpoint for one cluster over the given zones. */
export function chooseControlPlane(options: ControlPlaneOptions): ControlPlaneChoice {
  const { zones, zoneLosses, etcdPlacement, endpoint } = options;
  const spreadOf = (n: number): Record<string, number> => {
    const counts = balancedSpread(n, zones.length);
    return Object.fromEntries(zones.map((z, i) => [z, counts[i] ?? 0]));
  };
  const candidates = ETCD_SIZES.map((n) => {
    const members = spreadOf(n);
    return { n, members, tolerance: computeDomainTolerance(members) };
  });
  const enough = candidates.find((c) => c.tolerance.domainTolerance >= zoneLosses);
  // Without a size that survives the losses asked for, take the best (fewest members on ties).
  const best = candidates.reduce((a, b) =>
    b.tolerance.domainTolerance > a.tolerance.domainTolerance ? b : a,
  );
  const chosen = enough ?? best;
  const warnings: string[] = [];
  const t = chosen.tolerance;
  if (zones.length === 1) {
    warnings.push('one zone per region: losing it takes every cluster of the region down');
  } else if (zones.length === 2) {
    warnings.push(
      'two zones per region: no etcd placement over two zones survives the loss of the zone ' +
        'holding more members; add a third zone (a single witness etcd member there is ' +
        'enough: 1+1+1 or 2+2+1 tolerates one zone loss)',
    );
  } else if (enough === undefined) {
    warnings.push(
      `no etcd of at most 7 members over ${zones.length} zones survives ${zoneLosses} zone losses; ` +
        `the best tolerates ${t.domainTolerance}`,
    );
  }
  const masters =
    etcdPlacement === 'stacked' ? chosen.members : spreadOf(Math.max(3, zoneLosses + 1));
  const endpointZone = endpoint === 'keepalived' || endpoint === 'single-master' ? zones[0] : null;
  if (endpoint === 'keepalived') {
    warnings.push(
      `keepalived's VIP pair lives in one zone (${endpointZone ?? '?'}): losing it takes the API endpoint down`,
    );
  } else if (endpoint === 'single-master') {
    warnings.push('clients pin one master: losing it takes the API down');
  }
  const spread = Object.values(chosen.members).join('+');
  const rationale =
    zoneLosses === 0
      ? `${chosen.n} ${etcdPlacement} etcd members (${spread}): no zone loss asked for`
      : enough === undefined
        ? `${chosen.n} ${etcdPlacement} etcd members (${spread}): no size up to 7 survives ${zoneLosses} zone loss${zoneLosses === 1 ? '' : 'es'} over ${zones.length} zone${zones.length === 1 ? '' : 's'}`
        : `${chosen.n} ${etcdPlacement} etcd members (${spread}): the fewest whose spread keeps quorum after any ${zoneLosses} zone loss${zoneLosses === 1 ? '' : 'es'}`;
  return {
    masters,
    etcd: {
      placement: etcdPlacement,
      members: chosen.members,
      quorum: t.quorum,
      tolerance: t.tolerance,
      zoneTolerance: t.domainTolerance,
      criticalZoneSets: t.criticalSets,
    },
    endpoint: { kind: endpoint, zone: endpointZone ?? null },
    rationale,
    warnings,
  };
}
