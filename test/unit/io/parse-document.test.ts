import { describe, expect, it } from 'vitest';
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
