import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenarioText, MAX_LISTED_ISSUES } from '../../../src/io/read-scenario.js';
import { validateScenario } from '../../../src/model/validate.js';

describe('a file with thousands of problems (issue 10 item 2)', () => {
  it('lists the first 50 errors in text order and counts the rest', () => {
    const n = 20_000;
    const text = Array.from({ length: n }, (_, i) => `k${i + 1}: ${i + 1}`).join('\n');
    const r = loadScenarioText(text, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Every key is unknown, and the four required keys are missing.
    const required = ['version', 'name', 'regions', 'clusters'];
    expect(r.errors).toHaveLength(MAX_LISTED_ISSUES);
    expect(r.errorsOmitted).toBe(n + required.length - MAX_LISTED_ISSUES);
    // The missing keys point at the root (1:1); then k1, k2, … each on its own line.
    expect(r.errors.slice(0, 4).map((e) => [e.line, e.col, e.path[0]])).toEqual(
      required.map((k) => [1, 1, k]),
    );
    const rest = r.errors.slice(4);
    expect(rest.map((e) => [e.line, e.col, e.path[0]])).toEqual(
      rest.map((_, i) => [i + 1, 1, `k${i + 1}`]),
    );
  });

  it('counts warnings beyond the first 50 too, and a valid file stays valid', () => {
    const clusters = Array.from(
      { length: 80 },
      (_, i) => `  - { name: c${i}, region: r, masters: { a: 1 }, workers: { a: 1 } }`,
    );
    const text = `version: 1\nname: many\nregions:\n  - { name: r, zones: [a] }\nclusters:\n${clusters.join('\n')}\n`;
    const all = validateScenario(parse(text)).warnings.length;
    expect(all).toBeGreaterThan(MAX_LISTED_ISSUES);
    const r = loadScenarioText(text, 'many.yaml');
    expect(r.ok).toBe(true);
    expect(r.warnings).toHaveLength(MAX_LISTED_ISSUES);
    expect(r.warningsOmitted).toBe(all - MAX_LISTED_ISSUES);
  });

  it('adds no count when nothing was left out', () => {
    const r = loadScenarioText('version: 2\n', 'x.yaml');
    expect(r).not.toHaveProperty('errorsOmitted');
    expect(r).not.toHaveProperty('warningsOmitted');
  });
});
