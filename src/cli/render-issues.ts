/** Scenario problems as text: one `file:line:col path: message` line each, errors first. */
import type { LoadResult, LocatedIssue } from '../io/read-scenario.js';
import { formatLocation, MAX_LISTED_ISSUES } from '../io/read-scenario.js';
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
  const errorCount = errors.length + (result.errorsOmitted ?? 0);
  const warningCount = result.warnings.length + (result.warningsOmitted ?? 0);
  const lines: string[] = [];
  if (errors.length > 0) {
    const counts = [
      plural(errorCount, 'error'),
      ...(warningCount > 0 ? [plural(warningCount, 'warning')] : []),
    ];
    lines.push(style.error(`hasim: ${result.file} is not a valid scenario (${counts.join(', ')})`));
  }
  for (const issue of errors) lines.push(`  ${renderIssue(issue, style)}`);
  if (result.errorsOmitted) lines.push(`  … and ${moreLine(result.errorsOmitted, 'error')}`);
  for (const issue of result.warnings) lines.push(`  ${renderIssue(issue, style)}`);
  if (result.warningsOmitted) lines.push(`  … and ${moreLine(result.warningsOmitted, 'warning')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// --- internal ---

/** `19,954 more errors (only the first 50 are listed)` */
function moreLine(n: number, word: string): string {
  const count = n.toLocaleString('en-US');
  return `${count} more ${word}${n === 1 ? '' : 's'} (only the first ${MAX_LISTED_ISSUES} are listed)`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
