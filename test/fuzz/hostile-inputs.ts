/**
 * The fuzz suite's inputs, generated from fixed seeds: random bytes, YAML token soup, random
 * YAML and JSON documents, deep nesting, huge key counts and mutations of the example scenarios.
 * Each category is a list of texts, the same on every run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';

export interface FuzzCategory {
  name: string;
  inputs: string[];
}

/** Nesting depth of a constructed deep input, known by construction (see `deep`). */
export interface DeepInput {
  text: string;
  depth: number;
  how: string;
}

/** Fixed, as every property test's (vitest.setup.ts); HASIM_TEST_SEED explores others. */
const SEED = Number(process.env['HASIM_TEST_SEED'] ?? 20261202);

export function fuzzCategories(): FuzzCategory[] {
  return [
    { name: 'random bytes', inputs: sample(randomBytes, 800, 1) },
    { name: 'YAML token soup', inputs: sample(tokenSoup, 1200, 2) },
    { name: 'random YAML and JSON documents', inputs: sample(randomDocument, 800, 3) },
    { name: 'deep nesting', inputs: deepInputs().map((d) => d.text) },
    { name: 'huge key counts', inputs: hugeKeyCounts() },
    { name: 'mutated example scenarios', inputs: sample(mutatedExample(), 800, 4) },
  ];
}

/** Inputs nested exactly `depth` deep, 1 to 150, in every way YAML nests. */
export function deepInputs(): DeepInput[] {
  const out: DeepInput[] = [];
  for (let depth = 1; depth <= 150; depth += depth < 56 ? 11 : depth < 72 ? 1 : 13) {
    const nest = (leaf: unknown, list: (i: number) => boolean): unknown => {
      let v = leaf;
      for (let i = 0; i < depth; i++) v = list(i) ? [v] : { k: v };
      return v;
    };
    out.push(
      { how: 'flow maps', depth, text: `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}` },
      { how: 'flow lists', depth, text: `${'['.repeat(depth)}${']'.repeat(depth)}` },
      { how: 'compact lists', depth, text: `${'- '.repeat(depth)}a` },
      { how: 'complex keys', depth, text: `${'? '.repeat(depth)}a` },
      {
        how: 'indented maps',
        depth,
        text: Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1',
      },
      { how: 'block, mixed', depth, text: stringify(nest(1, (i) => i % 3 === 0)) },
      { how: 'JSON, mixed', depth, text: JSON.stringify(nest(1, (i) => i % 2 === 0)) },
      { how: 'unclosed {', depth, text: '{'.repeat(depth) },
    );
  }
  return out;
}

// --- internal ---

function sample(arb: fc.Arbitrary<string>, numRuns: number, salt: number): string[] {
  return fc.sample(arb, { seed: SEED + salt, numRuns });
}

const randomBytes = fc
  .uint8Array({ maxLength: 600 })
  .map((bytes) => Buffer.from(bytes).toString('utf8'));

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '*b',
  '&b ',
  '!!str ',
  '!!map ',
  '!x ',
  '|',
  '>-',
  '"',
  "'",
  '#',
  '\n',
  '\n  ',
  '\n    ',
  '\r\n',
  '\t',
  ' ',
  'a',
  'version',
  'clusters',
  'regions',
  '1',
  '-1',
  '1e400',
  '.nan',
  '.inf',
  '~',
  'null',
  '<<: ',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '\uFEFF',
  '\\',
  '\u0000',
  'é',
  '😀',
];

const tokenSoup = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 120 })
  .map((tokens) => tokens.join(''));

const randomDocument = fc
  .tuple(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom('yaml', 'json', 'json-pretty'))
  .map(([value, format]) =>
    format === 'yaml'
      ? stringify(value)
      : format === 'json'
        ? JSON.stringify(value)
        : JSON.stringify(value, null, 2),
  );

function hugeKeyCounts(): string[] {
  // 20,000 `kN: N` lines took 7.6 s before positions were indexed (issue 10).
  const out: string[] = [Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n')];
  for (const n of [1_000, 3_000]) {
    const keys = Array.from({ length: n }, (_, i) => `k${i}`);
    out.push(keys.map((k, i) => `${k}: ${i}`).join('\n'));
    out.push(`{${keys.map((k) => `"${k}": 1`).join(', ')}}`);
    out.push(
      `clusters:\n${keys.map((k) => `  - { name: ${k}, region: r, masters: { a: 1 } }`).join('\n')}`,
    );
    out.push(keys.map(() => 'dup: 1').join('\n'));
  }
  return out;
}

const SNIPPETS = [
  '{',
  '[',
  '? ',
  '- ',
  ': ',
  '&a ',
  '*a',
  '*zz',
  '<<: *a\n',
  '\t',
  '\n',
  '"',
  "'",
  '#',
  '|\n',
  '---\n',
  '\uFEFF',
  '\r\n',
  '1e400',
  '-1',
  '0',
  '.nan',
  'null',
  '~',
  '1e-300',
  '99999999999',
  '!!binary ',
  'é',
  '  ',
  '{{{{{{{{',
  '[[[[[[[[',
  'zones: [a, b, c]\n',
  'masters: { a: 1 }\n',
];

function mutatedExample(): fc.Arbitrary<string> {
  const examples = readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(`scenarios/${f}`, 'utf8'));
  const mutation = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'duplicate-line', 'number', 'indent'),
    snippet: fc.constantFrom(...SNIPPETS),
    length: fc.integer({ min: 1, max: 40 }),
    number: fc.oneof(fc.double(), fc.integer({ min: -1e9, max: 1e9 })),
  });
  return fc
    .tuple(
      fc.integer({ min: 0, max: examples.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 5 }),
    )
    .map(([index, mutations]) => {
      let text = examples[index] ?? '';
      for (const m of mutations) {
        const at = Math.floor(m.at * text.length);
        switch (m.kind) {
          case 'insert':
            text = text.slice(0, at) + m.snippet + text.slice(at);
            break;
          case 'delete':
            text = text.slice(0, at) + text.slice(at + m.length);
            break;
          case 'duplicate-line': {
            const start = text.lastIndexOf('\n', at) + 1;
            const end = text.indexOf('\n', at);
            const line = text.slice(start, end < 0 ? text.length : end + 1);
            text = text.slice(0, start) + line + text.slice(start);
            break;
          }
          case 'number': {
            const match = /\d+(\.\d+)?/.exec(text.slice(at));
            if (match) {
              const s = at + match.index;
              text = text.slice(0, s) + String(m.number) + text.slice(s + match[0].length);
            }
            break;
          }
          case 'indent': {
            const start = text.lastIndexOf('\n', at) + 1;
            text = text.slice(0, start) + ' '.repeat(m.length % 7) + text.slice(start);
            break;
          }
        }
      }
      return text;
    });
}
