/**
 * Draws of failure and repair times. Repair distributions are compiled to (kind, a, b) so the
 * hot loop needs no objects: exponential (a = mean), lognormal (a = μ, b = σ of the log),
 * fixed (a = hours), Weibull (a = shape, b = scale).
 */
import { lognormalSigma } from '../../model/repair.js';
import type { RepairDistribution } from '../../model/topology.js';
import type { Rng } from './rng.js';

export const REPAIR_EXPONENTIAL = 0;
export const REPAIR_LOGNORMAL = 1;
export const REPAIR_FIXED = 2;
export const REPAIR_WEIBULL = 3;

export interface CompiledRepair {
  kind: number;
  a: number;
  b: number;
}

export function compileRepair(r: RepairDistribution): CompiledRepair {
  switch (r.kind) {
    case 'exponential':
      return { kind: REPAIR_EXPONENTIAL, a: r.meanHours, b: 0 };
    case 'lognormal':
      return {
        kind: REPAIR_LOGNORMAL,
        a: Math.log(r.medianHours),
        b: r.p90Hours > r.medianHours ? lognormalSigma(r.medianHours, r.p90Hours) : 0,
      };
    case 'fixed':
      return { kind: REPAIR_FIXED, a: r.hours, b: 0 };
    case 'weibull':
      return { kind: REPAIR_WEIBULL, a: r.shape, b: r.scaleHours };
  }
}

/** An exponential time with mean 1 (never infinite: 1 − u lies in (0, 1]). */
export function drawUnitExponential(rng: Rng): number {
  return -Math.log(1 - rng());
}

/** A standard normal deviate (Box–Muller, one of the pair; no state kept between calls). */
export function drawStandardNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A repair time in hours. */
export function drawRepair(kind: number, a: number, b: number, rng: Rng): number {
  if (kind === REPAIR_LOGNORMAL)
    return b === 0 ? Math.exp(a) : Math.exp(a + b * drawStandardNormal(rng));
  if (kind === REPAIR_EXPONENTIAL) return a * drawUnitExponential(rng);
  if (kind === REPAIR_FIXED) return a;
  return b * Math.pow(drawUnitExponential(rng), 1 / a);
}
