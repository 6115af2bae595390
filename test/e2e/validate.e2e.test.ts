import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runBin, type CliRun } from '../helpers/run-cli.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

/**
 * Runs `script` with sh (the built binary in $HASIM), for what a shell sets up: a descriptor
 * limit, a redirection. Killed after 30 s, so a hang fails the test instead of stalling it.
 */
function runShell(script: string, args: string[] = []): Promise<CliRun & { killed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      'sh',
      ['-c', script, 'sh', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', HASIM: `${process.execPath} ${BIN}` },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr, killed: error?.killed === true });
      },
    );
  });
}

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

describe('hasim validate on hostile input (issue 10)', () => {
  const tmp = (): Promise<string> => mkdtemp(join(tmpdir(), 'hasim-hostile-'));

  it('refuses 1,000 nested { at once with a position (once 390 s)', async () => {
    const file = join(await tmp(), 'deep.yaml');
    await writeFile(file, '{'.repeat(1000));
    const r = await runBin(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      `${file}:1:65 yaml: nesting deeper than 64 levels (maps, lists and complex keys); hasim refuses it (scenarios nest about 6 deep)`,
    );
  });

  it('reads 30 nested { and 30 "? " as positioned errors, with nothing on stderr (once exit 1)', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'braces.yaml'), '{'.repeat(30));
    await writeFile(join(dir, 'keys.yaml'), `${'? '.repeat(30)}a`);
    const r = await runBin(['validate', join(dir, 'braces.yaml'), join(dir, 'keys.yaml')]);
    expect(r.code).toBe(2);
    // yaml's "Keys with collection values will be stringified" warning no longer leaks.
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      `${dir}/braces.yaml:1:2 yaml: a key must be a name or a number, not a map`,
    );
    expect(r.stdout).toContain(
      `${dir}/keys.yaml:1:3 yaml: a key must be a name or a number, not a map`,
    );
    expect(r.stdout).toContain('2 files checked, 2 invalid');
  });

  it('lists 50 of 20,004 errors and says how many more, in text and JSON', async () => {
    const file = join(await tmp(), 'keys.yaml');
    await writeFile(
      file,
      Array.from({ length: 20_000 }, (_, i) => `k${i + 1}: ${i + 1}`).join('\n'),
    );
    const text = await runBin(['validate', file]);
    expect(text.code).toBe(2);
    // 20,000 unknown keys and 4 missing required ones (version, name, regions, clusters).
    expect(text.stdout).toContain(`hasim: ${file} is not a valid scenario (20004 errors)`);
    expect(text.stdout).toContain('  … and 19,954 more errors (only the first 50 are listed)\n');
    expect(text.stdout.split('\n').filter((l) => l.startsWith(`  ${file}:`))).toHaveLength(50);
    const json = await runBin(['validate', '--json', file]);
    const out = JSON.parse(json.stdout) as {
      files: { errors: unknown[]; errorsOmitted: number }[];
    };
    expect(out.files[0]?.errors).toHaveLength(50);
    expect(out.files[0]?.errorsOmitted).toBe(19_954);
  });

  it('refuses a FIFO instead of blocking forever', async () => {
    const fifo = join(await tmp(), 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = await runShell('exec $HASIM validate "$1"', [fifo]);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `${fifo}: is a FIFO (named pipe), not a scenario file (only regular files are read)`,
    );
  });

  it('refuses /dev/zero and /dev/urandom without reading them, and caps - while reading', async () => {
    const r = await runBin(['validate', '/dev/zero', '/dev/urandom']);
    expect(r.code).toBe(2);
    for (const device of ['/dev/zero', '/dev/urandom'])
      expect(r.stdout).toContain(
        `${device}: is a character device, not a scenario file (only regular files are read)`,
      );
    const piped = await runShell('exec $HASIM validate - < /dev/zero');
    expect(piped.code).toBe(2);
    expect(piped.stdout).toMatch(/<stdin>: is more than \d+ bytes; the limit is 2097152 bytes/);
  });

  it('validates 3,000 files under a 256-descriptor limit, in argument order (once EMFILE)', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 's'));
    const valid = await readFile('scenarios/local-proxy.yaml', 'utf8');
    const files = Array.from({ length: 3000 }, (_, i) => join(dir, 's', `f${i}.yaml`));
    // Every seventh file is invalid, so the order of the report shows.
    await Promise.all(files.map((f, i) => writeFile(f, i % 7 === 3 ? 'version: 2\n' : valid)));
    const r = await runShell('ulimit -n 256 && exec $HASIM validate "$@"', files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('EMFILE');
    expect(r.stdout).toContain(
      `3000 files checked, ${files.filter((_, i) => i % 7 === 3).length} invalid`,
    );
    const named = r.stdout
      .split('\n')
      .map((l) => /^(?:✔ |hasim: )(\S+)/.exec(l)?.[1])
      .filter((f) => f !== undefined);
    expect(named).toEqual(files);
  });
});
