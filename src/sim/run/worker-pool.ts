/**
 * Runs trial ranges on worker threads. A range is cut into chunks handed to whichever worker is
 * free; chunk sums are exact (run-sums.ts), so the total does not depend on the number of
 * workers or on the order chunks finish in. `stop()` lets in-flight chunks finish and hands no
 * more out, so an interrupted run reports exactly the trials it completed.
 */
import { Worker } from 'node:worker_threads';
import type { Topology } from '../../model/topology.js';
import { bitsOf, type RunSpec } from './run-plan.js';
import { emptyRunSums, mergeRunSums, type RunSums } from '../stats/run-sums.js';
import type { RangeRequest } from './simulate.js';
import type { WorkerInit, WorkerTask } from './worker-entry.js';

export interface PoolRun {
  sums: RunSums;
  /** Whether stop() cut the range short (then sums hold the completed chunks only). */
  stopped: boolean;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private stopped = false;
  private nextId = 0;

  constructor(
    topology: Topology,
    spec: RunSpec,
    size: number,
    private readonly shape: { predicates: number; clusters: number; slo: number },
  ) {
    const init: WorkerInit = { topology, spec };
    this.workers = Array.from(
      { length: Math.max(1, size) },
      () => new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: init }),
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** Stop handing out chunks (Ctrl-C). */
  stop(): void {
    this.stopped = true;
  }

  /** Runs a range; `onProgress` is called with the trials completed so far in it. */
  run(request: RangeRequest, onProgress: (done: number) => void = () => {}): Promise<PoolRun> {
    const total = request.to - request.from;
    const chunk = Math.max(25, Math.min(2000, Math.ceil(total / (this.workers.length * 16))));
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
        for (const w of this.workers) {
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
      for (const w of this.workers) {
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
      for (const w of this.workers) feed(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
