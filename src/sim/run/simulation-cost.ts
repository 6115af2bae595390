/**
 * What a Monte Carlo run will cost, estimated from the topology before anything is compiled or
 * allocated: its elements (as compile-model.ts creates them), the events a trial processes
 * (alternating-renewal: an element with rate λ and mean repair r fails λ/(1 + λ·r) times a
 * year, each a failure and a repair event), the seconds at a measured event rate, and the
 * memory of the compiled model per thread. The CLI refuses runs beyond the limits below
 * (docs/limits.md) with a message saying what to change.
 */
import { repairMeanHours } from '../../model/repair.js';
import type { FailureProcess, Topology } from '../../model/topology.js';
import { HOURS_PER_YEAR } from '../../model/units.js';

/**
 * Events a second, one thread, as this module counts them (0.8–1.0 of the events the simulator
 * counts). Measured with `scripts/measure-sim-cost.mjs` (in-thread plain trials, 2-core x86-64
 * VM, node 20, 2026-12-02): 2.8·10⁶ – 4.9·10⁶ a second over the example scenarios and synthetic
 * ones of up to 3,027 elements, and 0.83·10⁶ for 200 clusters of 5,000 workers (10⁶ elements,
 * 416,000 events a trial: the event queue no longer fits the caches). A little below the lowest
 * is taken, so the estimate errs long.
 */
export const SIM_EVENTS_PER_SECOND = 8e5;

/**
 * Bytes per element of the compiled model plus one trial's state, per thread (the main thread
 * and each worker compile their own). Measured by the same script: 109 bytes an element
 * retained (heap and typed arrays after compiling a 10⁵- and a 10⁶-element model and running a
 * trial); 250 is used, for the element specs that compiling holds at its peak.
 */
export const SIM_BYTES_PER_ELEMENT = 250;

/** The longest run the CLI starts: an hour (shard it, or ask for less). */
export const SIM_TIME_LIMIT_SECONDS = 3600;

/**
 * The memory the compiled models of a run may take: 2 GiB, within Node's default heap limit on
 * a 64-bit machine (about 4 GiB) with room for the sums and the result.
 */
export const SIM_MEMORY_BUDGET_BYTES = 2 * 1024 ** 3;

export interface SimulationCost {
  /** Elements of the compiled model (equal to compileModel(t).elementCount). */
  elements: number;
  /** Expected events of one trial. */
  eventsPerTrial: number;
  trials: number;
  /** Threads running trials at once. */
  parallelism: number;
  /** Estimated wall-clock seconds: trials × events per trial / (rate × parallelism). */
  seconds: number;
  /** Estimated bytes of the compiled models: elements × bytes per element × (threads + 1). */
  bytes: number;
}

/**
 * The estimated cost of `trials` trials of `horizonHours` on `parallelism` threads.
 * @param threads the worker threads started (each holds a model), besides the main thread
 */
export function estimateSimulationCost(
  t: Topology,
  run: { trials: number; horizonHours: number; parallelism: number; threads: number },
): SimulationCost {
  const { elements, eventsPerTrial } = countWork(t, run.horizonHours);
  const parallelism = Math.max(1, run.parallelism);
  return {
    elements,
    eventsPerTrial,
    trials: run.trials,
    parallelism,
    seconds: (run.trials * eventsPerTrial) / (SIM_EVENTS_PER_SECOND * parallelism),
    bytes: elements * SIM_BYTES_PER_ELEMENT * (Math.max(0, run.threads) + 1),
  };
}

/**
 * Events a trial of `horizonHours` processes, estimated from the topology: what sizes worker
 * threads and chunks (work-estimate.ts) and prices a run. Over the example scenarios it counts
 * 0.8–1.1 times the events the simulator counts (more where timers and waves add their own).
 */
export function estimateEventsPerTrial(t: Topology, horizonHours: number): number {
  return Math.max(1, countWork(t, horizonHours).eventsPerTrial);
}

/** Why a run is refused (what to change), or null when it fits the limits. */
export function simulationCostRefusal(cost: SimulationCost): string | null {
  if (cost.bytes > SIM_MEMORY_BUDGET_BYTES) {
    return (
      `the compiled model has ${cost.elements.toLocaleString('en-US')} elements: about ${gib(cost.bytes)} GiB ` +
      `over ${cost.parallelism === 1 ? 'one thread' : 'the threads'}, more than the budget of ${gib(SIM_MEMORY_BUDGET_BYTES)} GiB ` +
      `(docs/limits.md); use fewer --workers, or split the deployment into smaller scenarios`
    );
  }
  if (cost.seconds > SIM_TIME_LIMIT_SECONDS) {
    const fits = Math.floor(
      (SIM_TIME_LIMIT_SECONDS * SIM_EVENTS_PER_SECOND * cost.parallelism) / cost.eventsPerTrial,
    );
    return (
      `${cost.trials.toLocaleString('en-US')} trials of about ${round(cost.eventsPerTrial)} events each would take about ` +
      `${humanSeconds(cost.seconds)} on ${cost.parallelism} ${cost.parallelism === 1 ? 'thread' : 'threads'} ` +
      `(at ${SIM_EVENTS_PER_SECOND.toExponential(1)} events/s a thread), past the limit of an hour (docs/limits.md); ` +
      `ask for at most ${fits.toLocaleString('en-US')} trials (--trials, or --precision to stop when the intervals are narrow enough), ` +
      `a shorter --horizon, or shard the run (--shard i/n on several machines, then hasim merge)`
    );
  }
  return null;
}

// --- internal ---

/** The compiled model's elements, and the events of one trial (see the module's header). */
function countWork(
  t: Topology,
  horizonHours: number,
): { elements: number; eventsPerTrial: number } {
  const years = horizonHours / HOURS_PER_YEAR;
  let elements = 0;
  let eventsPerTrial = 0;
  const add = (count: number, p: FailureProcess): void => {
    elements += count;
    eventsPerTrial += count * 2 * cyclesPerYear(p) * years;
  };
  const f = t.failures;
  for (const r of t.regions) {
    const z = r.zones.length;
    add(1, f.region);
    add(1, f.regionImpairment);
    add(z, f.zone);
    add((z * (z - 1)) / 2, f.partition);
  }
  for (const c of t.clusters) {
    const masters = c.counts.masters;
    const stacked = c.etcd.placement === 'stacked';
    const members = stacked ? masters : c.counts.etcdMembers;
    add(masters, f.master);
    add(2 * masters, f.process);
    if (!stacked) add(members, f.etcd);
    add(members, f.process);
    add(members, f.disk);
    add(c.counts.workers, f.worker);
    const kind = c.endpoint.kind;
    add(kind === 'cloud' ? 1 : kind === 'keepalived' ? 2 : 0, f.loadBalancer);
    // A maintenance pass: it falls due, then each master's step ends (the next one starts then).
    if (masters > 0) eventsPerTrial += f.maintenance.passesPerYear * years * (1 + masters);
  }
  const oe = f.operatorError;
  const bad = oe.changesPerYear * oe.badChangeProbability;
  const waves = oe.rollout.kind === 'all-at-once' ? 1 : oe.rollout.waves.length;
  for (const [share, repair] of [
    [oe.apiDownShare, oe.repair],
    [oe.restoreShare, t.backup.restore],
    [oe.dataPlaneShare, oe.repair],
  ] as const) {
    elements += 1;
    eventsPerTrial += 2 * waves * cyclesPerYear({ perYear: bad * share, repair }) * years;
  }
  return { elements, eventsPerTrial };
}

/** Failure-and-repair cycles a year of one element: λ / (1 + λ·r), r its mean repair in years. */
function cyclesPerYear(p: FailureProcess): number {
  if (!(p.perYear > 0)) return 0;
  return p.perYear / (1 + (p.perYear * repairMeanHours(p.repair)) / HOURS_PER_YEAR);
}

function gib(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(1);
}

function round(x: number): string {
  return Number(x.toPrecision(2)).toLocaleString('en-US');
}

function humanSeconds(s: number): string {
  if (s < 3600 * 48) return `${round(s / 3600)} h`;
  if (s < 3600 * 24 * 365 * 2) return `${round(s / 86400)} days`;
  return `${round(s / (3600 * 24 * 365))} years`;
}
