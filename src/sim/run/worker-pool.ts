/**
 * Runs trial ranges on worker threads. A range is cut into chunks handed to whichever worker is
 * free; chunk sums are exact (run-sums.ts), so the total does not depend on the number of
 * workers, on the chunk size or on the order chunks finish in. Threads start when a range first
 * needs them: with `adaptive`, a range uses only as many as its estimated work pays for
 * (simulation-cost.ts, work-estimate.ts), so a small run stays on one, and a tiny range before any thread started
 * runs on the calling thread (no thread to start for a few milliseconds of work). `stop()` lets in-flight chunks finish and
 * hands no more out, so an interrupted run reports exactly the trials it completed.
 */
import { Worker } from 'node:worker_threads';
import type { Topology } from '../../model/topology.js';
import { bitsOf, createRunPlan, runTrialRange, type RunPlan, type RunSpec } from './run-plan.js';
import { emptyRunSums, mergeRunSums, type RunSums } from '../stats/run-sums.js';
import type { RangeRequest } from './simulate.js';
import type { WorkerInit, WorkerTask } from './worker-entry.js';
import { chunkTrials, IN_THREAD_EVENTS, threadsFor } from './work-estimate.js';

export interface PoolRun {
  sums: RunSums;
  /** Whether stop() cut the range short (then sums hold the completed chunks only). */
  stopped: boolean;
}

export interface PoolShape {
  predicates: number;
  clusters: number;
  slo: number;
  /** Estimated events per trial (simulation-cost.ts); sizes chunks, and threads when adaptive. */
  eventsPerTrial?: number;
}

export interface PoolOptions {
  /** Use fewer than `size` threads on a range too small to pay for them (the default count). */
  adaptive?: boolean;
}

/** Events per trial assumed when the caller gives no estimate (the 3-master examples: ~90). */
const DEFAULT_EVENTS_PER_TRIAL = 100;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly init: WorkerInit;
  private readonly maxSize: number;
  private plan: RunPlan | undefined;
  private stopped = false;
  private nextId = 0;

  constructor(
    topology: Topology,
    spec: RunSpec,
    size: number,
    private readonly shape: PoolShape,
    private readonly options: PoolOptions = {},
  ) {
    this.init = { topology, spec };
    this.maxSize = Math.max(1, Math.floor(size));
  }

  /** The most threads this pool runs. */
  get size(): number {
    return this.maxSize;
  }

  /** The threads started so far. */
  get started(): number {
    return this.workers.length;
  }

  /** Stop handing out chunks (Ctrl-C). */
  stop(): void {
    this.stopped = true;
  }

  /** Runs a range; `onProgress` is called with the trials completed so far in it. */
  run(request: RangeRequest, onProgress: (done: number) => void = () => {}): Promise<PoolRun> {
    const total = request.to - request.from;
    const perTrial = this.shape.eventsPerTrial ?? DEFAULT_EVENTS_PER_TRIAL;
    if (this.options.adaptive && this.workers.length === 0 && total * perTrial < IN_THREAD_EVENTS)
      return Promise.resolve(this.runHere(request, onProgress));
    const threads = this.options.adaptive
      ? threadsFor(total * perTrial, this.maxSize)
      : this.maxSize;
    while (this.workers.length < threads) {
      this.workers.push(
        new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: this.init }),
      );
    }
    const active = this.workers.slice(0, threads);
    const chunk = chunkTrials(total, perTrial, threads);
    const sums = emptyRunSums(
      this.shape.predicates,
      this.shape.clusters,
      bitsOf(request.stream),
      this.shape.slo,
    );
    let next = request.from;
    let done = 0;
    let busy = 0;
    return new Promise<PoolRun>((resolve, reject) => {
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        for (const w of active) {
          w.removeAllListeners('message');
          w.removeAllListeners('error');
        }
        resolve({ sums, stopped: this.stopped && sums.trials < total });
      };
      const feed = (w: Worker): void => {
        if (this.stopped || next >= request.to) {
          if (busy === 0) finish();
          return;
        }
        const task: WorkerTask = {
          id: this.nextId++,
          stream: request.stream,
          from: next,
          to: Math.min(request.to, next + chunk),
        };
        next = task.to;
        busy++;
        w.postMessage(task);
      };
      for (const w of active) {
        w.on('message', (msg: { sums: RunSums }) => {
          busy--;
          mergeRunSums(sums, msg.sums);
          done += msg.sums.trials;
          onProgress(done);
          feed(w);
        });
        w.on('error', reject);
      }
      if (total <= 0) {
        finish();
        return;
      }
      for (const w of active) feed(w);
    });
  }

  private runHere(request: RangeRequest, onProgress: (done: number) => void): PoolRun {
    const total = request.to - request.from;
    if (this.stopped || total <= 0) {
      const empty = emptyRunSums(
        this.shape.predicates,
        this.shape.clusters,
        bitsOf(request.stream),
        this.shape.slo,
      );
      return { sums: empty, stopped: this.stopped && total > 0 };
    }
    this.plan ??= createRunPlan(this.init.topology, this.init.spec);
    const sums = runTrialRange(this.plan, request.stream, request.from, request.to);
    onProgress(sums.trials);
    return { sums, stopped: false };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
