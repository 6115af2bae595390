/**
 * `hasim check` output: a one-screen summary (one line per file, details only for what
 * failed), or GitHub Actions workflow commands that annotate the pull request.
 */
import type { TextStyle } from '../report/text-style.js';
import type { CheckFileResult, CheckIssue, CheckResult, ObjectiveOutcome } from './check-result.js';

/** Issues shown per invalid file before "… and n more". */
const MAX_ISSUES_SHOWN = 3;

export function renderCheckText(result: CheckResult, style: TextStyle): string {
  const lines: string[] = [];
  const width = Math.max(0, ...result.files.map((f) => f.file.length));
  for (const f of result.files) {
    lines.push(`${mark(f, style)} ${f.file.padEnd(width)}  ${summary(f)}`);
    if (f.status === 'invalid') {
      const issues = [...f.errors, ...(result.strict ? f.warnings : [])];
      const total =
        issues.length + (f.errorsOmitted ?? 0) + (result.strict ? (f.warningsOmitted ?? 0) : 0);
      for (const i of issues.slice(0, MAX_ISSUES_SHOWN)) lines.push(`    ${where(f.file, i)}`);
      if (total > MAX_ISSUES_SHOWN) {
        lines.push(`    … and ${total - MAX_ISSUES_SHOWN} more (hasim validate ${f.file})`);
      }
    }
    for (const o of f.objectives.filter((o) => !o.met)) {
      lines.push(
        `    ${f.file}:${o.line}:${o.col} objectives.${o.metric}: ${describeObjective(o)}`,
      );
    }
  }
  const count = (s: CheckFileResult['status']): number =>
    result.files.filter((f) => f.status === s).length;
  const parts = [
    `${count('met')} met`,
    `${count('missed')} missed`,
    `${count('invalid')} invalid`,
    ...(count('no-objectives') > 0 ? [`${count('no-objectives')} without objectives`] : []),
  ];
  const n = result.files.length;
  lines.push(`${n} scenario${n === 1 ? '' : 's'} checked: ${parts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), escaped as the
 * runner expects (actions/toolkit, packages/core/src/command.ts: escapeData, escapeProperty).
 */
export function renderCheckGithub(result: CheckResult): string {
  const lines: string[] = [];
  for (const f of result.files) {
    for (const i of f.errors)
      lines.push(command('error', f.file, i, 'invalid scenario', issueText(i)));
    const warningLevel = result.strict ? 'error' : 'warning';
    for (const i of f.warnings)
      lines.push(command(warningLevel, f.file, i, 'scenario warning', issueText(i)));
    for (const o of f.objectives.filter((o) => !o.met)) {
      lines.push(command('error', f.file, o, 'objective missed', describeObjective(o)));
    }
  }
  return `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${renderCheckText(result, PLAIN)}`;
}

/** An availability in percent with enough digits to compare it with its objective. */
export function formatPercent(percent: number, objectivePercent: number): string {
  const decimals = (String(objectivePercent).split('.')[1] ?? '').length;
  return `${percent.toFixed(Math.min(8, decimals + 3))} %`;
}

// --- internal ---

const PLAIN: TextStyle = { warning: (t) => t, ok: (t) => t, dim: (t) => t, bold: (t) => t };

function mark(f: CheckFileResult, style: TextStyle): string {
  switch (f.status) {
    case 'met':
      return style.ok('✔');
    case 'no-objectives':
      return style.dim('-');
    case 'missed':
    case 'invalid':
      return style.warning('✖');
  }
}

function summary(f: CheckFileResult): string {
  const warningCount = f.warnings.length + (f.warningsOmitted ?? 0);
  const warnings = warningCount > 0 ? ` (${plural(warningCount, 'warning')})` : '';
  switch (f.status) {
    case 'invalid':
      return `invalid: ${plural(f.errors.length + (f.errorsOmitted ?? 0), 'error')}${warnings}`;
    case 'no-objectives':
      return `valid, no objectives to check${warnings}`;
    case 'met':
      return `${plural(f.objectives.length, 'objective')} met${warnings}`;
    case 'missed': {
      const missed = f.objectives.filter((o) => !o.met).length;
      return `${missed} of ${plural(f.objectives.length, 'objective')} missed${warnings}`;
    }
  }
}

function describeObjective(o: ObjectiveOutcome): string {
  const who = `${o.scope === 'clusters' ? 'cluster' : 'region'} ${o.name} ${o.metric}`;
  const value = formatPercent(o.availabilityPercent, o.objectivePercent);
  return o.met
    ? `${who}: ${value} meets the objective ${o.objectivePercent} %`
    : `${who}: ${value} is below the objective ${o.objectivePercent} %`;
}

function issueText(i: CheckIssue): string {
  return i.path === '' ? i.message : `${i.path}: ${i.message}`;
}

function where(file: string, i: CheckIssue): string {
  // A problem with the file itself (missing, too large) has no place in the text.
  return i.line > 0 ? `${file}:${i.line}:${i.col} ${issueText(i)}` : `${file}: ${i.message}`;
}

function command(
  level: 'error' | 'warning',
  file: string,
  at: { line: number; col: number },
  title: string,
  message: string,
): string {
  const props = [`file=${escapeProperty(file)}`];
  if (at.line > 0) props.push(`line=${at.line}`, `col=${at.col}`);
  props.push(`title=${escapeProperty(`hasim: ${title}`)}`);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
