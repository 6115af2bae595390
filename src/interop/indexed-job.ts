/**
 * `hasim export job`: a large study as a Kubernetes Indexed Job (batch/v1, completionMode
 * Indexed, GA since 1.24). Pod i runs `hasim simulate --shard auto/N`, which reads i from
 * JOB_COMPLETION_INDEX (set by the Job controller), and writes its part to a shared volume;
 * a second Job runs `hasim merge`, whose result equals one run of all the trials. Fields per
 * the Kubernetes API reference (batch/v1 Job, core/v1 PodSpec, ConfigMap, PersistentVolumeClaim).
 */
import type { CommentedDocument } from './commented-yaml.js';

export interface JobExportOptions {
  /** The scenario's name (resource names derive from it). */
  scenario: string;
  /** The scenario file's text, shipped in a ConfigMap, and its path (for the comments). */
  scenarioText: string;
  scenarioFile: string;
  shards: number;
  trials: number;
  /** Passed on only when given: the scenario's own seed applies otherwise. */
  seed?: number;
  parallelism: number;
  image: string;
  namespace: string;
  /** Worker threads per pod (and its CPU request). */
  cpus: number;
  storage: string;
  storageClass?: string;
}

/** Kubernetes refuses an Indexed Job with parallelism above 100,000 (maxParallelismForIndexedJob). */
export const MAX_SHARDS = 10_000;
/** A ConfigMap holds at most 1 MiB (kubernetes.io/docs/concepts/configuration/configmap/). */
export const MAX_CONFIGMAP_BYTES = 1024 * 1024;

const SCENARIO_KEY = 'scenario.yaml';
const SCENARIO_DIR = '/scenario';
const PARTS_DIR = '/parts';

/** Resource names: `hasim-<scenario>`, a DNS-1123 label short enough for pod hostnames. */
export function jobBaseName(scenario: string): string {
  const name = `hasim-${scenario}`.replace(/[^a-z0-9-]/g, '-').slice(0, 40);
  return name.replace(/-+$/, '');
}

/** The ConfigMap, the volume for the parts, and the Indexed Job of the shards. */
export function buildShardJob(o: JobExportOptions): CommentedDocument[] {
  const base = jobBaseName(o.scenario);
  const labels = { 'app.kubernetes.io/name': 'hasim', 'app.kubernetes.io/instance': base };
  const meta = (name: string, component: string): Record<string, unknown> => ({
    name,
    namespace: o.namespace,
    labels: { ...labels, 'app.kubernetes.io/component': component },
  });
  const args = [
    'simulate',
    `${SCENARIO_DIR}/${SCENARIO_KEY}`,
    '--shard',
    `auto/${o.shards}`,
    '--trials',
    String(o.trials),
    ...(o.seed === undefined ? [] : ['--seed', String(o.seed)]),
    '--workers',
    String(o.cpus),
    '--out',
    // Kubernetes expands $(VAR) in args from the container's environment, where the Job
    // controller has put JOB_COMPLETION_INDEX.
    `${PARTS_DIR}/part-$(JOB_COMPLETION_INDEX).json`,
  ];
  return [
    {
      header: [`The scenario ${o.scenario}, read by every pod at ${SCENARIO_DIR}/${SCENARIO_KEY}.`],
      value: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta(`${base}-scenario`, 'scenario'),
        data: { [SCENARIO_KEY]: o.scenarioText },
      },
    },
    {
      header: [
        'Where the shards write their parts and the merge reads them. ReadWriteMany, because',
        'the pods may run on different nodes; pick a storage class that offers it (NFS, EFS,',
        'Filestore, Azure Files, CephFS).',
      ],
      value: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(`${base}-parts`, 'parts'),
        spec: {
          accessModes: ['ReadWriteMany'],
          ...(o.storageClass === undefined ? {} : { storageClassName: o.storageClass }),
          resources: { requests: { storage: o.storage } },
        },
      },
    },
    {
      header: [
        `${o.shards} shards of ${o.trials} trials: pod i runs shard i/${o.shards} (JOB_COMPLETION_INDEX) and`,
        `writes ${PARTS_DIR}/part-<i>.json. When it completes, apply the merge Job:`,
        `  kubectl -n ${o.namespace} wait --for=condition=complete job/${base} --timeout=24h`,
        `  hasim export job ${o.scenarioFile} --shards ${o.shards} --trials ${o.trials} --merge | kubectl apply -f -`,
      ],
      value: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta(base, 'shard'),
        spec: {
          completionMode: 'Indexed',
          completions: o.shards,
          parallelism: o.parallelism,
          backoffLimit: 6,
          template: podTemplate(o, base, labels, 'shard', args),
        },
      },
    },
  ];
}

/** The Job that merges the parts; its log is the result as JSON (`kubectl logs job/…`). */
export function buildMergeJob(o: JobExportOptions): CommentedDocument {
  const base = jobBaseName(o.scenario);
  const labels = { 'app.kubernetes.io/name': 'hasim', 'app.kubernetes.io/instance': base };
  const parts = Array.from({ length: o.shards }, (_, i) => `${PARTS_DIR}/part-${i}.json`);
  return {
    header: [
      `Merges the ${o.shards} parts of job/${base} into one result, identical to a single run.`,
      `Result: ${PARTS_DIR}/result.json, and the log: kubectl -n ${o.namespace} logs job/${base}-merge > result.json`,
      'Exit code 3 (the Job fails) means an objective is missed; the result is still written.',
    ],
    value: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: `${base}-merge`,
        namespace: o.namespace,
        labels: { ...labels, 'app.kubernetes.io/component': 'merge' },
      },
      spec: {
        completions: 1,
        backoffLimit: 0,
        template: podTemplate(o, base, labels, 'merge', [
          'merge',
          ...parts,
          '--out',
          `${PARTS_DIR}/result.json`,
          '--json',
        ]),
      },
    },
  };
}

// --- internal ---

function podTemplate(
  o: JobExportOptions,
  base: string,
  labels: Record<string, string>,
  component: string,
  args: string[],
): Record<string, unknown> {
  const cpus = component === 'merge' ? 1 : o.cpus;
  return {
    metadata: { labels: { ...labels, 'app.kubernetes.io/component': component } },
    spec: {
      restartPolicy: 'Never',
      // The image runs as the unprivileged user "node" (uid 1000): let it write the volume.
      securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
      containers: [
        {
          name: 'hasim',
          image: o.image,
          args,
          resources: {
            requests: { cpu: String(cpus), memory: '512Mi' },
            limits: { memory: '2Gi' },
          },
          volumeMounts: [
            ...(component === 'merge'
              ? []
              : [{ name: 'scenario', mountPath: SCENARIO_DIR, readOnly: true }]),
            { name: 'parts', mountPath: PARTS_DIR },
          ],
        },
      ],
      volumes: [
        ...(component === 'merge'
          ? []
          : [{ name: 'scenario', configMap: { name: `${base}-scenario` } }]),
        { name: 'parts', persistentVolumeClaim: { claimName: `${base}-parts` } },
      ],
    },
  };
}
