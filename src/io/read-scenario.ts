/**
 * Reading scenario files: the only place that turns a path into a Topology. Every problem comes
 * back at once with its file, line and column; a file with any error yields no topology.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Issue } from '../model/issue.js';
import type { Topology } from '../model/topology.js';
import { validateScenario } from '../model/validate.js';
import { MAX_SCENARIO_BYTES, parseScenarioText } from './parse-document.js';

export interface LocatedIssue extends Issue {
  file: string;
  line: number;
  col: number;
}

export type LoadResult =
  | { ok: true; file: string; topology: Topology; warnings: LocatedIssue[] }
  | { ok: false; file: string; errors: LocatedIssue[]; warnings: LocatedIssue[] };

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
  if (parsed.value === undefined && syntax.length > 0)
    return { ok: false, file, errors: syntax, warnings: [] };
  const result = validateScenario(parsed.value ?? null);
  const place = (issue: Issue): LocatedIssue => ({
    ...issue,
    file,
    ...parsed.locate(issue.path, issue.at),
  });
  const warnings = result.warnings.map(place).sort(byPosition);
  if (result.ok && syntax.length === 0)
    return { ok: true, file, topology: result.topology, warnings };
  const errors = [...syntax, ...(result.ok ? [] : result.errors.map(place))].sort(byPosition);
  return { ok: false, file, errors, warnings };
}

/** Reads and loads a scenario file; IO failures are reported as issues too. */
export async function readScenarioFile(file: string): Promise<LoadResult> {
  const fail = (message: string, code: string): LoadResult => ({
    ok: false,
    file,
    errors: [{ file, line: 0, col: 0, path: [], message, severity: 'error', code }],
    warnings: [],
  });
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail('is a directory, not a scenario file', 'EISDIR');
    if (info.size > MAX_SCENARIO_BYTES) {
      const limit = `scenario files are limited to ${MAX_SCENARIO_BYTES} bytes`;
      return fail(`is ${info.size} bytes; ${limit}`, 'TOO_LARGE');
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    // Only file-system errors land here: a bug in loading must not pass for an IO error.
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const message = code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`;
    return fail(message, code);
  }
  return loadScenarioText(text, file);
}

/** `file:line:col` (or just `file` when the problem has no place in the text). */
export function formatLocation(issue: LocatedIssue): string {
  return issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
}

// --- internal ---

function byPosition(a: LocatedIssue, b: LocatedIssue): number {
  return a.line - b.line || a.col - b.col;
}
