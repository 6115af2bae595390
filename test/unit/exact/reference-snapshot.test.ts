/**
 * A no-regression snapshot of the exact engine. The pinned numbers are a SNAPSHOT of the
 * reference implementation as it was before the engine was optimised (issue 9: the engine of
 * main at c06d36c, with that commit's defaults), not a truth: the truth is checked by
 * brute-force.test.ts and closed-forms.test.ts. This test keeps faster code computing the same
 * figures. Regenerate on purpose only, when a definition or a default changes:
 *   HASIM_UPDATE_EXACT_REFERENCE=1 npx vitest run test/unit/exact/reference-snapshot.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINUTES_PER_YEAR } from '../../../src/exact/metric-paths.js';
import {
  referenceCases,
  referenceRecord,
  type ReferenceRecord,
} from '../../helpers/exact-reference.js';

const FIXTURE = 'test/fixtures/exact/reference-snapshot.json';
const UPDATE = process.env['HASIM_UPDATE_EXACT_REFERENCE'] === '1';

/** Relative tolerance of every figure. */
const RELATIVE = 1e-13;
/**
 * Absolute floor for differences of availabilities (importance, attribution): summing the same
 * terms in another order moves a sum near 1 by a few units of 2^-53 ≈ 1.1e-16.
 */
const PROBABILITY_FLOOR = 1e-15;

const cases = await referenceCases();

describe('the exact engine reproduces its reference snapshot', () => {
  if (UPDATE) {
    it('writes the snapshot', () => {
      const all = Object.fromEntries([...cases].map(([name, t]) => [name, referenceRecord(t)]));
      writeFileSync(FIXTURE, `${JSON.stringify(all, null, 1)}\n`);
      expect(existsSync(FIXTURE)).toBe(true);
    });
    return;
  }
  const pinned = existsSync(FIXTURE)
    ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, ReferenceRecord>)
    : {};

  it('pins every case', () => {
    expect(Object.keys(pinned).sort()).toEqual([...cases.keys()].sort());
  });

  it.each([...cases.keys()])('%s', (name) => {
    // Arrange
    const expected = pinned[name];
    expect(expected).toBeDefined();
    if (expected === undefined) return;
    // Act
    const actual = referenceRecord(cases.get(name)!);
    // Assert: every figure within tolerance, the lists and warnings equal.
    const off: string[] = [];
    compareNumbers(off, 'metrics', actual.metrics, expected.metrics, 0);
    compareNumbers(
      off,
      'attribution',
      actual.attribution,
      expected.attribution,
      PROBABILITY_FLOOR * MINUTES_PER_YEAR,
    );
    compareNumbers(off, 'importance', actual.importance, expected.importance, PROBABILITY_FLOOR);
    expect(off).toEqual([]);
    expect(actual.singlePointsOfFailure).toEqual(expected.singlePointsOfFailure);
    expect(actual.warnings).toEqual(expected.warnings);
  });
});

// --- internal ---

/** Walks two trees of numbers (a missing leaf counts as 0) and lists the leaves that differ. */
function compareNumbers(
  off: string[],
  path: string,
  actual: unknown,
  expected: unknown,
  floor: number,
): void {
  if (typeof actual === 'number' || typeof expected === 'number' || actual === undefined) {
    const a = typeof actual === 'number' ? actual : 0;
    const e = typeof expected === 'number' ? expected : 0;
    const tolerance = RELATIVE * Math.max(Math.abs(a), Math.abs(e)) + floor;
    if (!(Math.abs(a - e) <= tolerance)) off.push(`${path}: ${a} instead of ${e}`);
    return;
  }
  const x = (actual ?? {}) as Record<string, unknown>;
  const y = (expected ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
    compareNumbers(off, `${path}.${key}`, x[key], y[key], floor);
}
