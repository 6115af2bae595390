/**
 * What `hasim report` was given: a scenario (YAML, or JSON with a `clusters` list) to compute, or
 * a saved result to render as it is. Saved results are checked (result-shapes.ts); every problem
 * comes back as one line naming the file and the place.
 */
import { readRegularFile } from './read-regular-file.js';
import { extname } from 'node:path';
import { classifySavedInput, type SavedInput } from '../report/result-shapes.js';

/** Saved results larger than this are refused (a large multi-region result is a few MB). */
export const MAX_RESULT_BYTES = 64 * 1024 * 1024;

export type ReportInput =
  | { kind: 'scenario'; file: string }
  | (Exclude<SavedInput, { kind: 'scenario' | 'invalid' }> & { file: string })
  | { kind: 'invalid'; file: string; problems: string[] };

/** Reads `file` far enough to tell a scenario from a saved result, and checks a saved result. */
export async function readReportInput(file: string): Promise<ReportInput> {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return { kind: 'scenario', file };
  const read = await readRegularFile(file, {
    maxBytes: MAX_RESULT_BYTES,
    what: 'a scenario or a result',
    limit: `saved results are limited to ${MAX_RESULT_BYTES} bytes`,
  });
  if (!read.ok) return invalid(file, read.message);
  const text = read.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Not JSON: a scenario in YAML under another name, which the scenario reader checks.
    if (ext !== '.json') return { kind: 'scenario', file };
    return invalid(file, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const saved = classifySavedInput(value);
  if (saved.kind === 'scenario') return { kind: 'scenario', file };
  if (saved.kind === 'invalid')
    return {
      kind: 'invalid',
      file,
      problems: [
        `${file} is not a valid ${saved.what} (${saved.problems.length} problem${saved.problems.length === 1 ? '' : 's'})`,
        ...saved.problems.slice(0, MAX_PROBLEMS).map((p) => `  ${file} ${p}`),
        ...(saved.problems.length > MAX_PROBLEMS
          ? [`  … and ${saved.problems.length - MAX_PROBLEMS} more`]
          : []),
      ],
    };
  return { ...saved, file };
}

// --- internal ---

/** A file with many problems is not the file the user meant: list the first ones. */
const MAX_PROBLEMS = 20;

function invalid(file: string, message: string): ReportInput {
  return { kind: 'invalid', file, problems: [`${file}: ${message}`] };
}
