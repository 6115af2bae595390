import { describe, expect, it, vi } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../../src/io/parse-document.js';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import { formatPath } from '../../../src/model/issue.js';

const VALID = `version: 1
name: prod
regions:
  - name: eu-west
    zones: [a, b, c]
clusters:
  - name: prod
    region: eu-west
    masters: { a: 1, b: 1, c: 1 }
    workers: { a: 2, b: 2, c: 2 }
`;

function problems(text: string): string[] {
  const r = loadScenarioText(text, 'x.yaml');
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col} ${formatPath(e.path)}: ${e.message}`);
}

describe('loading YAML', () => {
  it('loads a valid file', () => {
    expect(loadScenarioText(VALID, 'x.yaml').ok).toBe(true);
  });

  it('points at the value of a bad field', () => {
    expect(problems(VALID.replace('masters: { a: 1,', 'masters: { a: -1,'))).toEqual([
      '9:19 clusters[0].masters.a: expected a whole number ≥ 0',
    ]);
  });

  it('points at the key of an unknown key', () => {
    expect(problems(`${VALID}    wrokers: 3\n`)).toEqual([
      '11:5 clusters[0].wrokers: unknown key "wrokers"; did you mean "workers"?',
    ]);
  });

  it('points at the parent of a missing key', () => {
    expect(problems(VALID.replace('    region: eu-west\n', ''))).toEqual([
      '7:5 clusters[0].region: missing required key "region"',
    ]);
  });

  it('rejects duplicate keys with their position', () => {
    expect(problems(VALID.replace('name: prod\n', 'name: prod\nname: again\n'))).toEqual([
      '3:1 (root): Map keys must be unique',
    ]);
  });

  it('stops at a YAML syntax error: no topology comes through', () => {
    const r = loadScenarioText(`${VALID}description: "unterminated\n`, 'x.yaml');
    expect(r.ok).toBe(false);
  });

  it('refuses a billion-laughs alias bomb quickly and clearly', () => {
    // Each level doubles the expansion: 2^30 nodes if expanded.
    const lines = ['a0: &a0 [x, x]'];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    const r = loadScenarioText(lines.join('\n'), 'bomb.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'aliases expand beyond 100 nodes (an alias bomb?); hasim refuses to expand them',
    ]);
  });

  it('reads JSON too, with positions', () => {
    const json = JSON.stringify({ version: 2 }, null, 2);
    const r = loadScenarioText(json, 'x.json');
    expect(!r.ok && r.errors.find((e) => e.path[0] === 'version')).toMatchObject({
      line: 2,
      col: 14,
      message: 'expected version: 1',
    });
  });
});

describe('hostile YAML (issue 10)', () => {
  const errors = (text: string): string[] => {
    const r = loadScenarioText(text, 'x.yaml');
    return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col} ${e.code}: ${e.message}`);
  };

  it('refuses 1,000 nested { before building the document, at the first one too deep', () => {
    expect(errors('{'.repeat(1000))).toEqual([
      `1:65 yaml.DEPTH_LIMIT: nesting deeper than ${MAX_NESTING_DEPTH} levels (maps, lists and complex keys); hasim refuses it (scenarios nest about 6 deep)`,
    ]);
  });

  it('refuses nesting by indentation and by complex keys the same way', () => {
    const indented = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(errors(indented)).toEqual([expect.stringMatching(/^65:65 yaml.DEPTH_LIMIT: /)]);
    expect(errors(`${'? '.repeat(100)}a`)).toEqual([
      expect.stringMatching(/^1:129 yaml.DEPTH_LIMIT: /),
    ]);
  });

  it('reads 30 nested { (once 6.7 s and 1.5 GB) as positioned errors: a map is no key', () => {
    const r = loadScenarioText('{'.repeat(30), 'x.yaml');
    expect(r.ok).toBe(false);
    const yamlErrors = !r.ok ? r.errors.filter((e) => e.code?.startsWith('yaml.')) : [];
    expect(yamlErrors[0]).toMatchObject({
      line: 1,
      col: 2,
      code: 'yaml.COLLECTION_KEY',
      message: 'a key must be a name or a number, not a map',
    });
    expect(!r.ok && r.errors.every((e) => e.line >= 1 && e.col >= 1)).toBe(true);
  });

  it('makes a key that is a map or a list an error with its position, without a warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const consoleWarn = vi.spyOn(console, 'warn');
    try {
      expect(errors(`${'? '.repeat(30)}a`)).toContain(
        '1:3 yaml.COLLECTION_KEY: a key must be a name or a number, not a map',
      );
      expect(errors(`${VALID}? [a, b]\n: 1\n`)).toEqual([
        '11:3 yaml.COLLECTION_KEY: a key must be a name or a number, not a list',
      ]);
      // VALID has 10 lines: the alias of a map is used as a key on line 12.
      expect(errors(`${VALID}x: &k {a: 1}\n*k : 2\n`)).toEqual([
        '11:1 unrecognized_keys: unknown key "x" (expected one of version, name, description, regions, clusters, failover, failures, backup, timers, events, simulation, objectives, cost)',
        '12:1 yaml.COLLECTION_KEY: a key must be a name or a number, not a map',
      ]);
      expect(warn).not.toHaveBeenCalled();
      expect(consoleWarn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      consoleWarn.mockRestore();
    }
  });
});
