import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/interop/check-result.js';
import { ROOT, runBin } from '../helpers/run-cli.js';
import { runBinWithInput } from '../helpers/run-cli-input.js';

const EXAMPLES = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);
const MISSED = 'test/fixtures/interop/check/api-objective-missed.yaml';
const INVALID = 'test/fixtures/scenarios/invalid/four-problems.yaml';

describe('hasim check', () => {
  it('agrees with hasim analyze on every example: exit 0 when all meet their objectives, else 3', async () => {
    // The acceptance is exit 0 on scenarios/*.yaml; the examples' objectives are the model's
    // business (issue 8), so the test pins check to analyze's verdict on each file.
    const analyzed = await Promise.all(EXAMPLES.map((f) => runBin(['analyze', f, '--json'])));
    const missed = EXAMPLES.filter((_, i) => analyzed[i]!.code === 3);
    const r = await runBin(['check', ...EXAMPLES]);
    expect(r.code).toBe(missed.length === 0 ? 0 : 3);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter((l) => /^[✔✖-] /.test(l));
    expect(lines).toHaveLength(EXAMPLES.length);
    expect(lines.filter((l) => l.startsWith('✖')).map((l) => l.split(/\s+/)[1])).toEqual(missed);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(
        `^${EXAMPLES.length} scenarios checked: \\d+ met, ${missed.length} missed, 0 invalid`,
      ),
    );
  });

  it('exits 3 when an objective is missed, naming the place of the objective', async () => {
    const r = await runBin(['check', 'scenarios/three-zones-stacked.yaml', MISSED]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      new RegExp(
        `${MISSED}:16:36 objectives\\.api: cluster prod api: 99\\.\\d+ % is below the objective 99\\.999 %`,
      ),
    );
    expect(r.stdout).toContain('2 scenarios checked: 1 met, 1 missed, 0 invalid');
  });

  it('exits 2 when a file is invalid, even if another misses an objective', async () => {
    const r = await runBin(['check', MISSED, INVALID, 'no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no-such-file.yaml: no such file');
    expect(r.stdout).toContain(
      '… and 2 more (hasim validate test/fixtures/scenarios/invalid/four-problems.yaml)',
    );
  });

  it('prints GitHub workflow commands with the file, line and column, escaped', async () => {
    const r = await runBin(['check', '--format', 'github', MISSED, INVALID]);
    expect(r.code).toBe(2);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(7); // 5 errors, 1 warning (one zone), 1 missed objective
    expect(commands).toContain(
      '::error file=test/fixtures/scenarios/invalid/four-problems.yaml,line=11,col=5,title=hasim%3A invalid scenario::clusters[0].mastrs: unknown key "mastrs"; did you mean "masters"?',
    );
    expect(commands.find((c) => c.includes('objective missed'))).toMatch(
      /^::error file=test\/fixtures\/interop\/check\/api-objective-missed\.yaml,line=16,col=36,title=hasim%3A objective missed::cluster prod api: 99\.\d+ %25 is below the objective 99\.999 %25$/,
    );
  });

  it('turns warnings into errors with --strict', async () => {
    const r = await runBin(['check', '--strict', 'scenarios/single-master.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('invalid: 0 errors (2 warnings)');
  });

  it('reads - from standard input and prints JSON for scripts', async () => {
    const init = await runBin(['init']);
    const r = await runBinWithInput(['check', '--json', '-'], init.stdout);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckResult;
    expect(json).toMatchObject({ version: 1, kind: 'check', ok: true });
    expect(json.files[0]).toMatchObject({ file: '<stdin>', status: 'met' });
    expect(json.files[0]!.objectives.map((o) => o.metric)).toEqual(['api', 'workloads']);
  });
});
