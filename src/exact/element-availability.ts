/**
 * Steady-state availability of every kind of element (docs/model.md, Elements): one number per
 * failure class, from its rate and mean repair, plus the two bad-change elements, the
 * maintenance process and the set of clusters a bad change reaches.
 */
import { repairMeanHours } from '../model/repair.js';
import type { FailureProcess, RepairDistribution, Topology } from '../model/topology.js';
import { HOURS_PER_YEAR } from '../model/units.js';

/** The failure classes the attribution switches off one at a time. */
export const ELEMENT_CLASSES = [
  'region',
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

/** The availability of one element of each binary class, and the maintenance process. */
export interface ElementAvailabilities {
  region: number;
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
  /** The shared bad-change element that takes the API down. */
  badChangeApi: number;
  /** The shared bad-change element that corrupts etcd until a restore. */
  badChangeRestore: number;
  maintenance: { passesPerYear: number; perMasterHours: number };
}

/** a = MTTF / (MTTF + MTTR), with MTTF = 8760 h / perYear; 1 when the class is off. */
export function steadyStateAvailability(perYear: number, repair: RepairDistribution): number {
  if (perYear <= 0) return 1;
  const mttf = HOURS_PER_YEAR / perYear;
  return mttf / (mttf + repairMeanHours(repair));
}

/** The availability of every element class of a topology. */
export function computeElementAvailabilities(t: Topology): ElementAvailabilities {
  const f = t.failures;
  const of = (p: FailureProcess): number => steadyStateAvailability(p.perYear, p.repair);
  const oe = f.operatorError;
  const badPerYear = oe.changesPerYear * oe.badChangeProbability;
  return {
    region: of(f.region),
    zone: of(f.zone),
    link: of(f.partition),
    master: of(f.master),
    etcd: of(f.etcd),
    worker: of(f.worker),
    process: of(f.process),
    disk: of(f.disk),
    loadBalancer: of(f.loadBalancer),
    badChangeApi: steadyStateAvailability(badPerYear * oe.apiDownShare, oe.repair),
    badChangeRestore: steadyStateAvailability(badPerYear * oe.restoreShare, t.backup.restore),
    maintenance: { ...f.maintenance },
  };
}

/** The availabilities with one class never failing. */
export function withClassOff(av: ElementAvailabilities, cls: ElementClass): ElementAvailabilities {
  switch (cls) {
    case 'partition':
      return { ...av, link: 1 };
    case 'operatorError':
      return { ...av, badChangeApi: 1, badChangeRestore: 1 };
    case 'maintenance':
      return { ...av, maintenance: { passesPerYear: 0, perMasterHours: 0 } };
    case 'region':
    case 'zone':
    case 'master':
    case 'etcd':
    case 'worker':
    case 'process':
    case 'disk':
    case 'loadBalancer':
      return { ...av, [cls]: 1 };
  }
}

/** Every element always up: the baseline for single points of failure. */
export function allElementsUp(): ElementAvailabilities {
  return {
    region: 1,
    zone: 1,
    link: 1,
    master: 1,
    etcd: 1,
    worker: 1,
    process: 1,
    disk: 1,
    loadBalancer: 1,
    badChangeApi: 1,
    badChangeRestore: 1,
    maintenance: { passesPerYear: 0, perMasterHours: 0 },
  };
}

/**
 * The share of time one given master of a cluster with `masters` masters is down for
 * maintenance: passes alternate with idle periods of mean 8760 h / passesPerYear, and a pass
 * takes each master down for `perMasterHours`, one after another.
 */
export function maintenanceShare(m: ElementAvailabilities['maintenance'], masters: number): number {
  if (m.passesPerYear <= 0 || m.perMasterHours <= 0 || masters === 0) return 0;
  return m.perMasterHours / (HOURS_PER_YEAR / m.passesPerYear + masters * m.perMasterHours);
}

/**
 * The clusters a bad change reaches: all of them when rolled out at once; with waves, the
 * clusters of the first wave (in file order), since every wave bakes for `detection` before the
 * next one starts.
 */
export function badChangeReach(t: Topology): Set<string> {
  const rollout = t.failures.operatorError.rollout;
  const names = t.clusters.map((c) => c.name);
  if (rollout.kind === 'all-at-once') return new Set(names);
  const first = rollout.waves[0] ?? 'all';
  return new Set(first === 'all' ? names : names.slice(0, first));
}
