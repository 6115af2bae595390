/**
 * Finds the etcd binary (given, or on PATH) and etcdctl (next to it, or on PATH), and checks the
 * version: the lab needs etcd ≥ 3.4, whose client URL serves the v3 JSON gateway at /v3/.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { runCommand } from './run-command.js';

export interface EtcdBinaries {
  etcd: string;
  /** Needed for snapshots (`--experiments disks`); null when not found. */
  etcdctl: string | null;
  version: string;
}

export type FindEtcdResult = { ok: true; value: EtcdBinaries } | { ok: false; error: string };

/** How to get etcd, for the message when it is missing. */
export const INSTALL_HINT =
  'install it (Debian/Ubuntu: sudo apt-get install etcd-server etcd-client; elsewhere a release from https://github.com/etcd-io/etcd/releases) or give its path with --etcd-bin PATH';

/** etcd (given, or on PATH) with its version and etcdctl, or why the lab cannot run. */
export async function findEtcd(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<FindEtcdResult> {
  const path = env['PATH'] ?? '';
  const etcd = explicit ?? (await onPath('etcd', path));
  if (etcd === null)
    return { ok: false, error: `the lab needs etcd ≥ 3.4, and none is on PATH: ${INSTALL_HINT}` };
  if (!(await isExecutable(etcd))) {
    return { ok: false, error: `--etcd-bin ${etcd}: not an executable file; ${INSTALL_HINT}` };
  }
  const r = await runCommand(etcd, ['--version'], { timeoutMs: 10_000 });
  const version = /etcd Version:\s*(\S+)/.exec(r.stdout)?.[1];
  if (version === undefined) {
    return { ok: false, error: `${etcd} --version did not print an etcd version; ${INSTALL_HINT}` };
  }
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < 3 || (major === 3 && minor < 4)) {
    return { ok: false, error: `${etcd} is etcd ${version}; the lab needs ≥ 3.4: ${INSTALL_HINT}` };
  }
  const sibling = join(dirname(etcd), 'etcdctl');
  const etcdctl = (await isExecutable(sibling)) ? sibling : await onPath('etcdctl', path);
  return { ok: true, value: { etcd, etcdctl, version } };
}

// --- internal ---

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string, path: string): Promise<string | null> {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}
