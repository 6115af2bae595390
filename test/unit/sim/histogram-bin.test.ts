import { describe, expect, it } from 'vitest';
import {
  HIST_BINS,
  HIST_MIN_LOG10,
  HIST_PER_DECADE,
  histogramBin,
  histogramBinExact,
} from '../../../src/sim/histogram-bin.js';

describe('histogramBin', () => {
  it('agrees with the formula, whatever bin it guesses, near every edge and across the range', () => {
    const hours: number[] = [0, 1e-15, 1e-12, 1e-5, 1e6, 1e300, Infinity];
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
      // Alternate predicates so that guesses are both right and wrong.
      expect(histogramBin(i % 3, h)).toBe(histogramBinExact(h));
      expect(histogramBin(7, h)).toBe(histogramBinExact(h));
    }
  });
});
