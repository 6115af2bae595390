import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runBin } from '../helpers/run-cli.js';

const INVALID = 'test/fixtures/scenarios/invalid';

describe('hasim validate (built binary)', () => {
  it('accepts every example scenario: exit 0', async () => {
    const files = (await readdir('scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/${f}`);
    expect(files.length).toBeGreaterThanOrEqual(10);
    const r = await runBin(['validate', ...files]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${files.length} files checked, 0 invalid`);
  });

  it('lists an unknown zone, a mistyped key, a negative rate and YAML syntax errors with line:col', async () => {
    const r = await runBin(['validate', `${INVALID}/four-problems.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "hasim: test/fixtures/scenarios/invalid/four-problems.yaml is not a valid scenario (5 errors)
        test/fixtures/scenarios/invalid/four-problems.yaml:10:28 clusters[0].masters.d: zone "d" is not a zone of region eu-west (zones: a, b, c)
        test/fixtures/scenarios/invalid/four-problems.yaml:11:5 clusters[0].mastrs: unknown key "mastrs"; did you mean "masters"?
        test/fixtures/scenarios/invalid/four-problems.yaml:14:20 failures.node.perYear: a rate must be ≥ 0 per year (0 switches the class off)
        test/fixtures/scenarios/invalid/four-problems.yaml:16:1 yaml: Flow map in block collection must be sufficiently indented and end with a }
        test/fixtures/scenarios/invalid/four-problems.yaml:17:1 yaml: Missing closing "quote
      1 file checked, 1 invalid
      "
    `);
  });

  it('lists references to nothing, duplicates and counts that do not add up', async () => {
    const r = await runBin(['validate', `${INVALID}/references.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "hasim: test/fixtures/scenarios/invalid/references.yaml is not a valid scenario (8 errors)
        test/fixtures/scenarios/invalid/references.yaml:9:13 clusters[0].region: region "eu-wst" is not defined (regions: eu-west)
        test/fixtures/scenarios/invalid/references.yaml:12:11 clusters[1].name: duplicate cluster name "prod" (first at index 0)
        test/fixtures/scenarios/invalid/references.yaml:14:14 clusters[1].masters: a cluster needs at least one master
        test/fixtures/scenarios/invalid/references.yaml:15:11 clusters[1].etcd: etcd needs at least one member
        test/fixtures/scenarios/invalid/references.yaml:17:20 clusters[1].workersNeeded: workersNeeded is 3 but only 1 workers are placed
        test/fixtures/scenarios/invalid/references.yaml:19:11 events[0].at: the event at 2y is past the horizon (1y)
        test/fixtures/scenarios/invalid/references.yaml:20:21 events[1].fail: cluster prod has no master in zone d
        test/fixtures/scenarios/invalid/references.yaml:21:42 events[2].operatorError.clusters: cluster "staging" is not defined
      1 file checked, 1 invalid
      "
    `);
  });

  it('rejects a duplicate key', async () => {
    const r = await runBin(['validate', `${INVALID}/duplicate-key.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "hasim: test/fixtures/scenarios/invalid/duplicate-key.yaml is not a valid scenario (1 error, 1 warning)
        test/fixtures/scenarios/invalid/duplicate-key.yaml:11:5 yaml: Map keys must be unique
        test/fixtures/scenarios/invalid/duplicate-key.yaml:9:14 clusters[0].masters: warning: a single master: any master failure takes the control plane down
      1 file checked, 1 invalid
      "
    `);
  });

  it('explains wrong types in a JSON scenario', async () => {
    const r = await runBin(['validate', `${INVALID}/wrong-types.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "hasim: test/fixtures/scenarios/invalid/wrong-types.json is not a valid scenario (7 errors, 1 warning)
        test/fixtures/scenarios/invalid/wrong-types.json:3:11 name: expected a name of lowercase letters, digits, "-" and "." (e.g. eu-west)
        test/fixtures/scenarios/invalid/wrong-types.json:4:45 regions[0].zones: Invalid input: expected array, received string
        test/fixtures/scenarios/invalid/wrong-types.json:9:25 clusters[0].masters.a: expected a whole number ≥ 0
        test/fixtures/scenarios/invalid/wrong-types.json:11:19 clusters[0].endpoint: expected cloud, keepalived, local-proxy, dns or single-master, or { kind, zone }
        test/fixtures/scenarios/invalid/wrong-types.json:14:38 failures.zone.perYear: expected a number of failures per year
        test/fixtures/scenarios/invalid/wrong-types.json:14:69 failures.zone.repair.median: expected a duration such as 30s, 10m, 4h, 2d or 1y
        test/fixtures/scenarios/invalid/wrong-types.json:15:26 objectives.api: an objective is a percentage in (0, 100]
        test/fixtures/scenarios/invalid/wrong-types.json:9:18 clusters[0].masters: warning: all etcd members in one zone: a zone outage loses quorum
      1 file checked, 1 invalid
      "
    `);
  });

  it('explains a document that is not a mapping', async () => {
    const r = await runBin(['validate', `${INVALID}/not-a-mapping.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "hasim: test/fixtures/scenarios/invalid/not-a-mapping.yaml is not a valid scenario (1 error)
        test/fixtures/scenarios/invalid/not-a-mapping.yaml:1:1 (root): a scenario is a mapping with version, name, regions and clusters
      1 file checked, 1 invalid
      "
    `);
  });

  it('reports every file, valid or not, and exits 2 if any is invalid', async () => {
    const r = await runBin([
      'validate',
      'scenarios/local-proxy.yaml',
      `${INVALID}/duplicate-key.yaml`,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✔ scenarios/local-proxy.yaml');
    expect(r.stdout).toContain('2 files checked, 1 invalid');
  });

  it('passes warnings with exit 0, and fails them with --strict', async () => {
    expect((await runBin(['validate', 'scenarios/two-zone-etcd.yaml'])).code).toBe(0);
    const strict = await runBin(['validate', '--strict', 'scenarios/two-zone-etcd.yaml']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain('warning: etcd spread over exactly two zones');
  });

  it('prints JSON for scripts with --json', async () => {
    const r = await runBin([
      'validate',
      '--json',
      `${INVALID}/duplicate-key.yaml`,
      'scenarios/local-proxy.yaml',
    ]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as {
      valid: boolean;
      files: { file: string; valid: boolean; errors: unknown[] }[];
    };
    expect(json.valid).toBe(false);
    expect(json.files.map((f) => [f.file, f.valid])).toEqual([
      [`${INVALID}/duplicate-key.yaml`, false],
      ['scenarios/local-proxy.yaml', true],
    ]);
    expect(json.files[0]?.errors).toEqual([
      {
        line: 11,
        col: 5,
        path: '(root)',
        message: 'Map keys must be unique',
        code: 'yaml.DUPLICATE_KEY',
      },
    ]);
  });

  it('rejects a 1 MB alias bomb with a clear message', async () => {
    // Arrange: a billion-laughs document padded with aliases to 1 MB.
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array<string>(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    for (let i = 0; lines.join('\n').length < 1024 * 1024; i++)
      lines.push(`p${i}: [${Array<string>(200).fill('*a9').join(', ')}]`);
    const dir = await mkdtemp(join(tmpdir(), 'hasim-bomb-'));
    const file = join(dir, 'bomb.yaml');
    await writeFile(file, lines.join('\n'));
    // Act
    const r = await runBin(['validate', file]);
    // Assert (its speed is measured by npm run bench, not here)
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /bomb\.yaml:2:10 yaml: \d+ aliases \(more than 1000; an alias bomb\?\); hasim refuses to expand them/,
    );
  });

  it('prints a JSON Schema that validates every example scenario', async () => {
    const r = await runBin(['schema']);
    expect(r.code).toBe(0);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(r.stdout) as object);
    for (const f of (await readdir('scenarios')).filter((x) => x.endsWith('.yaml'))) {
      const { readFile } = await import('node:fs/promises');
      expect([f, validate(parse(await readFile(`scenarios/${f}`, 'utf8')))]).toEqual([f, true]);
    }
  });
});
