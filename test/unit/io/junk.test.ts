import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadScenarioText, type LoadResult } from '../../../src/io/read-scenario.js';
import { validateScenario } from '../../../src/model/validate.js';
import { scenarioFileArb } from '../../helpers/arbitraries.js';

/** A result is well-formed when it is a valid topology or lists at least one error. */
function expectWellFormed(r: LoadResult): void {
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e.message).toMatch(/\S/);
  } else {
    expect(r.topology.clusters.length).toBeGreaterThan(0);
  }
}

/** Replaces the value at a random path of `value` with `junk`. */
function mutate(value: unknown, path: number[], junk: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return junk;
  const [step = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return junk;
    const i = step % value.length;
    return value.map((v: unknown, j) => (j === i ? mutate(v, rest, junk) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return junk;
  const key = keys[step % keys.length]!;
  return { ...value, [key]: mutate((value as Record<string, unknown>)[key], rest, junk) };
}

describe('junk input', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = validateScenario(value);
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text or bytes', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => stringify(v)),
    );
    fc.assert(fc.property(text, (t) => expectWellFormed(loadScenarioText(t, 'junk.yaml'))));
  });

  it('never throws when any part of a valid file is replaced by junk', () => {
    fc.assert(
      fc.property(
        scenarioFileArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        (file, path, junk) => {
          const text = stringify(mutate(file, path, junk)) ?? '';
          expectWellFormed(loadScenarioText(text, 'mutated.yaml'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
