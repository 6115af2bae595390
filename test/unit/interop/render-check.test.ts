import { describe, expect, it } from 'vitest';
import {
  buildCheckResult,
  checkExitCode,
  type CheckResult,
} from '../../../src/interop/check-result.js';
import {
  formatPercent,
  renderCheckGithub,
  renderCheckText,
} from '../../../src/interop/render-check.js';

const PLAIN_STYLE = {
  warning: (t: string) => t,
  ok: (t: string) => t,
  dim: (t: string) => t,
  bold: (t: string) => t,
};

const withStrangeNames: CheckResult = {
  version: 1,
  kind: 'check',
  ok: false,
  strict: false,
  files: [
    {
      file: 'odd,name:1.yaml',
      status: 'invalid',
      errors: [{ line: 2, col: 3, path: 'name', message: '100% wrong\nreally' }],
      warnings: [],
      objectives: [],
    },
  ],
};

describe('renderCheckGithub', () => {
  it('escapes %, newlines, and in properties also : and , as the Actions runner expects', () => {
    // actions/toolkit packages/core/src/command.ts: escapeData (% \r \n) and escapeProperty
    // (the same plus : and ,).
    const first = renderCheckGithub(withStrangeNames).split('\n')[0];
    expect(first).toBe(
      '::error file=odd%2Cname%3A1.yaml,line=2,col=3,title=hasim%3A invalid scenario::name: 100%25 wrong%0Areally',
    );
  });
});

describe('checkExitCode', () => {
  it('is 0 with nothing to check, 2 for an invalid file whatever else failed', () => {
    expect(checkExitCode(buildCheckResult([], false))).toBe(0);
    expect(checkExitCode(withStrangeNames)).toBe(2);
  });
});

describe('formatPercent', () => {
  it.each([
    [99.99210935835139, 99.999, '99.992109 %'],
    [99.96, 99.95, '99.96000 %'],
    [99.5, 90, '99.500 %'],
  ])('writes %f against %f as %s', (value, objective, text) => {
    expect(formatPercent(value, objective)).toBe(text);
  });
});

describe('a file with more issues than the loader lists', () => {
  it('counts the unlisted ones in the summary and in "… and n more"', () => {
    const issue = {
      file: 'x.yaml',
      line: 1,
      col: 1,
      path: ['k'],
      message: 'bad',
      severity: 'error' as const,
    };
    const result = buildCheckResult(
      [
        {
          file: 'x.yaml',
          ok: false,
          errors: Array(50).fill(issue),
          warnings: [],
          errorsOmitted: 1950,
        },
      ],
      false,
    );
    expect(result.files[0]).toMatchObject({ status: 'invalid', errorsOmitted: 1950 });
    const text = renderCheckText(result, PLAIN_STYLE);
    // 50 listed + 1,950 omitted; 3 shown, so 1,997 more.
    expect(text).toContain('x.yaml  invalid: 2000 errors');
    expect(text).toContain('    … and 1997 more (hasim validate x.yaml)');
  });
});
