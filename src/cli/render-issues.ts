/** Scenario problems as text: one `file:line:col path: message` line each, errors first. */
import type { LoadResult, LocatedIssue } from '../io/read-scenario.js';
import { formatLocation } from '../io/read-scenario.js';
import { formatPath } from '../model/issue.js';
import type { Style } from './style.js';

export function renderIssue(issue: LocatedIssue, style: Style): string {
  const where =
    issue.path.length === 0 && issue.code !== undefined && issue.line > 0
      ? 'yaml'
      : formatPath(issue.path);
  const label = issue.severity === 'warning' ? style.warning('warning: ') : '';
  return `${formatLocation(issue)} ${where}: ${label}${issue.message}`;
}

export function renderLoadProblems(result: LoadResult, style: Style): string {
  const errors = result.ok ? [] : result.errors;
  const lines: string[] = [];
  if (errors.length > 0) {
    const counts = [
      plural(errors.length, 'error'),
      ...(result.warnings.length > 0 ? [plural(result.warnings.length, 'warning')] : []),
    ];
    lines.push(style.error(`hasim: ${result.file} is not a valid scenario (${counts.join(', ')})`));
  }
  for (const issue of [...errors, ...result.warnings]) lines.push(`  ${renderIssue(issue, style)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
