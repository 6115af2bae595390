import { describe, expect, it } from 'vitest';
import {
  HIST_BINS,
  HIST_MIN_LOG10,
  HIST_PER_DECADE,
  histogramBin,
  histogramBinExact,
} from '../../../src/sim/stats/histogram-bin.js';

describe('histogramBin', () => {
  it('agrees with the formula near every edge, across the range and beyond', () => {
    const hours: number[] = [0, -0, -1, 1e-15, 1e-12, 1e-5, 1e6, 1e300, Infinity, -Infinity, NaN];
    for (let k = 0; k <= HIST_BINS; k++) {
      const edge = 10 ** (HIST_MIN_LOG10 + k / HIST_PER_DECADE);
      for (const r of [-1e-8, -1e-9, -1e-12, -1e-15, 0, 1e-15, 1e-12, 1e-9, 1e-8, 0.5 / 20])
        hours.push(edge * (1 + r));
    }
    let x = 0.5;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 9301 + 0.49297) % 1;
      hours.push(10 ** (-6 + 12 * x));
    }
    for (let i = 0; i < hours.length; i++) {
      const h = hours[i] ?? 0;
      expect(histogramBin(h)).toBe(histogramBinExact(h));
    }
  });
});
