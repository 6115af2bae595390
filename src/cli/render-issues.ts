/** Scenario problems as text: one `file:line:col path: message` line each, errors first. */
import type { LoadResult, LocatedIssue } from '../io/read-scenario.js';
import { formatLocation } from '../io/read-scenario.js';
import { formatPath } from '../model/issue.js';
import type { Style } from './style.js';

export function renderIssue(issue: LocatedIssue, style: Style): string {
  // A problem with the file itself (missing, too large) has no place in the text.
  if (issue.line === 0) return `${issue.file}: ${issue.message}`;
  const where = issue.code?.startsWith('yaml.') ? 'yaml' : formatPath(issue.path);
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
