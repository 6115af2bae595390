/**
 * Reading scenario files: the only place that turns a path into a Topology. Every problem comes
 * back at once with its file, line and column; a file with any error yields no topology.
 */
import type { Issue } from '../model/issue.js';
import type { Topology } from '../model/topology.js';
import { validateScenario } from '../model/validate.js';
import { MAX_SCENARIO_BYTES, parseScenarioText } from './parse-document.js';
import { readRegularFile } from './read-regular-file.js';

export interface LocatedIssue extends Issue {
  file: string;
  line: number;
  col: number;
}

/** Issues kept per list (errors, warnings) of a file; the rest are counted, not listed. */
export const MAX_LISTED_ISSUES = 50;

/** How many issues of each kind were found but not listed (absent or 0: none). */
export interface OmittedIssues {
  errorsOmitted?: number;
  warningsOmitted?: number;
}

export type LoadResult =
  | ({ ok: true; file: string; topology: Topology; warnings: LocatedIssue[] } & OmittedIssues)
  | ({ ok: false; file: string; errors: LocatedIssue[]; warnings: LocatedIssue[] } & OmittedIssues);

/**
 * Loads scenario text (YAML or JSON) that came from `file`.
 * @param file the name used in messages
 */
export function loadScenarioText(text: string, file: string): LoadResult {
  const parsed = parseScenarioText(text);
  const syntax: LocatedIssue[] = parsed.syntaxErrors.map((e) => ({
    file,
    ...e.position,
    path: [],
    message: e.message,
    severity: 'error',
    code: `yaml.${e.code}`,
  }));
  if (parsed.value === undefined && syntax.length > 0) {
    const errorsOmitted = unlisted(syntax.length);
    const e = errorsOmitted > 0 ? { errorsOmitted } : {};
    return { ok: false, file, errors: firstListed(syntax), warnings: [], ...e };
  }
  const result = validateScenario(parsed.value ?? null);
  const place = (issue: Issue): LocatedIssue => ({
    ...issue,
    file,
    ...parsed.locate(issue.path, issue.at),
  });
  const warnings = firstListed(result.warnings.map(place));
  const warningsOmitted = unlisted(result.warnings.length);
  const w = warningsOmitted > 0 ? { warningsOmitted } : {};
  if (result.ok && syntax.length === 0)
    return { ok: true, file, topology: result.topology, warnings, ...w };
  const all = [...syntax, ...(result.ok ? [] : result.errors.map(place))];
  const errorsOmitted = unlisted(all.length);
  const e = errorsOmitted > 0 ? { errorsOmitted } : {};
  return { ok: false, file, errors: firstListed(all), warnings, ...e, ...w };
}

/** Reads and loads a scenario file; IO failures are reported as issues too. */
export async function readScenarioFile(file: string): Promise<LoadResult> {
  const fail = (message: string, code: string): LoadResult => ({
    ok: false,
    file,
    errors: [{ file, line: 0, col: 0, path: [], message, severity: 'error', code }],
    warnings: [],
  });
  const read = await readRegularFile(file, {
    maxBytes: MAX_SCENARIO_BYTES,
    what: 'a scenario file',
    limit: `scenario files are limited to ${MAX_SCENARIO_BYTES} bytes`,
  });
  if (!read.ok) return fail(read.message, read.code);
  return loadScenarioText(read.text, file);
}

/** `file:line:col` (or just `file` when the problem has no place in the text). */
export function formatLocation(issue: LocatedIssue): string {
  return issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
}

// --- internal ---

/**
 * The first MAX_LISTED_ISSUES issues in the order of the text: a file with thousands of
 * problems is not the file the user meant, and listing them all costs more than finding them.
 */
function firstListed(issues: LocatedIssue[]): LocatedIssue[] {
  return issues.sort(byPosition).slice(0, MAX_LISTED_ISSUES);
}

function unlisted(count: number): number {
  return Math.max(0, count - MAX_LISTED_ISSUES);
}

function byPosition(a: LocatedIssue, b: LocatedIssue): number {
  return a.line - b.line || a.col - b.col;
}
