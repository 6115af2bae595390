/** Every command of the CLI, in the order `hasim --help` lists them. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerAnalyze } from './analyze.js';
import { registerCompare } from './compare.js';
import { registerCheck } from './check.js';
import { registerImport } from './import.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { registerLab } from './lab.js';
import { registerPlan } from './plan.js';
import { registerMerge } from './merge.js';
import { registerQuorum } from './quorum.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';
import { registerSimulate } from './simulate.js';
import { registerValidate } from './validate.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => Command;

export const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerValidate,
  registerSchema,
  registerQuorum,
  registerPlan,
  registerAnalyze,
  registerSimulate,
  registerMerge,
  registerReport,
  registerCompare,
  registerCheck,
  registerImport,
  registerExport,
  registerLab,
];
