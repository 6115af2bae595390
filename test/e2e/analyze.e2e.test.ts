import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = async (
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      'dist/cli/bin.js',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

const fixture = (name: string): string => `test/fixtures/exact/${name}.yaml`;

interface AnalysisJson {
  version: number;
  scenario: string;
  clusters: Record<
    string,
    Record<string, { availability: number; downtimeMinutesPerYear: number }>
  >;
  regions: Record<string, Record<string, { availability: number }>>;
  objectivesMet: boolean;
  missedObjectives: { name: string; metric: string }[];
}

describe('hasim analyze', () => {
  it('gives 3a² − 2a³ for 3 external members with MTTF 1 y and repair 4 h', async () => {
    const { code, stdout } = await run('analyze', fixture('three-external-members'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as AnalysisJson;
    const a = 8760 / 8764;
    const expected = 3 * a ** 2 - 2 * a ** 3;
    const quorum = json.clusters['prod']!['etcdQuorum']!;
    expect(json.version).toBe(1);
    expect(json.scenario).toBe('three-external-members');
    expect(Math.abs(quorum.availability - expected) / expected).toBeLessThanOrEqual(1e-12);
    expect(quorum.downtimeMinutesPerYear).toBeCloseTo((1 - expected) * 525_600, 6);
    expect(json.regions['eu-west']!['served']!.availability).toBeGreaterThan(0);
  });

  it('gives the 2-member zone’s availability for 2+1 members over two zones', async () => {
    const { stdout } = await run('analyze', fixture('members-two-plus-one'), '--json');
    const z = 8760 / 0.5 / (8760 / 0.5 + 6);
    const json = JSON.parse(stdout) as AnalysisJson;
    expect(Math.abs(json.clusters['prod']!['etcdQuorum']!.availability - z)).toBeLessThan(1e-15);
  });

  it('gives 3z² − 2z³ for 1+1+1 members over three zones', async () => {
    const { stdout } = await run('analyze', fixture('members-one-per-zone'), '--json');
    const z = 8760 / 0.5 / (8760 / 0.5 + 6);
    const json = JSON.parse(stdout) as AnalysisJson;
    const quorum = json.clusters['prod']!['etcdQuorum']!.availability;
    expect(Math.abs(quorum - (3 * z ** 2 - 2 * z ** 3))).toBeLessThan(1e-15);
  });

  it('prints a table per cluster and region', async () => {
    const { code, stdout } = await run('analyze', fixture('three-external-members'));
    expect(code).toBe(0);
    expect(stdout).toContain('cluster prod');
    expect(stdout).toContain('region eu-west');
    expect(stdout).toMatch(/etcdQuorum\s+│\s+99\.99993\d* %/);
  });

  it('exits 3 and names the objective that is not met', async () => {
    const { code, stdout } = await run('analyze', fixture('objective-missed'), '--json');
    expect(code).toBe(3);
    const json = JSON.parse(stdout) as AnalysisJson;
    expect(json.objectivesMet).toBe(false);
    expect(json.missedObjectives).toEqual([
      expect.objectContaining({ name: 'prod', metric: 'api' }),
    ]);
    const text = await run('analyze', fixture('objective-missed'));
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('objectives not met');
    expect(text.stdout).toContain('clusters.prod.api');
  });

  it('analyzes 7 zones with partitions, saying that states below 1e-15 were left out', async () => {
    const { code, stdout } = await run('analyze', fixture('seven-zones-partitions'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as AnalysisJson & {
      truncatedProbability: number;
      warnings: string[];
    };
    expect(json.truncatedProbability).toBeGreaterThan(0);
    expect(json.truncatedProbability).toBeLessThan(1e-12);
    expect(json.warnings).toContainEqual(
      expect.stringContaining('region metro: more than 6 zones'),
    );
    expect(json.clusters['prod']!['etcdQuorum']!.availability).toBeGreaterThan(0.999);
  });

  it('exits 2 on an invalid scenario', async () => {
    const { code, stderr } = await run('analyze', 'test/fixtures/exact/missing.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});
