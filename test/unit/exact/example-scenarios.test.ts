import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '../../../src/exact/analyze.js';
import { readScenarioFile } from '../../../src/io/read-scenario.js';

const DIR = 'scenarios';
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => join(DIR, f))
  : [];

describe('every example scenario analyzes', () => {
  if (files.length === 0) it.todo('no example scenarios in scenarios/ yet');
  it.each(files)('%s', async (file) => {
    const loaded = await readScenarioFile(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const result = analyzeTopology(loaded.topology);
    const values = [
      ...Object.values(result.clusters).flatMap((m) => Object.values(m)),
      ...Object.values(result.regions).flatMap((m) => Object.values(m)),
    ].map((m) => m.availability);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});
