/**
 * A kubeadm `ClusterConfiguration` (kubeadm.k8s.io/v1beta3 or v1beta4), on its own, among the
 * documents of a kubeadm config file, or inside the `kubeadm-config` ConfigMap of kube-system
 * (`kubectl -n kube-system get cm kubeadm-config -o yaml`: data.ClusterConfiguration is the
 * YAML text). Fields read, per kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/
 * (the same in v1beta3): `etcd.local` or `etcd.external.endpoints` (mutually exclusive; local is
 * the default), `controlPlaneEndpoint` (an IP or DNS name, optional port), `clusterName`.
 */
import { parse } from 'yaml';
import { isRecord } from './is-record.js';
import type { InputProblem } from './kube-nodes.js';

export const KUBEADM_API_VERSIONS = ['kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4'];

export interface KubeadmFacts {
  apiVersion: string;
  /** Where the ClusterConfiguration was found. */
  source: 'ClusterConfiguration' | 'ConfigMap kubeadm-config';
  etcd: { kind: 'local' } | { kind: 'external'; endpoints: string[] };
  /** `controlPlaneEndpoint` as written; null when absent. */
  controlPlaneEndpoint: string | null;
  clusterName: string | null;
}

export type KubeadmResult =
  { ok: true; facts: KubeadmFacts } | { ok: false; problems: InputProblem[] };

/** Finds and reads the ClusterConfiguration among the documents of a file. */
export function readKubeadmConfig(documents: readonly unknown[]): KubeadmResult {
  for (const [i, doc] of documents.entries()) {
    const at = documents.length > 1 ? `document ${i + 1}` : '';
    if (!isRecord(doc)) continue;
    if (doc['kind'] === 'ClusterConfiguration')
      return readClusterConfiguration(doc, at, 'ClusterConfiguration');
    if (doc['kind'] === 'ConfigMap' && isRecord(doc['data'])) {
      const text = doc['data']['ClusterConfiguration'];
      if (typeof text !== 'string') continue;
      const place = [at, 'data.ClusterConfiguration'].filter(Boolean).join(': ');
      let inner: unknown;
      try {
        // logLevel 'error': yaml's warnings would go to the console, past hasim's messages.
        inner = parse(text, { logLevel: 'error', maxAliasCount: 100 });
      } catch (e) {
        return fail(
          place,
          `not YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
        );
      }
      if (!isRecord(inner)) return fail(place, 'expected a ClusterConfiguration mapping');
      return readClusterConfiguration(inner, place, 'ConfigMap kubeadm-config');
    }
  }
  const kinds = documents.map((d) =>
    isRecord(d) && typeof d['kind'] === 'string' ? d['kind'] : '?',
  );
  return fail(
    '',
    `no kubeadm ClusterConfiguration found (documents: ${kinds.join(', ') || 'none'}); expected a kubeadm config file or kubectl -n kube-system get cm kubeadm-config -o yaml`,
  );
}

// --- internal ---

function readClusterConfiguration(
  doc: Record<string, unknown>,
  at: string,
  source: KubeadmFacts['source'],
): KubeadmResult {
  const place = (p: string): string => [at, p].filter(Boolean).join(': ');
  const apiVersion = doc['apiVersion'];
  if (typeof apiVersion !== 'string' || !KUBEADM_API_VERSIONS.includes(apiVersion)) {
    return fail(
      place('apiVersion'),
      `${JSON.stringify(apiVersion ?? null)} is not a kubeadm version hasim reads (${KUBEADM_API_VERSIONS.join(', ')})`,
    );
  }
  const etcd = isRecord(doc['etcd']) ? doc['etcd'] : {};
  let etcdFacts: KubeadmFacts['etcd'] = { kind: 'local' };
  if (etcd['external'] !== undefined) {
    if (etcd['local'] !== undefined) {
      return fail(place('etcd'), 'local and external are mutually exclusive; give one');
    }
    const external = isRecord(etcd['external']) ? etcd['external'] : {};
    const endpoints = external['endpoints'];
    if (
      !Array.isArray(endpoints) ||
      endpoints.length === 0 ||
      !endpoints.every((e) => typeof e === 'string')
    ) {
      return fail(place('etcd.external.endpoints'), 'expected a list of etcd endpoint URLs');
    }
    etcdFacts = { kind: 'external', endpoints: endpoints };
  }
  const endpoint = doc['controlPlaneEndpoint'];
  const name = doc['clusterName'];
  return {
    ok: true,
    facts: {
      apiVersion,
      source,
      etcd: etcdFacts,
      controlPlaneEndpoint: typeof endpoint === 'string' && endpoint !== '' ? endpoint : null,
      clusterName: typeof name === 'string' && name !== '' ? name : null,
    },
  };
}

function fail(place: string, message: string): KubeadmResult {
  return { ok: false, problems: [{ place, message }] };
}
