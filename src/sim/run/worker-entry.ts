/**
 * A simulation worker thread: builds the run plan once from its workerData, then runs the trial
 * ranges it is sent and posts back their exact sums.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Topology } from '../../model/topology.js';
import { createRunPlan, runTrialRange, type RunSpec } from './run-plan.js';
import type { RangeRequest } from './simulate.js';

export interface WorkerInit {
  topology: Topology;
  spec: RunSpec;
}

export interface WorkerTask extends RangeRequest {
  id: number;
}

const init = workerData as WorkerInit;
const plan = createRunPlan(init.topology, init.spec);
parentPort?.on('message', (task: WorkerTask) => {
  const sums = runTrialRange(plan, task.stream, task.from, task.to);
  parentPort?.postMessage({ id: task.id, sums });
});
