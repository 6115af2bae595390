/**
 * The outage-duration histogram's bin of a duration (run-sums.ts): floor((log10(h) + 4) · 20),
 * clamped to the bins. A trial finishes about one outage per event, and Math.log10 used to cost
 * more than the rest of adding it; but a predicate's outages mostly fall in one bin (every
 * endpoint failover lasts the failover timer). So each bin has a "safe" interval, its range
 * shrunk by a relative 1e-9 — a million times log10's rounding error — in which the formula
 * surely gives that bin: a duration in its predicate's last bin's safe interval takes that bin
 * without a logarithm, any other takes the formula. Same bins, bit for bit.
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

/** The last bin per predicate (modulo the table's size): only a guess, checked on every use. */
const lastBin = new Int32Array(1024);

/** The bin by the formula itself. */
export function histogramBinExact(h: number): number {
  const bin = Math.floor((Math.log10(Math.max(h, 1e-12)) - HIST_MIN_LOG10) * HIST_PER_DECADE);
  return Math.min(HIST_BINS - 1, Math.max(0, bin));
}

/** The bin of an outage of predicate p lasting h hours. */
export function histogramBin(p: number, h: number): number {
  const slot = p & (lastBin.length - 1);
  const guess = lastBin[slot] ?? 0;
  if (h >= (safeLow[guess] ?? Infinity) && h <= (safeHigh[guess] ?? -Infinity)) return guess;
  const bin = histogramBinExact(h);
  lastBin[slot] = bin;
  return bin;
}
