import { describe, expect, it } from 'vitest';
import {
  formatAvailabilityInterval,
  formatDurationMinutes,
  formatPercentAgainst,
  formatProbability,
} from '../../../src/report/report-format.js';

describe('report formats', () => {
  it.each([
    // Below the objective reads below it; at or above, the usual three significant digits.
    [0.9998997, 99.99, '99.98997 %'],
    [0.99989, 99.99, '99.9890 %'],
    [0.99995, 99.99, '99.99500 %'],
    [0.999949, 99.995, '99.99490 %'],
  ])('shows %d against %d % as %s', (a, objective, text) => {
    expect(formatPercentAgainst(a, objective)).toBe(text);
  });

  it('keeps an interval’s ends apart', () => {
    expect(formatAvailabilityInterval({ mean: 0.99994, ci95: [0.999931, 0.999949] })).toBe(
      '99.99400 % [99.99310, 99.99490]',
    );
  });

  it.each([
    [0.5, '30 s'],
    [7.5, '7.5 min'],
    [187, '3h 7m'],
    [60 * 24 * 2 + 240, '2d 4h'],
  ])('reads %d minutes as %s', (m, text) => {
    expect(formatDurationMinutes(m)).toBe(text);
  });

  it('shows tiny probabilities as a bound', () => {
    expect(formatProbability(0.123)).toBe('12.3 %');
    expect(formatProbability(0.00001)).toBe('< 0.01 %');
    expect(formatProbability(0)).toBe('0 %');
  });
});
