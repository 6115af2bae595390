/**
 * `hasim quorum` and `hasim plan` through the built binary (`npm test` builds first):
 * exit codes, JSON on stdout, one-line errors on stderr.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/cli/bin.js', ...args],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function runJson(args: string[]): Promise<Record<string, unknown>> {
  const run = await runCli([...args, '--json']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('hasim quorum', () => {
  it('reports quorum 3, tolerance 2 and zone tolerance 1 for 5 members over 2,2,1', async () => {
    const json = await runJson(['quorum', '--members', '5', '--zones', '2,2,1']);
    expect(json).toMatchObject({ members: 5, quorum: 3, tolerance: 2, zoneTolerance: 1 });
    expect(json['warnings']).toEqual([]);
  });

  it('names the 3-member zone of 3,2 as the zone whose loss breaks quorum', async () => {
    const json = await runJson(['quorum', '--zones', '3,2']);
    expect(json).toMatchObject({ members: 5, zoneTolerance: 0, criticalZoneSets: [['z1']] });
  });

  it('prints a table of alternatives for people', async () => {
    const run = await runCli(['quorum', '--members', '4', '--zones', '2,2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Alternatives');
    expect(run.stdout).toMatch(/4 members tolerate no more failures than 3/);
  });
});

describe('hasim plan', () => {
  it('plans 8, 5 and 4 clusters for 4 regions tolerating 1, etcd surviving a zone loss', async () => {
    const json = await runJson(['plan', '--regions', '4', '--tolerate', '1']);
    expect(json['clusters']).toEqual({
      local: 8,
      failoverWithCapacity: 5,
      failoverAvailabilityOnly: 4,
    });
    expect(json).toMatchObject({ layout: { controlPlane: { etcd: { zoneTolerance: 1 } } } });
  });

  it('prints the modes and the layout for people', async () => {
    const run = await runCli([
      'plan',
      '--regions',
      '2',
      '--tolerate',
      '1',
      '--zones-per-region',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('failover with capacity');
    expect(run.stdout).toMatch(/third zone/);
  });
});

describe('bad flags', () => {
  it.each([
    { args: ['plan', '--regions', '0', '--tolerate', '1'], flag: '--regions' },
    { args: ['plan', '--regions', '4', '--tolerate', '-1'], flag: '--tolerate' },
    { args: ['plan', '--regions', '4', '--tolerate=-1'], flag: '--tolerate' },
    {
      args: [
        'plan',
        '--regions',
        '2',
        '--tolerate',
        '1',
        '--zones-per-region',
        '2',
        '--zone-losses',
        '2',
      ],
      flag: '--zone-losses',
    },
    { args: ['quorum', '--zones', '2,x'], flag: '--zones' },
    { args: ['quorum', '--members', '4', '--zones', '3,2'], flag: '--zones' },
    { args: ['quorum'], flag: '--members' },
  ])('exits 2 with a one-line error for $args', async ({ args, flag }) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    // Exactly one line (never a stack trace), naming the flag.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hasim: /);
    expect(lines[0]).toContain(flag);
  });
});
