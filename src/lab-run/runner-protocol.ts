/**
 * The messages between `hasim lab` and its runner process: one JSON line on the runner's stdin
 * (the plan and where things are), JSON lines on its stdout. Closing the runner's stdin asks it
 * to stop: it cleans up and reports what it observed so far.
 */
import type { LabObservation } from '../lab/lab-observation.js';
import type { LabPlan } from '../lab/lab-plan.js';
import type { RunnerEnv } from './run-lab.js';

export interface RunnerRequest {
  plan: LabPlan;
  env: RunnerEnv;
}

export type RunnerMessage =
  | { type: 'progress'; message: string }
  | { type: 'observation'; observation: LabObservation }
  | { type: 'error'; message: string };

/** Parses one line of the runner's stdout; null for anything else (e.g. a stray log line). */
export function parseRunnerMessage(line: string): RunnerMessage | null {
  try {
    const v = JSON.parse(line) as { type?: unknown };
    return v.type === 'progress' || v.type === 'observation' || v.type === 'error'
      ? (v as RunnerMessage)
      : null;
  } catch {
    return null;
  }
}
