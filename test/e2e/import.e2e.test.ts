import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../../src/model/schema.js';
import { runBin } from '../helpers/run-cli.js';
import { runBinWithInput } from '../helpers/run-cli-input.js';
import { largeCluster, makeNodeList } from '../helpers/node-list.js';
import { useTempDir } from '../helpers/temp-dir.js';

const NODES = 'test/fixtures/interop/nodes';
const KUBEADM = 'test/fixtures/interop/kubeadm';
const tempDir = useTempDir('import');

describe('hasim import', () => {
  it('imports a three-zone node list into a scenario that validates: masters 1/1/1, workers 2/2/2', async () => {
    const out = join(tempDir(), 'three.yaml');
    const r = await runBin(['import', 'kubectl', `${NODES}/three-zones.json`, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `hasim: wrote ${out}\nhasim: imported 3 masters and 6 workers in 3 zones; 3 assumptions to check (CHECK in the file)\n`,
    );
    expect((await runBin(['validate', out])).code).toBe(0);
    const file = parse(await readFile(out, 'utf8')) as ScenarioFile;
    expect(file.clusters[0]).toMatchObject({
      masters: { 'eu-west-1a': 1, 'eu-west-1b': 1, 'eu-west-1c': 1 },
      workers: { 'eu-west-1a': 2, 'eu-west-1b': 2, 'eu-west-1c': 2 },
      etcd: 'stacked',
    });
  });

  it('writes an external etcd section with a kubeadm config of external etcd', async () => {
    const r = await runBin([
      'import',
      'kubectl',
      `${NODES}/three-zones.json`,
      '--kubeadm',
      `${KUBEADM}/external-etcd-v1beta4.yaml`,
    ]);
    expect(r.code).toBe(0);
    const file = parse(r.stdout) as ScenarioFile;
    expect(file.clusters[0]!.etcd).toEqual({ 'eu-west-1a': 1, 'eu-west-1b': 1, 'eu-west-1c': 1 });
    expect(r.stdout).toContain('# CHECK before you rely on the figures:');
  });

  it('reads the node list from standard input, and a kubeadm-config ConfigMap dump', async () => {
    const nodes = await readFile(`${NODES}/deprecated-labels.json`, 'utf8');
    const r = await runBinWithInput(
      ['import', 'kubectl', '-', '--kubeadm', `${KUBEADM}/kubeadm-config-configmap.yaml`],
      nodes,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Nodes: <stdin>: 6 nodes in 3 zone(s)');
    expect(r.stdout).toContain('not Ready now (counted as part of the design): ip-10-0-2-12');
    expect((await runBinWithInput(['validate', '-'], r.stdout)).code).toBe(0);
  });

  it('imports 1,000 nodes from standard input', async () => {
    const r = await runBinWithInput(
      ['import', 'kubectl', '-'],
      JSON.stringify(makeNodeList(largeCluster(1000))),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('imported 5 masters and 995 workers in 3 zones');
  });

  it.each([
    [`${NODES}/table.txt`, 'looks like the table kubectl prints, not its JSON'],
    [`${NODES}/pod-list.json`, 'items[0].kind: a Pod, not a Node'],
    [`${NODES}/empty.json`, 'items: the list has no nodes'],
    [`${NODES}/missing-labels.json`, 'no node has a zone label'],
    ['no-such.json', 'no-such.json: no such file'],
  ])('refuses %s with one line, exit 2 and nothing written', async (file, message) => {
    const out = join(tempDir(), 'never.yaml');
    const r = await runBin(['import', 'kubectl', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    await expect(stat(out)).rejects.toThrow();
  });

  it('needs a subcommand: its help on stderr, exit 2', async () => {
    const r = await runBin(['import']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kubectl [options] <nodes>');
  });

  it('puts unlabelled nodes in --default-zone, and takes a managed control plane from --masters', async () => {
    const r = await runBin([
      'import',
      'kubectl',
      `${NODES}/missing-labels.json`,
      '--default-zone',
      'dc1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('masters: { dc1: 3 }');
    const managed = await runBinWithInput(
      ['import', 'kubectl', '-', '--masters', 'eu-west-1a=1,eu-west-1b=1,eu-west-1c=1'],
      JSON.stringify(makeNodeList([{ name: 'w1', zone: 'eu-west-1a', region: 'eu-west-1' }])),
    );
    expect(managed.code).toBe(0);
    expect(managed.stdout).toContain('# from --masters');
  });
});
