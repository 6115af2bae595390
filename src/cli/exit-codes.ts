/** hasim's exit codes, documented in the README. */
export const ExitCode = {
  /** Success (and for validate: valid, possibly with warnings). */
  ok: 0,
  /** An internal error: a bug in hasim. */
  internal: 1,
  /** Bad usage (flags, arguments) or invalid input (a scenario with errors). */
  invalid: 2,
  /** The run worked but a target (objective) was not met: plan and simulate. */
  targetNotMet: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
