import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { MAX_NESTING_DEPTH } from '../../../src/io/parse-document.js';
import { prescanYaml } from '../../../src/io/prescan-yaml.js';

/** Nesting of a plain value, computed independently of the lexer: maps and lists count 1. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

/** Nested maps and lists of small scalars, up to `maxDepth` deep. */
const nested = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.constantFrom('a', 'x y', '', 'k: v', '- z')),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'key'), tie('node'), { maxKeys: 3 }),
  ),
})).node;

describe('prescanYaml', () => {
  it('measures the example scenarios exactly as deep as their values', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const text = readFileSync(`scenarios/${f}`, 'utf8');
      expect([f, prescanYaml(text, MAX_NESTING_DEPTH).depth]).toEqual([f, depthOf(parse(text))]);
    }
  });

  it.each([
    ['a:\n- b:\n  - c:\n    - d', 6],
    ['- - - a', 3],
    ['? a\n: b', 1],
    ['a: {b: [1, {c: 2}]}', 4],
    ['a:\n  b:\n    c: 1\n  d: 2\ne: 3', 3],
    ['a: |\n  x\n    y\n      z\nb:\n  c: 1', 2],
    ['{"a": {"b": [1,\n 2]}}', 3],
    ['a:\n  - x\n  - y\nb: 1', 2],
    ['--- \na:\n  b: 1\n---\nc: 1', 2],
  ])('measures %j as %i deep', (text, depth) => {
    expect(prescanYaml(text, MAX_NESTING_DEPTH).depth).toBe(depth);
    const docs = parseAllDocuments(text);
    expect(Math.max(...(Array.isArray(docs) ? docs : [docs]).map((d) => depthOf(d.toJS())))).toBe(
      depth,
    );
  });

  it('never measures less than the real depth, in block or flow style (generated documents)', () => {
    fc.assert(
      fc.property(nested, fc.boolean(), (value, flow) => {
        const text = flow ? JSON.stringify(value) : stringify(value);
        expect(prescanYaml(text, MAX_NESTING_DEPTH).depth).toBeGreaterThanOrEqual(depthOf(value));
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the first token past the limit and says where', () => {
    expect(prescanYaml('{'.repeat(1000), 64).tooDeep).toEqual({ offset: 64, depth: 65 });
    expect(prescanYaml('[ '.repeat(65), 64).tooDeep).toEqual({ offset: 128, depth: 65 });
    expect(prescanYaml(`${'? '.repeat(70)}a`, 64).tooDeep).toEqual({ offset: 128, depth: 65 });
    expect(prescanYaml(`${'- '.repeat(70)}a`, 64).tooDeep).toEqual({ offset: 128, depth: 65 });
    const indented = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const offset = indented.indexOf(`\n${' '.repeat(64)}k`) + 65; // the 65th key, at column 64
    expect(prescanYaml(indented, 64).tooDeep).toEqual({ offset, depth: 65 });
    expect(prescanYaml('{'.repeat(64), 64).tooDeep).toBeUndefined();
  });

  it('counts aliases and finds the first one', () => {
    expect(prescanYaml('a: &x 1\nb: *x\nc: [*x, *x]', 64)).toEqual({
      aliasCount: 3,
      firstAliasOffset: 11,
      depth: 2,
    });
  });
});
