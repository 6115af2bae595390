/**
 * The election-gap measurement summarised: over n leader kills, the gap from the kill to the
 * first successful write, with its median and 95th percentile, next to the timers hasim's model
 * has (it has none for an etcd election: quorum changes at once).
 */
import type { EndpointKind, Timers } from '../model/topology.js';
import type { ElectionObservation } from './lab-observation.js';

export interface ElectionGaps {
  /** Leaders killed, and how many of those kills were followed by a write within the wait. */
  kills: number;
  measured: number;
  /** The gaps in ms, in the order of the kills. */
  gapsMs: number[];
  medianMs: number | null;
  p95Ms: number | null;
  minMs: number | null;
  maxMs: number | null;
  /** Median time from the kill until a surviving member reported the new leader. */
  newLeaderMedianMs: number | null;
  /** etcd's timers during the measurement. */
  heartbeatMs: number;
  electionMs: number;
  /**
   * What hasim's model uses: no etcd election timer, and the related Kubernetes timers (the
   * endpoint failover of the cluster's endpoint kind).
   */
  model: {
    etcdElectionMs: 0;
    leaseDurationMs: number;
    endpointKind: EndpointKind;
    endpointFailoverMs: number;
  };
}

/**
 * The q-quantile of `values` by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R and NumPy); null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Summarises the leader kills of a run. */
export function summarizeElections(
  kills: readonly ElectionObservation[],
  timing: { heartbeatMs: number; electionMs: number },
  timers: Timers,
  endpointKind: EndpointKind,
): ElectionGaps {
  const gaps = kills.flatMap((k) => (k.gapMs === null ? [] : [k.gapMs]));
  const leaders = kills.flatMap((k) => (k.newLeaderMs === null ? [] : [k.newLeaderMs]));
  const hoursToMs = (h: number): number => Math.round(h * 3_600_000);
  return {
    kills: kills.length,
    measured: gaps.length,
    gapsMs: gaps,
    medianMs: quantile(gaps, 0.5),
    p95Ms: quantile(gaps, 0.95),
    minMs: gaps.length === 0 ? null : Math.min(...gaps),
    maxMs: gaps.length === 0 ? null : Math.max(...gaps),
    newLeaderMedianMs: quantile(leaders, 0.5),
    heartbeatMs: timing.heartbeatMs,
    electionMs: timing.electionMs,
    model: {
      etcdElectionMs: 0,
      leaseDurationMs: hoursToMs(timers.leaseDurationHours),
      endpointKind,
      endpointFailoverMs: hoursToMs(timers.endpointFailoverHours[endpointKind]),
    },
  };
}
