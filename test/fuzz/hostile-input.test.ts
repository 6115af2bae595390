/**
 * The fuzz suite of issue 10: a few thousand hostile texts through the scenario loader (parse,
 * pre-scan, validation, positions). None may throw; every issue has a line:col; nothing nested
 * deeper than MAX_NESTING_DEPTH is ever built (the work bound, checked by structure, not by a
 * clock); no issue list is longer than MAX_LISTED_ISSUES; yaml never writes a warning.
 *
 * Time is not asserted (tests must not depend on the machine's speed). To see the slowest input:
 *   HASIM_FUZZ_TIMES=1 npx vitest run test/fuzz
 * prints each category's slowest load (loadScenarioText alone) and the overall maximum.
 */
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  MAX_ALIASES_IN_FILE,
  MAX_NESTING_DEPTH,
  parseScenarioText,
} from '../../src/io/parse-document.js';
import { prescanYaml } from '../../src/io/prescan-yaml.js';
import { loadScenarioText, MAX_LISTED_ISSUES } from '../../src/io/read-scenario.js';
import { deepInputs, fuzzCategories } from './hostile-inputs.js';

const TIMES = process.env['HASIM_FUZZ_TIMES'] === '1';
const slowest: { category: string; ms: number; input: string }[] = [];

/** Nesting of a plain value: maps and lists count 1 (an independent walk, iterative). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, d);
    if (v !== null && typeof v === 'object')
      for (const c of Object.values(v)) stack.push([c, d + 1]);
  }
  return deepest;
}

function show(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…(${text.length} chars)` : text);
}

/**
 * The properties every input must keep; returns a description of the first broken one.
 * `timed` receives how long loading took (only with HASIM_FUZZ_TIMES=1; never asserted).
 */
function check(text: string, timed: (ms: number) => void): string | undefined {
  let loaded;
  try {
    const t0 = TIMES ? performance.now() : 0;
    loaded = loadScenarioText(text, 'fuzz.yaml');
    if (TIMES) timed(performance.now() - t0);
  } catch (e) {
    return `threw ${e instanceof Error ? e.stack : String(e)}`;
  }
  const issues = [...(loaded.ok ? [] : loaded.errors), ...loaded.warnings];
  for (const list of [loaded.ok ? [] : loaded.errors, loaded.warnings]) {
    if (list.length > MAX_LISTED_ISSUES) return `${list.length} issues listed`;
  }
  if (!loaded.ok && loaded.errors.length === 0) return 'invalid without an error';
  const unplaced = issues.find(
    (i) => !Number.isInteger(i.line) || !Number.isInteger(i.col) || i.line < 1 || i.col < 1,
  );
  if (unplaced) return `issue without a line:col: ${JSON.stringify(unplaced)}`;
  const lines = text.split(/\r\n|\r|\n/).length;
  const outside = issues.find((i) => i.line > lines + 1);
  if (outside) return `issue past the end of the text (${lines} lines): ${JSON.stringify(outside)}`;
  // The work bound: what was built is never deeper than the limit, and what was refused was.
  const scan = prescanYaml(text, MAX_NESTING_DEPTH);
  const parsed = parseScenarioText(text);
  const refused = parsed.syntaxErrors.some((e) => e.code === 'DEPTH_LIMIT');
  if (refused !== (scan.tooDeep !== undefined)) return 'depth refusal disagrees with the pre-scan';
  if (!refused && depthOf(parsed.value) > MAX_NESTING_DEPTH)
    return `built a value ${depthOf(parsed.value)} deep`;
  if (!refused && scan.aliasCount > MAX_ALIASES_IN_FILE && parsed.value !== undefined)
    return 'expanded more aliases than allowed';
  return undefined;
}

let emitWarning: MockInstance;
let consoleWarn: MockInstance;
beforeAll(() => {
  emitWarning = vi.spyOn(process, 'emitWarning');
  consoleWarn = vi.spyOn(console, 'warn');
});
afterAll(() => {
  emitWarning.mockRestore();
  consoleWarn.mockRestore();
  if (TIMES && slowest.length > 0) {
    const lines = slowest.map((s) => `  ${s.category}: ${s.ms.toFixed(1)} ms  ${show(s.input)}`);
    const max = Math.max(...slowest.map((s) => s.ms));
    console.log(`slowest input per category:\n${lines.join('\n')}\nmax: ${max.toFixed(1)} ms`);
  }
});

describe('fuzz: hostile scenario texts never crash, never go unplaced, never build deep', () => {
  const categories = fuzzCategories();

  it('generates a few thousand inputs', () => {
    const total = categories.reduce((n, c) => n + c.inputs.length, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
  });

  it.each(categories.map((c) => [c.name, c] as const))('%s', (_, category) => {
    let worst = { ms: -1, input: '' };
    for (const input of category.inputs) {
      const problem = check(input, (ms) => {
        if (ms > worst.ms) worst = { ms, input };
      });
      expect(problem, `input ${show(input)}`).toBeUndefined();
    }
    if (TIMES) slowest.push({ category: category.name, ...worst });
    expect(emitWarning).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('refuses exactly the inputs nested deeper than the limit, whatever the construct', () => {
    const inputs = deepInputs();
    expect(new Set(inputs.map((d) => d.depth))).toContain(MAX_NESTING_DEPTH + 1);
    for (const { text, depth, how } of inputs) {
      const refused = parseScenarioText(text).syntaxErrors.some((e) => e.code === 'DEPTH_LIMIT');
      expect(refused, `${how}, ${depth} deep`).toBe(depth > MAX_NESTING_DEPTH);
    }
  });
});
