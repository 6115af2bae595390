/**
 * What the lab tests need from the machine: etcd on PATH, and for partitions, namespaces that
 * `unshare` can create. Suites use `describe.skipIf(labMissing(...) !== null)`: skipped locally
 * without etcd, while lab-cli.e2e.test.ts fails in CI (CI=true) when etcd is missing there.
 */
import { spawnSync } from 'node:child_process';

/**
 * Faster etcd timers for tests that do not measure timers (etcd's defaults are 100/1000 ms; it
 * requires election ≥ 5 × heartbeat). Not faster still: on a loaded machine (CI, or developers
 * sharing two cores) a 20 ms heartbeat misses beats and etcd keeps re-electing.
 */
export const FAST_ETCD = ['--heartbeat', '50', '--election-timeout', '500'];

export const hasEtcd = spawnSync('etcd', ['--version']).status === 0;

const UNSHARE = ['--net', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc'];
export const hasNamespaces =
  spawnSync('unshare', [...UNSHARE, '--', 'true']).status === 0 &&
  spawnSync('nft', ['--version']).status === 0 &&
  spawnSync('ip', ['-V']).status === 0;

/** Why a lab suite cannot run here, or null when it can. */
export function labMissing(needs: { namespaces?: boolean } = {}): string | null {
  if (!hasEtcd) return 'etcd is not on PATH (apt-get install etcd-server etcd-client)';
  if (needs.namespaces === true && !hasNamespaces) {
    return 'network namespaces are unavailable (needs root, unshare, ip and nft)';
  }
  return null;
}
