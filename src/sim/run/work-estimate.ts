/**
 * What a trial range's work (events, estimated by simulation-cost.ts) means for worker threads:
 * how many pay off and how many trials a chunk should hold. Pure: the pool (worker-pool.ts)
 * applies it. The estimate only steers speed, never results (chunk sums are exact).
 */
/**
 * Events one more worker thread must have to run to pay for itself: about a third of a second
 * of one core at today's few million events per second, against a thread's start-up and the
 * warm-up of its compiled code (~0.3 s of CPU; measured with `npm run bench`).
 */
export const EVENTS_PER_THREAD = 1.5e6;

/**
 * A range below this many events, before any thread started, runs on the calling thread: tens
 * of milliseconds, less than starting a thread and loading the engine into it.
 */
export const IN_THREAD_EVENTS = 1e5;

/** Events in one chunk: a few tens of milliseconds, so threads stay busy to the end. */
export const EVENTS_PER_CHUNK = 2e5;

/** Threads (1 … max) worth starting for `events` events of work: small runs use one. */
export function threadsFor(events: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(events / EVENTS_PER_THREAD)));
}

/**
 * Trials per chunk: about EVENTS_PER_CHUNK events, at least 8 chunks per thread so the last ones
 * balance, at most 4,000 trials (progress and Ctrl-C see every chunk's end).
 */
export function chunkTrials(trials: number, eventsPerTrial: number, threads: number): number {
  const byEvents = Math.round(EVENTS_PER_CHUNK / Math.max(1, eventsPerTrial));
  const byBalance = Math.ceil(trials / (Math.max(1, threads) * 8));
  return Math.max(1, Math.min(4000, byEvents, byBalance));
}
