/**
 * Steady-state availability of every kind of element (docs/model.md, Elements): one number per
 * failure class, from its rate and mean repair; VMs while their region is impaired; the states
 * of each bad-change kind; and the maintenance process with the transients of its health gate.
 */
import { repairMeanHours } from '../model/repair.js';
import type { FailureProcess, RepairDistribution, Topology } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';
import { badChangeStates, rolloutWaves, type BadChangeKind } from './bad-change-states.js';
import { BoundedMemo } from './bounded-memo.js';
import { buildMaintenanceGate, GATE_CLASSES, type MaintenanceGate } from './maintenance-gate.js';
import { stillUpDuringImpairment } from './transient.js';

/** The failure classes the attribution switches off one at a time. */
export const ELEMENT_CLASSES = [
  'region',
  'regionImpairment',
  'zone',
  'partition',
  'master',
  'etcd',
  'worker',
  'process',
  'disk',
  'loadBalancer',
  'operatorError',
  'maintenance',
] as const;
export type ElementClass = (typeof ELEMENT_CLASSES)[number];

/** The classes of VMs, whose replacement an impairment blocks. */
export type VmClass = 'master' | 'etcd' | 'worker' | 'disk';

/** The availability of one element of each binary class, and the maintenance process. */
export interface ElementAvailabilities {
  /** The region is not blacked out. */
  region: number;
  /** The region is not impaired. */
  impairment: number;
  zone: number;
  /** A zone link (class `partition`). */
  link: number;
  master: number;
  etcd: number;
  worker: number;
  process: number;
  disk: number;
  /** A cloud load balancer, or one keepalived host. */
  loadBalancer: number;
  /** A VM (or volume) of each class while its region is impaired. */
  impaired: Record<VmClass, number>;
  /** Per bad-change kind, P(state m): m = 0 none in progress, m ≥ 1 its first m waves hurt. */
  badChanges: Record<BadChangeKind, number[]>;
  maintenance: { passesPerYear: number; perMasterHours: number };
  /** The transients of the health gate during a maintenance step; null without maintenance. */
  gate: MaintenanceGate | null;
}

/** a = MTTF / (MTTF + MTTR), with MTTF = 8760 h / perYear; 1 when the class is off. */
export function steadyStateAvailability(perYear: number, repair: RepairDistribution): number {
  if (perYear <= 0) return 1;
  const mttf = HOURS_PER_YEAR / perYear;
  // A rate so small (a subnormal such as 4e-323) that the mttf overflows: never down (∞/∞ is NaN).
  if (!Number.isFinite(mttf)) return 1;
  return mttf / (mttf + repairMeanHours(repair));
}

/** The availability of every element class of a topology. */
export function computeElementAvailabilities(t: Topology): ElementAvailabilities {
  const f = t.failures;
  const of = (p: FailureProcess): number => steadyStateAvailability(p.perYear, p.repair);
  const oe = f.operatorError;
  const badPerYear = oe.changesPerYear * oe.badChangeProbability;
  const waves = rolloutWaves(oe.rollout, t.clusters.length).count;
  const repair = repairMeanHours(oe.repair);
  const states = (share: number, meanHours: number): number[] =>
    badChangeStates(badPerYear * share, meanHours, oe.rollout, waves);
  const impaired = (p: FailureProcess): number =>
    of(p) *
    stillUp.get(JSON.stringify([p, f.regionImpairment.repair]), () =>
      stillUpDuringImpairment(p.perYear, f.regionImpairment.repair),
    );
  return {
    region: of(f.region),
    impairment: of(f.regionImpairment),
    zone: of(f.zone),
    link: of(f.partition),
    master: of(f.master),
    etcd: of(f.etcd),
    worker: of(f.worker),
    process: of(f.process),
    disk: of(f.disk),
    loadBalancer: of(f.loadBalancer),
    impaired: {
      master: impaired(f.master),
      etcd: impaired(f.etcd),
      worker: impaired(f.worker),
      disk: impaired(f.disk),
    },
    badChanges: {
      api: states(oe.apiDownShare, repair),
      restore: states(oe.restoreShare, repairMeanHours(t.backup.restore)),
      dataPlane: states(oe.dataPlaneShare, repair),
    },
    maintenance: {
      passesPerYear: f.maintenance.passesPerYear,
      perMasterHours: f.maintenance.perMasterHours,
    },
    gate: gateOf(f),
  };
}

/** The availabilities with one class never failing. */
export function withClassOff(av: ElementAvailabilities, cls: ElementClass): ElementAvailabilities {
  switch (cls) {
    case 'partition':
      return { ...av, link: 1, gate: gateWithout(av.gate, 'link') };
    case 'regionImpairment':
      return { ...av, impairment: 1 };
    case 'operatorError':
      return { ...av, badChanges: { api: [1], restore: [1], dataPlane: [1] } };
    case 'maintenance':
      return { ...av, maintenance: { passesPerYear: 0, perMasterHours: 0 }, gate: null };
    case 'master':
    case 'etcd':
    case 'worker':
    case 'disk':
      return {
        ...av,
        [cls]: 1,
        impaired: { ...av.impaired, [cls]: 1 },
        gate: cls === 'worker' ? av.gate : gateWithout(av.gate, cls),
      };
    case 'region':
    case 'zone':
    case 'process':
      return { ...av, [cls]: 1, gate: gateWithout(av.gate, cls) };
    case 'loadBalancer':
      return { ...av, loadBalancer: 1 };
  }
}

/** Every element always up: the baseline for single points of failure. */
export function allElementsUp(): ElementAvailabilities {
  return {
    region: 1,
    impairment: 1,
    zone: 1,
    link: 1,
    master: 1,
    etcd: 1,
    worker: 1,
    process: 1,
    disk: 1,
    loadBalancer: 1,
    impaired: { master: 1, etcd: 1, worker: 1, disk: 1 },
    badChanges: { api: [1], restore: [1], dataPlane: [1] },
    maintenance: { passesPerYear: 0, perMasterHours: 0 },
    gate: null,
  };
}

/**
 * The share of time one given master is down for maintenance: passes are due at passesPerYear a
 * year and each takes every master down once for perMasterHours, so ν · d / 8760 h — exact as long
 * as passes keep up (a due pass waits for the previous one and for the health gate; docs/model.md).
 */
export function maintenanceShare(m: ElementAvailabilities['maintenance'], masters: number): number {
  if (m.passesPerYear <= 0 || m.perMasterHours <= 0 || masters === 0) return 0;
  return (m.passesPerYear * m.perMasterHours) / HOURS_PER_YEAR;
}

// --- internal ---

/**
 * The transients (numerical integrals) of recent failure classes, by the failures they are
 * computed from: the candidates of a plan, and the attribution's variants, share them.
 */
const stillUp = new BoundedMemo<number>(256);
const gates = new BoundedMemo<MaintenanceGate | null>(64);

function gateOf(f: Topology['failures']): MaintenanceGate | null {
  return gates.get(JSON.stringify(f), () => freeze(buildMaintenanceGate(f)));
}

/** A gate that is shared by every availability computed with the same failures. */
function freeze(gate: MaintenanceGate | null): MaintenanceGate | null {
  if (gate === null) return null;
  for (const cls of GATE_CLASSES) Object.freeze(gate.down[cls]);
  for (const list of Object.values(gate.upImpaired)) Object.freeze(list);
  Object.freeze(gate.upImpaired);
  Object.freeze(gate.down);
  Object.freeze(gate.weights);
  return Object.freeze(gate);
}

function gateWithout(
  gate: MaintenanceGate | null,
  cls: keyof MaintenanceGate['down'],
): MaintenanceGate | null {
  if (gate === null) return null;
  return { ...gate, down: { ...gate.down, [cls]: gate.down[cls].map(() => 0) } };
}
