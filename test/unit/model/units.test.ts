import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, HOURS_PER_YEAR, parseDuration } from '../../../src/model/units.js';

describe('durations', () => {
  it.each([
    { text: '30s', hours: 30 / 3600 },
    { text: '10m', hours: 10 / 60 },
    { text: '4h', hours: 4 },
    { text: '2d', hours: 48 },
    { text: '1w', hours: 168 },
    // scenario-format.md: a year is 365 days = 8760 h
    { text: '1y', hours: 8760 },
    { text: '1h30m', hours: 1.5 },
    { text: '0.5h', hours: 0.5 },
    { text: '0', hours: 0 },
  ])('reads $text as $hours hours', ({ text, hours }) => {
    expect(parseDuration(text)).toBeCloseTo(hours, 12);
  });

  it('counts a year as 365 days', () => {
    expect(HOURS_PER_YEAR).toBe(365 * 24);
  });

  it.each(['', '10', '4 h', 'h', '-1h', '1.h', '1x', '1h 30m', '4H'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('writes every duration back to text that reads as exactly the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (hours) => {
        expect(parseDuration(formatDuration(hours))).toBe(hours);
      }),
    );
  });
});
