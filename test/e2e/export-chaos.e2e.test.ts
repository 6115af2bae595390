import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/io/read-scenario.js';
import { simulateTimeline } from '../../src/sim/engine/timeline.js';
import { CHAOS_MESH_SCHEMAS, workflowProblems } from '../schemas/chaos-mesh.js';
import { CHAOS_ENGINE_SCHEMA } from '../schemas/litmus.js';
import { ROOT, runBin } from '../helpers/run-cli.js';
import { validateManifests } from '../helpers/validate-manifests.js';

const UPGRADE = 'scenarios/zone-outage-during-upgrade.yaml';
const NODE_EVENTS = 'test/fixtures/interop/export/node-events.yaml';
const ZONE = 'topology.kubernetes.io/zone';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read loosely here
type Doc = Record<string, any>;

async function exportDocs(args: string[], schemas: Record<string, object>): Promise<Doc[]> {
  const r = await runBin(['export', ...args]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const { documents, checks } = validateManifests(r.stdout, schemas);
  expect(checks.flatMap((c) => c.errors)).toEqual([]);
  return documents;
}

function topologyOf(file: string) {
  const r = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!r.ok) throw new Error('invalid');
  return r.topology;
}

describe('hasim export chaos-mesh', () => {
  it('prints YAML documents valid against the CRDs, selecting nodes by zone, with predictions', async () => {
    const docs = await exportDocs(['chaos-mesh', UPGRADE], CHAOS_MESH_SCHEMAS);
    expect(docs.map((d) => String(d['kind']))).toEqual([
      'PodChaos',
      'NetworkChaos',
      'NetworkChaos',
      'NetworkChaos',
      'NetworkChaos',
    ]);
    for (const d of docs) {
      expect(Object.keys(d['spec'].selector.nodeSelectors as object)).toEqual([ZONE]);
      expect(d['metadata'].annotations['hasim/prediction']).toBeTypeOf('string');
    }
    // The zone outage (events[1]) alone: the predicates the timeline shows going down are the
    // ones the annotation names.
    const t = topologyOf(UPGRADE);
    const alone = simulateTimeline({ ...t, events: [t.events[1]!] });
    const down = [
      ...new Set(alone.entries.filter((e) => !e.up).map((e) => `${e.target} ${e.metric}`)),
    ];
    const annotation = docs[0]!['metadata'].annotations['hasim/prediction'] as string;
    for (const key of down) {
      const [target, metric] = key.split(' ');
      expect(annotation).toMatch(new RegExp(`${target}[^;]* down: [^;]*${metric} `));
    }
    // Closed form: 3 members, the one in zone b down, 2 left ≥ q(3) = 2.
    expect(docs[0]!['metadata'].annotations['hasim/etcd-quorum']).toBe(
      'prod: etcd 3 members, quorum 2; 1 down, 2 left: quorum kept',
    );
    // In the scenario the zone fails while master a is upgraded (1h–1h10m): 1 of 3 members
    // left until 1h10m, so etcd loses quorum for 5 minutes from the zone's start.
    expect(docs[0]!['metadata'].annotations['hasim/prediction-in-scenario']).toContain(
      'etcdQuorum 5m at +0s',
    );
  });

  it('maps scenario zones to label values and replays the timeline as one valid Workflow', async () => {
    const [workflow] = await exportDocs(
      ['chaos-mesh', UPGRADE, '--workflow', '--zones', 'a=eu-west-1a,b=eu-west-1b,c=eu-west-1c'],
      CHAOS_MESH_SCHEMAS,
    );
    expect(workflowProblems(workflow!['spec'] as Parameters<typeof workflowProblems>[0])).toEqual(
      [],
    );
    const templates = workflow!['spec'].templates as Doc[];
    expect(templates.find((x) => x['name'] === 'event-1-wait')).toEqual({
      name: 'event-1-wait',
      templateType: 'Suspend',
      deadline: '1h5m',
    });
    expect(
      templates.find((x) => x['name'] === 'event-2-partition-1')!['networkChaos'].selector
        .nodeSelectors,
    ).toEqual({ [ZONE]: 'eu-west-1a' });
  });

  it.each([
    ['aws', 'AWSChaos', 'ec2Instance'],
    ['gcp', 'GCPChaos', 'instance'],
    ['azure', 'AzureChaos', 'vmName'],
  ])(
    'stops every node of the zone with --cloud %s (%s), placeholders to fill in',
    async (cloud, kind, field) => {
      const docs = await exportDocs(
        ['chaos-mesh', UPGRADE, '--event', '1', '--cloud', cloud],
        CHAOS_MESH_SCHEMAS,
      );
      // Zone b of prod holds 1 master and 2 workers.
      expect(docs.map((d) => String(d['kind']))).toEqual([kind, kind, kind]);
      expect(docs.map((d) => String(d['spec'][field]))).toEqual([
        expect.stringContaining('prod master 1 in eu-west/b'),
        expect.stringContaining('prod worker 1 in eu-west/b'),
        expect.stringContaining('prod worker 2 in eu-west/b'),
      ]);
      expect(docs.every((d) => d['spec'].duration === '4h')).toBe(true);
    },
  );

  it('covers every kind of event, with a comment where no experiment fits', async () => {
    const r = await runBin(['export', 'chaos-mesh', NODE_EVENTS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Note: no Chaos Mesh kind takes a load balancer down');
    expect(r.stdout).toContain('# Note: no in-cluster Chaos Mesh kind stops a worker');
    expect(r.stdout).toContain('# Note: a region impairment');
    const { checks } = validateManifests(r.stdout, CHAOS_MESH_SCHEMAS);
    expect(checks.flatMap((c) => c.errors)).toEqual([]);
  });
});

describe('hasim export litmus', () => {
  it('prints ChaosEngines valid against the CRD: a drain per master, a poweroff per node of the zone', async () => {
    const docs = await exportDocs(['litmus', UPGRADE], { ChaosEngine: CHAOS_ENGINE_SCHEMA });
    const faults = docs.map((d) => d['spec'].experiments[0].name as string);
    expect(faults).toEqual([
      'node-drain',
      'node-drain',
      'node-drain', // the rolling upgrade: 3 masters
      'node-poweroff',
      'node-poweroff',
      'node-poweroff', // zone b: 1 master, 2 workers
      'pod-network-partition',
    ]);
    const env = (d: Doc): Record<string, string> =>
      Object.fromEntries(
        (d['spec'].experiments[0].spec.components.env as { name: string; value: string }[]).map(
          (e) => [e.name, e.value],
        ),
      );
    expect(env(docs[3]!)['TOTAL_CHAOS_DURATION']).toBe('14400'); // 4 h
    expect(docs.map((d) => String(d['metadata'].annotations['hasim/start']))).toEqual([
      '+1h',
      '+1h10m',
      '+1h20m',
      '+1h5m',
      '+1h5m',
      '+1h5m',
      '+6h',
    ]);
  });

  it('picks one master or worker of a zone by NODE_LABEL', async () => {
    const docs = await exportDocs(['litmus', NODE_EVENTS, '--event', '1'], {
      ChaosEngine: CHAOS_ENGINE_SCHEMA,
    });
    expect(docs[0]!['spec'].experiments[0].spec.components.env).toContainEqual({
      name: 'NODE_LABEL',
      value: `${ZONE}=b,!node-role.kubernetes.io/control-plane`,
    });
  });
});

describe('export refusals', () => {
  it.each([
    [
      ['chaos-mesh', UPGRADE, '--event', '3'],
      '--event 3: scenarios/zone-outage-during-upgrade.yaml has events 0 to 2',
    ],
    [['chaos-mesh', 'scenarios/three-zones-stacked.yaml'], 'has no events: to export'],
    [['litmus', UPGRADE, '--zones', 'd=eu-west-1d'], '--zones: d not a zone of cluster prod'],
    [['litmus', UPGRADE, '--cluster', 'staging'], '--cluster staging: not a cluster of'],
    [['chaos-mesh', UPGRADE, '--cloud', 'ibm'], "argument 'ibm' is invalid"],
    [
      ['chaos-mesh', UPGRADE, '--event', '0', '--workflow'],
      'no event of cluster prod has an experiment for chaos-mesh',
    ],
  ])('%j: one line, exit 2', async (args, message) => {
    const r = await runBin(['export', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
