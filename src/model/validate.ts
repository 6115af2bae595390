/**
 * unknown (parsed YAML/JSON) → ScenarioResult: schema issues mapped to key paths, then the
 * semantic rules, then normalization. User errors are values, never exceptions.
 */
import type { z } from 'zod';
import { error, type Issue } from './issue.js';
import { normalizeScenario } from './normalize.js';
import { checkScenarioRules } from './rules.js';
import { checkTopologyRules } from './topology-rules.js';
import { ScenarioFileSchema, type ScenarioFile } from './schema.js';
import { knownKeysAt } from './schema-keys.js';
import type { Topology } from './topology.js';

export type ScenarioResult =
  | { ok: true; topology: Topology; file: ScenarioFile; warnings: Issue[] }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/**
 * Validates a parsed scenario and normalizes it.
 * @param input the value of a YAML or JSON document
 * @returns the topology and warnings, or every error found
 */
export function validateScenario(input: unknown): ScenarioResult {
  const parsed = ScenarioFileSchema.safeParse(input);
  const schemaErrors = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZod(i, input));
  const issues = checkScenarioRules(input);
  const errors = [...schemaErrors, ...issues.filter((i) => i.severity === 'error')];
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (!parsed.success || errors.length > 0) return { ok: false, errors, warnings };
  const topology = normalizeScenario(parsed.data);
  const late = checkTopologyRules(topology);
  if (late.length > 0) return { ok: false, errors: late, warnings };
  return { ok: true, topology, file: parsed.data, warnings };
}

// --- internal ---

type ZodIssue = z.core.$ZodIssue;

function fromZod(issue: ZodIssue, input: unknown): Issue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path);
    return issue.keys.map((key) =>
      error([...path, key], `unknown key "${key}"${suggest(key, known)}`, {
        at: 'key',
        code: issue.code,
      }),
    );
  }
  if (issue.code === 'invalid_union') {
    // Report the branch that matches the value's shape (an object for an object) rather than
    // a bare "Invalid input", when exactly one branch got past the type check.
    const matching = issue.errors.filter(
      (branch) =>
        !branch.some(
          (i) => (i.code === 'invalid_type' || i.code === 'invalid_value') && i.path.length === 0,
        ),
    );
    const [branch] = matching;
    if (matching.length === 1 && branch && typeof valueAt(input, path) === 'object') {
      return branch.flatMap((i) => fromZod({ ...i, path: [...issue.path, ...i.path] }, input));
    }
  }
  if (issue.code === 'invalid_type' && valueAt(input, path) === undefined && path.length > 0) {
    return [
      error(path, `missing required key "${String(path[path.length - 1])}"`, { code: 'missing' }),
    ];
  }
  return [error(path, issue.message, { code: issue.code })];
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function suggest(key: string, known: string[]): string {
  const bound = Math.max(1, Math.floor(key.length / 3));
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // The distance is at least the difference in length: a candidate that cannot be near is
    // never suggested, so it is not measured (20,000 unknown keys cost 13 distances each).
    if (Math.abs(candidate.length - key.length) > bound) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const near = best !== undefined && bestDistance <= bound;
  if (near) return `; did you mean "${best}"?`;
  return known.length > 0 ? ` (expected one of ${known.join(', ')})` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
