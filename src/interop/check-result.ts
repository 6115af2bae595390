/**
 * `hasim check`: scenarios validated and their objectives checked with the exact engine, as
 * plain data (version 1) that the text and GitHub renderers print and `--json` serializes.
 */
import type { AnalysisResult, MetricAnalysis } from '../exact/analyze.js';
import type { LocatedIssue } from '../io/read-scenario.js';
import { formatPath } from '../model/issue.js';
import type { Metric, RegionMetric } from '../model/topology.js';

export interface CheckIssue {
  line: number;
  col: number;
  path: string;
  message: string;
}

export interface ObjectiveOutcome {
  scope: 'clusters' | 'regions';
  name: string;
  metric: Metric | RegionMetric;
  objectivePercent: number;
  availabilityPercent: number;
  met: boolean;
  /** Where the objective is written (`objectives.<metric>`). */
  line: number;
  col: number;
}

export type CheckStatus = 'met' | 'missed' | 'no-objectives' | 'invalid';

export interface CheckFileResult {
  file: string;
  status: CheckStatus;
  errors: CheckIssue[];
  warnings: CheckIssue[];
  /** Issues found but not listed (the loader lists the first 50 of each kind); absent: none. */
  errorsOmitted?: number;
  warningsOmitted?: number;
  objectives: ObjectiveOutcome[];
}

export interface CheckResult {
  version: 1;
  kind: 'check';
  /** Every file valid (warnings count with `strict`) and every objective met. */
  ok: boolean;
  strict: boolean;
  files: CheckFileResult[];
}

/** What the command found for one file: its problems, or its analysis. */
export type CheckInput =
  | ({ file: string; ok: false; errors: LocatedIssue[]; warnings: LocatedIssue[] } & Omitted)
  | ({
      file: string;
      ok: true;
      warnings: LocatedIssue[];
      analysis: AnalysisResult;
      /** The position of a key path in the file. */
      locate: (path: readonly (string | number)[]) => { line: number; col: number };
    } & Omitted);

/** How many issues of each kind the loader found but did not list. */
interface Omitted {
  errorsOmitted?: number;
  warningsOmitted?: number;
}

export function buildCheckResult(inputs: readonly CheckInput[], strict: boolean): CheckResult {
  const files = inputs.map((input) => checkFile(input, strict));
  return {
    version: 1,
    kind: 'check',
    ok: files.every((f) => f.status === 'met' || f.status === 'no-objectives'),
    strict,
    files,
  };
}

/** 2 when a file is invalid, else 3 when an objective is missed, else 0. */
export function checkExitCode(result: CheckResult): 0 | 2 | 3 {
  if (result.files.some((f) => f.status === 'invalid')) return 2;
  return result.files.some((f) => f.status === 'missed') ? 3 : 0;
}

// --- internal ---

function checkFile(input: CheckInput, strict: boolean): CheckFileResult {
  const warnings = input.warnings.map(toIssue);
  const omitted = {
    ...(input.errorsOmitted ? { errorsOmitted: input.errorsOmitted } : {}),
    ...(input.warningsOmitted ? { warningsOmitted: input.warningsOmitted } : {}),
  };
  if (!input.ok || (strict && warnings.length > 0)) {
    return {
      file: input.file,
      status: 'invalid',
      errors: input.ok ? [] : input.errors.map(toIssue),
      warnings,
      ...omitted,
      objectives: [],
    };
  }
  const objectives = listObjectives(input.analysis, input.locate);
  const status: CheckStatus =
    objectives.length === 0 ? 'no-objectives' : objectives.every((o) => o.met) ? 'met' : 'missed';
  return { file: input.file, status, errors: [], warnings, ...omitted, objectives };
}

function toIssue(i: LocatedIssue): CheckIssue {
  // A YAML syntax error belongs to the text, not to a key.
  const path = i.code?.startsWith('yaml.') ? 'yaml' : i.path.length === 0 ? '' : formatPath(i.path);
  return { line: i.line, col: i.col, path, message: i.message };
}

function listObjectives(
  analysis: AnalysisResult,
  locate: (path: readonly (string | number)[]) => { line: number; col: number },
): ObjectiveOutcome[] {
  const scopes: ['clusters' | 'regions', Record<string, Record<string, MetricAnalysis>>][] = [
    ['clusters', analysis.clusters],
    ['regions', analysis.regions],
  ];
  return scopes.flatMap(([scope, byName]) =>
    Object.entries(byName).flatMap(([name, metrics]) =>
      Object.entries(metrics).flatMap(([metric, m]) =>
        m.objective === undefined
          ? []
          : [
              {
                scope,
                name,
                metric: metric as Metric | RegionMetric,
                objectivePercent: m.objective.percent,
                availabilityPercent: m.availability * 100,
                met: m.objective.met,
                ...locate(['objectives', metric]),
              },
            ],
      ),
    ),
  );
}
