/**
 * The bounds of the values a scenario may hold, each with the reason for it (docs/limits.md).
 * A value outside them is a validation error with its position: the engines then never see a
 * number they cannot use (a zero repair is a 0/0, a Weibull shape of 1e-300 an infinite mean,
 * a horizon of 1e400y an infinite loop). The schema (schema.ts) and the rules (rules.ts) apply
 * them; nothing else defines a limit of the format.
 */
import { HOURS_PER_YEAR } from './units.js';

const SECOND = 1 / 3600;

export const LIMITS = {
  /**
   * The shortest repair (mean, median, p90, fixed or Weibull scale), in hours: 1 s. A repair of 0
   * makes a lognormal's σ = ln(p90/0) infinite and its mean 0·∞ = NaN, and an element that is
   * never down is written `perYear: 0`. Below a second the model's timers (leases of 15 s, node
   * grace of 50 s) dominate any repair, so nothing is lost.
   */
  minRepairHours: SECOND,
  /**
   * The longest repair, and the longest horizon, in hours: 100 years. Longer than any
   * hardware generation or planning period; a repair beyond it is "never repaired", which is a
   * design question (a missing spare), not a distribution. Bounds the simulator's clock too.
   */
  maxDurationHours: 100 * HOURS_PER_YEAR,
  /**
   * The Weibull shape, [0.1, 20]. The mean is scale·Γ(1 + 1/shape): at shape 0.1 it is already
   * 3.6·10⁶ × the scale, and below it Γ overflows (shape 1e-300 gives an infinite mean and, in
   * the exact engine, an array of infinite length). The simulator draws scale·E^(1/shape), finite
   * over this range for every exponential E it can draw (E ≤ 37.4). Published repair fits lie
   * between 0.5 and 5.
   */
  minWeibullShape: 0.1,
  maxWeibullShape: 20,
  /**
   * The highest failure rate per element, per year: 10⁶ (one failure every 32 s). Faster than
   * Kubernetes' own detection timers (node-monitor grace 50 s), so the model's "fail, then be
   * repaired" no longer describes the element. Measured on the exact engine: finite at 10⁷ a
   * year, NaN at 10⁸ (availabilities of 10⁻⁵ multiplied across elements). Also the ceiling of
   * `changesPerYear` and `passesPerYear`. An mttf must be at least 8760 h / 10⁶ (31.5 s).
   */
  maxRatePerYear: 1e6,
  /**
   * The lowest rate above 0, per year: 10⁻¹² (and the same for a kind of bad change, changes ×
   * probability × share). Below it lie subnormal numbers such as 4e-323, whose mttf 8760 h / rate
   * overflows to ∞ and whose availability ∞/∞ is NaN. Even over the longest repair (100 y),
   * 10⁻¹² a year is an unavailability of 10⁻¹⁰, below the digits any output shows; write 0.
   */
  minPositiveRatePerYear: 1e-12,
  /**
   * Nodes per cluster (masters + workers; external etcd members apart): at most 5,000, Kubernetes'
   * documented limit (kubernetes.io, "Considerations for large clusters"; quorum/cluster-split.ts
   * uses the same figure). The model of one control plane serving its workers is not supported
   * beyond it, and a count of 2·10⁹ would otherwise be allocated element by element.
   */
  maxNodesPerCluster: 5000,
  /** Trials, in a scenario as on the command line (--trials, --max-trials): at least 2, at most 10¹². */
  minTrials: 2,
  maxTrials: 1e12,
} as const;

/** Trials below 2 have no sample variance: a t-interval from one trial is (−∞, ∞). */
export const MIN_TRIALS_REASON = 'an interval needs the spread of at least 2 trials';
