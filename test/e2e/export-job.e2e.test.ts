import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_MAP_SCHEMA, JOB_SCHEMA, PVC_SCHEMA } from '../schemas/kubernetes.js';
import { ROOT, runBin } from '../helpers/run-cli.js';
import { validateManifests } from '../helpers/validate-manifests.js';
import { useTempDir } from '../helpers/temp-dir.js';

const SCENARIO = 'scenarios/three-zones-stacked.yaml';
const SCHEMAS = {
  Job: JOB_SCHEMA,
  ConfigMap: CONFIG_MAP_SCHEMA,
  PersistentVolumeClaim: PVC_SCHEMA,
};
const tempDir = useTempDir('job');

interface PodSpec {
  containers: { args: string[] }[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read loosely here
type Doc = Record<string, any>;

function podArgs(job: Doc): string[] {
  return (job['spec'].template.spec as PodSpec).containers[0]!.args;
}

/** The args as the kubelet would run them in pod `index`, with the volumes mapped to `tempDir()`. */
function asInPod(args: string[], index: number | null, scenario: string): string[] {
  return args.map((a) =>
    a
      .replace('/scenario/scenario.yaml', scenario)
      .replace(/^\/parts\//, `${tempDir()}/`)
      .replace('$(JOB_COMPLETION_INDEX)', String(index)),
  );
}

describe('hasim export job', () => {
  it('prints a ConfigMap, a volume and an Indexed Job, valid against the API schema', async () => {
    const r = await runBin(['export', 'job', SCENARIO, '--shards', '4', '--trials', '40000']);
    expect(r.code).toBe(0);
    const { documents, checks } = validateManifests(r.stdout, SCHEMAS);
    expect(checks).toEqual([
      { kind: 'ConfigMap', errors: [] },
      { kind: 'PersistentVolumeClaim', errors: [] },
      { kind: 'Job', errors: [] },
    ]);
    const job = documents[2] as Doc;
    expect(job['spec']).toMatchObject({
      completionMode: 'Indexed',
      completions: 4,
      parallelism: 4,
    });
    expect(podArgs(job)).toEqual([
      'simulate',
      '/scenario/scenario.yaml',
      '--shard',
      'auto/4',
      '--trials',
      '40000',
      '--workers',
      '1',
      '--out',
      '/parts/part-$(JOB_COMPLETION_INDEX).json',
    ]);
    // The pods read the scenario exactly as written.
    expect((documents[0] as Doc)['data']['scenario.yaml']).toBe(
      readFileSync(join(ROOT, SCENARIO), 'utf8'),
    );
  });

  it('runs as the Job would: N shards with JOB_COMPLETION_INDEX, merged, equal one run byte for byte', async () => {
    // Small trial counts keep this fast; the protocol is the same at 40,000.
    const trials = '600';
    const shards = 4;
    const exported = await runBin([
      'export',
      'job',
      SCENARIO,
      '--shards',
      String(shards),
      '--trials',
      trials,
    ]);
    const merge = await runBin([
      'export',
      'job',
      SCENARIO,
      '--shards',
      String(shards),
      '--trials',
      trials,
      '--merge',
    ]);
    const { documents } = validateManifests(exported.stdout, SCHEMAS);
    const { documents: mergeDocs, checks } = validateManifests(merge.stdout, SCHEMAS);
    expect(checks).toEqual([{ kind: 'Job', errors: [] }]);
    const scenario = join(tempDir(), 'scenario.yaml');
    await writeFile(scenario, (documents[0] as Doc)['data']['scenario.yaml'] as string);
    for (let i = 0; i < shards; i++) {
      const pod = await runBin(asInPod(podArgs(documents[2] as Doc), i, scenario), {
        JOB_COMPLETION_INDEX: String(i),
      });
      expect(pod.code).toBe(0);
    }
    const merged = await runBin(asInPod(podArgs(mergeDocs[0] as Doc), null, scenario));
    const one = await runBin(['simulate', SCENARIO, '--trials', trials, '--json']);
    expect(one.code).toBe(0);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    expect(readFileSync(join(tempDir(), 'result.json'), 'utf8')).toBe(one.stdout);
  });

  it.each([
    [
      {},
      'takes the shard index from JOB_COMPLETION_INDEX (set in the pods of a Kubernetes Indexed Job), which is not set',
    ],
    [{ JOB_COMPLETION_INDEX: '4' }, 'JOB_COMPLETION_INDEX="4" is not a shard index from 0 to 3'],
    [
      { JOB_COMPLETION_INDEX: 'one' },
      'JOB_COMPLETION_INDEX="one" is not a shard index from 0 to 3',
    ],
  ])('simulate --shard auto/4 with %j says what is wrong, exit 2', async (env, message) => {
    const r = await runBin(
      ['simulate', SCENARIO, '--shard', 'auto/4', '--out', join(tempDir(), 'x.json')],
      {
        JOB_COMPLETION_INDEX: '',
        ...env,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it.each([
    [['--shards', '0'], 'expected a whole number from 1 to 10000'],
    [['--shards', '8', '--trials', '4'], '--trials 4 is fewer than --shards 8'],
    [[], "required option '--shards <N>' not specified"],
  ])('refuses %j with exit 2', async (flags, message) => {
    const r = await runBin(['export', 'job', SCENARIO, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('the Dockerfile', () => {
  it('builds on node:20-slim and runs the CLI that package.json names', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: { hasim: string };
    };
    expect(dockerfile.match(/^FROM node:20-slim/gm)).toHaveLength(2);
    expect(dockerfile).toContain(`ENTRYPOINT ["node", "/app/${pkg.bin.hasim}"]`);
    // Everything it copies exists.
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const f of m[1]!.split(' '))
        expect(() => readFileSync(join(ROOT, f))).not.toThrow(/ENOENT/);
    }
  });
});
