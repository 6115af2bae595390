/**
 * The deployment's usersServed estimate (docs/model.md, Predicates): the share of users served,
 * Σ_r users_r · served_r / Σ users, as a mean over trials of the user-weighted hours not served,
 * with a Student-t interval; a one-sided bound when no trial saw a region unserved; importance
 * sampling's estimate (the pass that biases everything) when plain trials barely saw one.
 */
import { clopperPearsonZeroUpper, meanInterval } from './intervals.js';
import { clip, est, MIN_ESS, perYearMinutes } from './metric-estimates.js';
import { fromFixed, type DeploymentSums, type RunSums } from './run-sums.js';
import type { EstimateMethod, UsersServedResult } from './simulation-result.js';

/**
 * @param useImportance the run's importance-sampling estimate is the one to report
 */
export function usersServedEstimate(
  plain: RunSums,
  importance: RunSums | undefined,
  useImportance: boolean,
  H: number,
): UsersServedResult {
  if (useImportance && importance !== undefined && importance.deployment.anyTrials > 0) {
    const d = importance.deployment;
    const a = fromFixed(d.any, importance.bits);
    const ess = (a * a) / fromFixed(d.any2, importance.bits, 2);
    const r = fromSums(d, importance.trials, importance.bits, H, 'importance-sampling');
    if (ess >= MIN_ESS) return { ...r, effectiveSampleSize: ess };
    // Too few effective trials to trust the interval: widen it to plain sampling's bound.
    const bound = plainBound(plain, H);
    return {
      ...r,
      availability: est(r.availability.mean, [
        Math.min(r.availability.ci95[0], bound.availability.ci95[0]),
        1,
      ]),
      downtimeMinutesPerYear: est(r.downtimeMinutesPerYear.mean, [
        0,
        Math.max(r.downtimeMinutesPerYear.ci95[1], bound.downtimeMinutesPerYear.ci95[1]),
      ]),
      downHours: est(r.downHours.mean, [0, Math.max(r.downHours.ci95[1], bound.downHours.ci95[1])]),
      effectiveSampleSize: ess,
      note: `importance sampling did not converge (effective sample size ${ess.toFixed(1)} < ${MIN_ESS}): the interval is widened to plain sampling's bound`,
    };
  }
  if (plain.deployment.anyTrials === 0) return plainBound(plain, H);
  return fromSums(plain.deployment, plain.trials, plain.bits, H, 'monte-carlo');
}

// --- internal ---

function fromSums(
  d: DeploymentSums,
  n: number,
  bits: number,
  H: number,
  method: EstimateMethod,
): UsersServedResult {
  const down = meanInterval(n, fromFixed(d.down, bits), fromFixed(d.down2, bits, 2));
  return {
    availability: est(1 - down.mean / H, clip([1 - down.ci95[1] / H, 1 - down.ci95[0] / H], 0, 1)),
    downtimeMinutesPerYear: est(perYearMinutes(down.mean, H), [
      perYearMinutes(clip(down.ci95, 0, H)[0], H),
      perYearMinutes(clip(down.ci95, 0, H)[1], H),
    ]),
    downHours: est(down.mean, clip(down.ci95, 0, H)),
    method,
    trialsWithOutage: d.anyTrials,
  };
}

/** No trial with a region unserved: X ≤ H·1{X > 0}, so E[X]/H ≤ the Clopper–Pearson bound. */
function plainBound(plain: RunSums, H: number): UsersServedResult {
  const n = plain.trials;
  const k = plain.deployment.anyTrials;
  const upper = n > 0 ? clopperPearsonZeroUpper(n) : 1;
  if (k > 0) {
    // Importance sampling saw nothing but plain trials did: the plain estimate stands.
    return fromSums(plain.deployment, n, plain.bits, H, 'monte-carlo');
  }
  return {
    availability: est(1, [1 - upper, 1]),
    downtimeMinutesPerYear: est(0, [0, perYearMinutes(upper * H, H)]),
    downHours: est(0, [0, upper * H]),
    method: 'monte-carlo',
    trialsWithOutage: 0,
    note: `no region unserved in ${n} trials: the interval is a one-sided 95 % bound (Clopper–Pearson)`,
  };
}
