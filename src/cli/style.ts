/** Colour is decided once, at the edge: a terminal, no NO_COLOR, no --no-color. */
import { Chalk } from 'chalk';

export interface Style {
  color: boolean;
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function createStyle(color: boolean): Style {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    color,
    error: (t) => chalk.red(t),
    warning: (t) => chalk.yellow(t),
    ok: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
  };
}

export function wantsColor(opts: {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  noColorFlag: boolean;
}): boolean {
  if (opts.noColorFlag) return false;
  if (opts.env['NO_COLOR'] !== undefined && opts.env['NO_COLOR'] !== '') return false;
  if (opts.env['FORCE_COLOR'] !== undefined && opts.env['FORCE_COLOR'] !== '0') return true;
  return opts.isTTY;
}
