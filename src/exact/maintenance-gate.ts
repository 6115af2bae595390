/**
 * The health gate of maintenance (docs/model.md, Maintenance): a step starts only when every
 * element of the cluster's gate is up, so during a step of age u those elements are in their
 * transient state from "up at 0". This holds the quadrature over the step and, at each node,
 * P(down at u | up at 0) of each gate class.
 */
import type { Failures, FailureProcess } from '../model/topology.js';
import { gaussLegendre } from './gauss-legendre.js';
import { downAfterStart, upInImpairedStep } from './transient.js';

/** The classes whose elements gate a maintenance step. */
export const GATE_CLASSES = [
  'master',
  'etcd',
  'process',
  'disk',
  'zone',
  'region',
  'link',
] as const;
export type GateClass = (typeof GATE_CLASSES)[number];

export interface MaintenanceGate {
  /** Weights of the quadrature nodes over the step: they sum to 1 (an average over u). */
  weights: number[];
  /** P(down at the node's age | up at 0), per gate class. */
  down: Record<GateClass, number[]>;
  /** P(up at the node's age | up at 0, region impaired now), per VM class of the gate. */
  upImpaired: Record<'master' | 'etcd' | 'disk', number[]>;
}

/** Nodes per piece of the step; pieces split it where a fixed repair ends (a kink in P(down)). */
const NODES = 4;

/** The gate of a scenario's failures; null when no maintenance runs. */
export function buildMaintenanceGate(f: Failures): MaintenanceGate | null {
  const d = f.maintenance.perMasterHours;
  if (!(f.maintenance.passesPerYear > 0) || !(d > 0)) return null;
  const processes: Record<GateClass, FailureProcess> = {
    master: f.master,
    etcd: f.etcd,
    process: f.process,
    disk: f.disk,
    zone: f.zone,
    region: f.region,
    link: f.partition,
  };
  const kinks = Object.values(processes).flatMap((p) =>
    p.repair.kind === 'fixed' && p.repair.hours > 0 && p.repair.hours < d ? [p.repair.hours] : [],
  );
  const bounds = [...new Set([0, ...kinks, d])].sort((a, b) => a - b);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const rule = gaussLegendre(NODES, bounds[i], bounds[i + 1]);
    nodes.push(...rule.nodes);
    weights.push(...rule.weights.map((w) => w / d));
  }
  const down = Object.fromEntries(
    Object.entries(processes).map(([cls, p]) => [
      cls,
      nodes.map((u) => downAfterStart(p.perYear, p.repair, u)),
    ]),
  ) as Record<GateClass, number[]>;
  const impaired = (p: FailureProcess): number[] =>
    nodes.map((u) => upInImpairedStep(p.perYear, p.repair, f.regionImpairment.repair, u));
  return {
    weights,
    down,
    upImpaired: { master: impaired(f.master), etcd: impaired(f.etcd), disk: impaired(f.disk) },
  };
}
