/** The few error classes of the CLI; the single top-level catch lives in main.ts. */
import type { LoadResult } from '../io/read-scenario.js';

/** Bad flags or arguments: one line to stderr, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A scenario file with errors: its issues to stderr, exit 2. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(readonly result: Extract<LoadResult, { ok: false }>) {
    super(`${result.file} is not a valid scenario`);
  }
}

/** A broken invariant: "this is a bug", printed with version and argv, exit 1. */
export class InternalError extends Error {
  override name = 'InternalError';
}
