import { describe, expect, it } from 'vitest';
import { calendarMonths } from '../../../src/sim/stats/calendar-months.js';
import { simulate } from '../../../src/sim/run/simulate.js';
import type { SloResult } from '../../../src/sim/stats/slo-estimates.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

// The SLA view (docs/model.md): per calendar month, does the downtime exceed what the objective
// allows? Checked against an independent Monte Carlo written here: one master whose node fails
// at λ a year and is repaired in an exponential time, so api is down exactly while it is down.

const LAMBDA = 6; // failures a year
const MEAN_REPAIR = 4; // hours
const OBJECTIVE = 99.95;
const MIN_OUTAGE = 2; // hours: SLA-style accounting counts only outages this long

/** mulberry32: a small seeded generator, independent of the simulator's Alea streams. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per trial: the share of months missed and the mean budget burn, all and SLA-style. */
function independent(trials: number): { missAll: number[]; burnAll: number[]; missSla: number[] } {
  const rng = mulberry32(12345);
  const H = 8760;
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const missAll: number[] = [];
  const burnAll: number[] = [];
  const missSla: number[] = [];
  for (let i = 0; i < trials; i++) {
    const down: [number, number][] = [];
    for (let t = 0; ;) {
      t += -Math.log(1 - rng()) / (LAMBDA / H);
      if (t >= H) break;
      const end = t - Math.log(1 - rng()) * MEAN_REPAIR;
      down.push([t, Math.min(end, H)]);
      t = end;
    }
    let start = 0;
    let missed = 0;
    let missedSla = 0;
    let burn = 0;
    for (const d of days) {
      const stop = start + d * 24;
      const allowed = (1 - OBJECTIVE / 100) * d * 24;
      const overlap = (from: number, to: number): number =>
        Math.max(0, Math.min(to, stop) - Math.max(from, start));
      const all = down.reduce((s, [a, b]) => s + overlap(a, b), 0);
      const sla = down.reduce((s, [a, b]) => s + (b - a >= MIN_OUTAGE ? overlap(a, b) : 0), 0);
      if (all > allowed) missed++;
      if (sla > allowed) missedSla++;
      burn += all / allowed;
      start = stop;
    }
    missAll.push(missed / 12);
    missSla.push(missedSla / 12);
    burnAll.push(burn / 12);
  }
  return { missAll, burnAll, missSla };
}

function meanAndError(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(v / xs.length) };
}

describe('the SLA view', () => {
  it('cuts a year into its twelve calendar months, and a shorter horizon into its whole months', () => {
    const year = calendarMonths(8760);
    expect(year.start.length).toBe(12);
    expect(Array.from(year.hours, (h) => h / 24)).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(calendarMonths(60 * 24).start.length).toBe(2);
    expect(calendarMonths(24).start.length).toBe(0);
  });

  it('agrees with an independent Monte Carlo of one master: months missed, budget burn, SLA-style', () => {
    // Arrange
    const t = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'prod', region: 'eu', masters: { a: 1 }, workers: {} }],
      failures: {
        ...ALL_FAILURES_OFF,
        master: { perYear: LAMBDA, repair: { mean: `${MEAN_REPAIR}h` } },
      },
      timers: ZERO_TIMERS,
      objectives: { api: OBJECTIVE },
    });
    const trials = 4000;
    // Act
    const sim = simulate(t, { trials, seed: 3, method: 'plain', minOutageHours: MIN_OUTAGE });
    const view = sim.slo?.find((s) => s.metric === 'api') as SloResult;
    const ref = independent(trials);
    // Assert: each estimate within 4.5 combined standard errors of the independent one.
    const close = (
      ours: { mean: number; ci95: [number, number] },
      theirs: { mean: number; se: number },
    ): void => {
      const se = (ours.ci95[1] - ours.ci95[0]) / (2 * 1.96);
      expect(Math.abs(ours.mean - theirs.mean)).toBeLessThan(4.5 * Math.hypot(se, theirs.se));
    };
    expect(view.monthsPerTrial).toBe(12);
    close(view.monthMissProbability, meanAndError(ref.missAll));
    close(view.budgetBurn!, meanAndError(ref.burnAll));
    close(view.sla.monthMissProbability, meanAndError(ref.missSla));
    // Short outages do count against the budget but not SLA-style: fewer misses SLA-style.
    expect(view.sla.monthMissProbability.mean).toBeLessThan(view.monthMissProbability.mean);
  });

  it('bounds a month miss honestly when no month missed: Clopper–Pearson over trials', () => {
    const t = topologyOf({
      regions: [{ name: 'eu', zones: ['a'] }],
      clusters: [{ name: 'prod', region: 'eu', masters: { a: 1 }, workers: {} }],
      failures: ALL_FAILURES_OFF,
      objectives: { api: 99.9 },
    });
    const view = simulate(t, { trials: 100, seed: 1 }).slo?.[0];
    expect(view?.monthMissProbability.mean).toBe(0);
    // 1 − 0.025^(1/100): no trial with a missed month in 100.
    expect(view?.monthMissProbability.ci95[1]).toBeCloseTo(1 - 0.025 ** (1 / 100), 12);
    expect(view?.budgetBurn?.ci95[1]).toBeGreaterThan(0);
  });
});
