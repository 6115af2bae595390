/** Moments of repair distributions, in hours. */
import { Z90 } from './defaults.js';
import type { RepairDistribution } from './topology.js';

/** σ of a lognormal repair (of the log of the duration), from its median and p90. */
export function lognormalSigma(medianHours: number, p90Hours: number): number {
  return Math.log(p90Hours / medianHours) / Z90;
}

/** The mean time to repair. Steady-state availability depends on the repair only through it. */
export function repairMeanHours(r: RepairDistribution): number {
  switch (r.kind) {
    case 'exponential':
      return r.meanHours;
    case 'lognormal': {
      const sigma = lognormalSigma(r.medianHours, r.p90Hours);
      return r.medianHours * Math.exp((sigma * sigma) / 2);
    }
    case 'fixed':
      return r.hours;
    case 'weibull':
      return r.scaleHours * gamma(1 + 1 / r.shape);
  }
}

/** The median repair time. */
export function repairMedianHours(r: RepairDistribution): number {
  switch (r.kind) {
    case 'exponential':
      return r.meanHours * Math.LN2;
    case 'lognormal':
      return r.medianHours;
    case 'fixed':
      return r.hours;
    case 'weibull':
      return r.scaleHours * Math.pow(Math.LN2, 1 / r.shape);
  }
}

// --- internal ---

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for real arguments > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a;
}
