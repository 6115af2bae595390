import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-cli.js';

const TWO_ZONE = 'scenarios/two-zone-etcd.yaml';
const THREE_ZONES = 'scenarios/three-zones-stacked.yaml';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hasim-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hasim report', () => {
  it('writes one self-contained HTML file that names the zone whose loss breaks quorum', async () => {
    const out = join(dir, 'reports', 'two-zone-etcd.html');
    const r = await runBin(['report', TWO_ZONE, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // The scenario's placement warning comes first, then the one line about the file.
    expect(r.stderr).toMatch(/\nhasim: wrote .*two-zone-etcd\.html\n$/);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('Losing zone eu-central/a breaks etcd quorum of cluster prod');
    expect(html.match(/<svg /g)).toHaveLength(2);
  });

  it('gives the same bytes twice, whatever the number of workers', async () => {
    const args = ['report', THREE_ZONES, '--format', 'md', '--trials', '600'];
    const one = await runBin([...args, '--workers', '1']);
    const two = await runBin([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('renders a saved simulate result without recomputing it', async () => {
    const run = join(dir, 'run.json');
    const sim = await runBin([
      'simulate',
      THREE_ZONES,
      '--trials',
      '300',
      '--seed',
      '5',
      '--out',
      run,
    ]);
    expect(sim.code).toBe(0);
    const r = await runBin(['report', run, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Monte Carlo, 300 trials of 1 year, seed 5');
    expect(r.stdout).toContain('pass the scenario too');
    const withScenario = await runBin(['report', run, '--scenario', THREE_ZONES, '--format', 'md']);
    expect(withScenario.stdout).toContain('```mermaid');
    expect(withScenario.stdout).toContain('exact steady state (hasim analyze)');
  });

  it('renders a report saved as JSON again, as Markdown, identically', async () => {
    const json = join(dir, 'report.json');
    const md = await runBin(['report', TWO_ZONE, '--format', 'md', '--trials', '200']);
    expect((await runBin(['report', TWO_ZONE, '--trials', '200', '--out', json])).code).toBe(0);
    const again = await runBin(['report', json, '--format', 'md']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(md.stdout);
  });

  it.each([
    {
      name: 'a result with a wrong field',
      file: 'bad.json',
      content: JSON.stringify({ version: 1, kind: 'simulation', scenario: 'x' }),
      stderr:
        /^hasim: .*bad\.json is not a valid simulate result \(\d+ problems\)\n {2}.*bad\.json seed: /,
    },
    {
      name: 'a file that is not JSON',
      file: 'broken.json',
      content: '{ "kind": ',
      stderr: /^hasim: .*broken\.json: is not valid JSON \(/,
    },
  ])('refuses $name with one line per problem (exit 2)', async ({ file, content, stderr }) => {
    const path = join(dir, file);
    await writeFile(path, content);
    const r = await runBin(['report', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toContain('    at ');
  });

  it('refuses to write over a directory, and a file name that implies no format', async () => {
    const target = join(dir, 'a-directory.html');
    await mkdir(target, { recursive: true });
    const overDir = await runBin(['report', TWO_ZONE, '--no-simulate', '--out', target]);
    expect(overDir.code).toBe(2);
    expect(overDir.stderr).toContain('is a directory, not a regular file; not replacing it');
    const pdf = await runBin(['report', TWO_ZONE, '--out', join(dir, 'x.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('give --format text, md, html or json');
  });

  it('refuses --trials for a saved result', async () => {
    const run = join(dir, 'small-run.json');
    await runBin(['simulate', TWO_ZONE, '--trials', '20', '--out', run]);
    const r = await runBin(['report', run, '--trials', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--trials is for a scenario');
  });
});

describe('hasim compare', () => {
  it('shows the downtime difference of the two-zone and three-zone designs and its cause', async () => {
    // Arrange: each design's api downtime from hasim analyze, independently of compare.
    const down = async (file: string): Promise<number> => {
      const r = await runBin(['analyze', file, '--json']);
      const json = JSON.parse(r.stdout) as {
        clusters: Record<string, Record<string, { downtimeMinutesPerYear: number }>>;
      };
      return json.clusters['prod']!['api']!.downtimeMinutesPerYear;
    };
    const delta = (await down(THREE_ZONES)) - (await down(TWO_ZONE));
    // Act
    const text = await runBin(['compare', TWO_ZONE, THREE_ZONES]);
    const json = await runBin(['compare', TWO_ZONE, THREE_ZONES, '--json']);
    // Assert
    expect(text.code).toBe(0);
    const api = (
      JSON.parse(json.stdout) as { metrics: { metric: string; deltaMinutesPerYear: number }[] }
    ).metrics.find((m) => m.metric === 'api');
    expect(api?.deltaMinutesPerYear).toBeCloseTo(delta, 9);
    expect(delta).toBeLessThan(0);
    // The text wraps at 100 columns: read its sentences with the line breaks taken out.
    const sentences = text.stdout.replace(/\n\s+/g, ' ');
    expect(sentences).toMatch(
      /prod api, scheduling: B is down [\d.]+ min\/yr less \(A [\d.]+, B [\d.]+ min\/yr\); most of the difference is zone outage \(A [\d.]+, B [\d.]+ min\/yr\): zone eu-central\/a is a single point of failure in A only\./,
    );
  });

  it('gives the same as JSON and as Markdown', async () => {
    const json = await runBin(['compare', TWO_ZONE, THREE_ZONES, '--json']);
    const c = JSON.parse(json.stdout) as { kind: string; summary: string[] };
    expect(c.kind).toBe('hasim-comparison');
    const md = await runBin(['compare', TWO_ZONE, THREE_ZONES, '--format', 'md']);
    expect(md.stdout).toContain('| A | B | metric | A availability |');
    expect(md.stdout).toContain(c.summary[0]?.slice(0, 40));
  });
});
