/**
 * Where the exact engine's maintenance formula holds: the share of time in maintenance steps is
 * passesPerYear × perMaster / 8760 h as long as passes keep up, i.e. the health gate is open
 * almost all the time. This finds the clusters whose gate is closed often enough for that to be
 * doubtful, so that analyze can say so (docs/model.md, the exact engine).
 */
import type { Topology } from '../model/topology.js';
import type { ElementAvailabilities } from './element-availability.js';

/** Above this share of time with the gate closed, analyze warns. */
export const GATE_CLOSED_WARNING = 0.01;

/** P(the gate is closed) per cluster with maintenance: 1 − ∏ availabilities of its elements. */
export function gateClosedShare(t: Topology, av: ElementAvailabilities): Map<string, number> {
  const out = new Map<string, number>();
  if (av.gate === null) return out;
  for (const c of t.clusters) {
    const zones = c.zones.filter((z) => (c.masters[z] ?? 0) + (c.etcd.members[z] ?? 0) > 0);
    const links = (zones.length * (zones.length - 1)) / 2;
    const m = c.counts.masters;
    // External members have nodes of their own; stacked ones run on the masters.
    const members = c.etcd.placement === 'external' ? c.counts.etcdMembers : 0;
    const processes = 2 * m + c.counts.etcdMembers;
    const open =
      av.region *
      av.zone ** zones.length *
      av.link ** links *
      av.master ** m *
      av.process ** processes *
      av.disk ** c.counts.etcdMembers *
      av.etcd ** members;
    out.set(c.name, 1 - open);
  }
  return out;
}

/** The warnings analyze prints about clusters whose gate is often closed. */
export function maintenanceWarnings(t: Topology, av: ElementAvailabilities): string[] {
  return [...gateClosedShare(t, av)].flatMap(([name, closed]) =>
    closed > GATE_CLOSED_WARNING
      ? [
          `cluster ${name}: the maintenance health gate is closed ${(closed * 100).toPrecision(2)} % of the time; ` +
            'the exact engine assumes passes keep up with their schedule, so its maintenance figures are approximate here (hasim simulate runs the gate itself)',
        ]
      : [],
  );
}
