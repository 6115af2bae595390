/** Flag parsers for commander: each throws InvalidArgumentError with a one-line reason (exit 2). */
import { InvalidArgumentError } from 'commander';
import { DEPLOYMENT_METRICS, METRICS, REGION_METRICS } from '../model/topology.js';
import { LIMITS, MIN_TRIALS_REASON } from '../model/limits.js';
import { formatDuration, parseDuration } from '../model/units.js';

export function parseIntegerOption(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
    const n = Number(value);
    if (n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER
          ? `expected a whole number ≥ ${min}, got ${n}`
          : `expected a whole number from ${min} to ${max}, got ${n}`,
      );
    }
    return n;
  };
}

export function parseNumberOption(min: number, max = Infinity, { exclusiveMin = false } = {}) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new InvalidArgumentError(`expected a number, got "${value}"`);
    if (exclusiveMin ? n <= min : n < min)
      throw new InvalidArgumentError(
        `expected a number ${exclusiveMin ? '>' : '≥'} ${min}, got ${n}`,
      );
    if (n > max) throw new InvalidArgumentError(`expected a number ≤ ${max}, got ${n}`);
    return n;
  };
}

/** A comma-separated list of whole numbers, e.g. `--zones 2,2,1`. */
export function parseCountList(min: number) {
  return (value: string): number[] => {
    const parts = value.split(',').map((p) => p.trim());
    if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < min)) {
      throw new InvalidArgumentError(
        `expected whole numbers ≥ ${min} separated by commas (e.g. 2,2,1), got "${value}"`,
      );
    }
    return parts.map(Number);
  };
}

/** A duration such as 1y, 30d, 4h, at most the longest horizon (limits.ts). Returns hours. */
export function parseDurationOption(value: string): number {
  const hours = parseDuration(value.trim());
  if (hours === undefined || hours <= 0) {
    throw new InvalidArgumentError(`expected a duration such as 30d, 1y or 4h, got "${value}"`);
  }
  if (!(hours <= LIMITS.maxDurationHours)) {
    throw new InvalidArgumentError(
      `expected a duration of at most ${formatDuration(LIMITS.maxDurationHours)} (docs/limits.md), got "${value}"`,
    );
  }
  return hours;
}

/** A number of trials: 2 to 10¹² (limits.ts; one trial has no interval). */
export function parseTrialsOption(value: string): number {
  const n = parseIntegerOption(1, LIMITS.maxTrials)(value);
  if (n < LIMITS.minTrials)
    throw new InvalidArgumentError(
      `expected at least ${LIMITS.minTrials} trials, got ${n}: ${MIN_TRIALS_REASON}`,
    );
  return n;
}

/** Objectives as `metric=percent`, comma-separated or repeated: `--slo api=99.95,workloads=99.99`. */
export function parseObjectivesOption(
  value: string,
  previous: Record<string, number> = {},
): Record<string, number> {
  const out = { ...previous };
  for (const part of value.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([0-9.]+)\s*%?\s*$/.exec(part);
    const metric = m?.[1] ?? '';
    const percent = Number(m?.[2]);
    if (m === null || !OBJECTIVE_METRICS.includes(metric))
      throw new InvalidArgumentError(
        `expected metric=percent with a metric among ${OBJECTIVE_METRICS.join(', ')} (e.g. api=99.95), got "${part.trim()}"`,
      );
    if (!(percent > 0 && percent <= 100))
      throw new InvalidArgumentError(
        `an objective is a percentage in (0, 100], got "${part.trim()}"`,
      );
    out[metric] = percent;
  }
  return out;
}

const OBJECTIVE_METRICS: readonly string[] = [...METRICS, ...REGION_METRICS, ...DEPLOYMENT_METRICS];

/** A duration that may be 0, e.g. `--min-outage 5m`. Returns hours. */
export function parseNonNegativeDurationOption(value: string): number {
  const hours = parseDuration(value.trim());
  if (hours === undefined || hours < 0)
    throw new InvalidArgumentError(`expected a duration such as 5m, 30s or 0, got "${value}"`);
  return hours;
}
