/** hasim's exit codes, documented in the README. */
export const ExitCode = {
  /** Success (and for validate: valid, possibly with warnings). */
  ok: 0,
  /** An internal error: a bug in hasim. */
  internal: 1,
  /** Bad usage (flags, arguments) or invalid input (a scenario with errors). */
  invalid: 2,
  /** The run worked but a target (objective) was not met: analyze and simulate. */
  targetNotMet: 3,
  /** Interrupted (Ctrl-C, SIGINT): the partial result was printed. 128 + SIGINT, by convention. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
