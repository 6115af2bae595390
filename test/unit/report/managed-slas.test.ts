import { describe, expect, it } from 'vitest';
import { budgetMinutesPerMonth, MANAGED_SLAS } from '../../../src/report/managed-slas.js';

describe('MANAGED_SLAS', () => {
  it.each([
    // (100 − p) % of a 730-hour month: 0.05 % × 43,800 min = 21.9 min, and so on.
    ['EKS', 99.95, 21.9],
    ['GKE regional cluster', 99.95, 21.9],
    ['GKE zonal cluster', 99.5, 219],
    ['AKS Standard tier, availability zones', 99.95, 21.9],
    ['AKS Standard tier, no availability zones', 99.9, 43.8],
  ])('gives %s %d % a month, %d minutes of downtime', (offering, percent, minutes) => {
    const sla = MANAGED_SLAS.find((s) => s.offering === offering);
    expect(sla?.monthlyUptimePercent).toBe(percent);
    expect(sla?.budgetMinutesPerMonth).toBeCloseTo(minutes, 9);
  });

  it('cites an https page and the day it was checked for every offering', () => {
    for (const s of MANAGED_SLAS) {
      expect(s.source.url).toMatch(/^https:\/\/[a-z.]+\//);
      expect(s.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives 100 % no budget and 99 % 438 minutes', () => {
    expect(budgetMinutesPerMonth(100)).toBe(0);
    expect(budgetMinutesPerMonth(99)).toBeCloseTo(438, 9);
  });
});
