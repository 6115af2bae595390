/**
 * The outage-duration histogram's bin of a duration (run-sums.ts): floor((log10(h) + 4) · 20),
 * clamped to the bins. A trial finishes about one outage per event, and Math.log10 cost more than
 * the rest of adding one. So the bin is found from the duration's bits instead, and checked:
 * each bin has a "safe" interval, its range shrunk by a relative 1e-9 — a million times the
 * formula's rounding error — in which the formula surely gives that bin. A duration in a safe
 * interval takes its bin; any other (within 1e-9 of an edge, or beyond the table) takes the
 * formula. Same bins, bit for bit, whatever the table guesses.
 */
export const HIST_MIN_LOG10 = -4;
export const HIST_PER_DECADE = 20;
export const HIST_BINS = 9 * HIST_PER_DECADE;

const MARGIN = 1e-9;

/** safeLow[b] ≤ h ≤ safeHigh[b]: the formula gives bin b (the end bins take all beyond them). */
const safeLow = new Float64Array(HIST_BINS);
const safeHigh = new Float64Array(HIST_BINS);
for (let b = 0; b < HIST_BINS; b++) {
  const edge = (k: number): number => 10 ** (HIST_MIN_LOG10 + k / HIST_PER_DECADE);
  safeLow[b] = b === 0 ? -Infinity : edge(b) * (1 + MARGIN);
  safeHigh[b] = b === HIST_BINS - 1 ? Infinity : edge(b + 1) * (1 - MARGIN);
}

/** A double's high 32 bits: sign, exponent and the top 20 bits of the mantissa. */
const double = new Float64Array(1);
const words = new Uint32Array(double.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Segments of durations sharing exponent and top 8 mantissa bits (0.4 % wide at most, a bin is
 * 12 %) from 10^-4 h to 10^5 h; guess[k]: the bin of segment k's start, so a duration of the
 * segment is in that bin or the next.
 */
const SEGMENT_SHIFT = 12;
const segmentOf = (h: number): number => {
  double[0] = h;
  return (words[HIGH] ?? 0) >>> SEGMENT_SHIFT;
};
const FIRST_SEGMENT = segmentOf(1e-4);
const guess = new Uint8Array(segmentOf(1e5) - FIRST_SEGMENT + 1);
for (let k = 0; k < guess.length; k++) {
  words[HIGH] = (FIRST_SEGMENT + k) << SEGMENT_SHIFT;
  words[1 - HIGH] = 0;
  guess[k] = histogramBinExact(double[0] ?? 0);
}

/** The bin by the formula itself. */
export function histogramBinExact(h: number): number {
  const bin = Math.floor((Math.log10(Math.max(h, 1e-12)) - HIST_MIN_LOG10) * HIST_PER_DECADE);
  return Math.min(HIST_BINS - 1, Math.max(0, bin));
}

/** The bin of an outage lasting h hours. */
export function histogramBin(h: number): number {
  const k = segmentOf(h) - FIRST_SEGMENT;
  const b = k >= 0 && k < guess.length ? (guess[k] ?? 0) : h < 1 ? 0 : HIST_BINS - 1;
  if (h >= (safeLow[b] ?? Infinity) && h <= (safeHigh[b] ?? -Infinity)) return b;
  if (h >= (safeLow[b + 1] ?? Infinity) && h <= (safeHigh[b + 1] ?? -Infinity)) return b + 1;
  return histogramBinExact(h);
}
