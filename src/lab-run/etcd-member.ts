/**
 * One etcd member process: its addresses, its flags, spawning it (inside its zone's network
 * namespace through nsenter when there is one), and stopping it. Each member runs in its own
 * process group, so a kill reaches it whatever it started; its output goes to `etcd.log` in its
 * folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { LabTiming } from '../lab/lab-plan.js';

export interface MemberSpec {
  name: string;
  zone: string;
  host: string;
  clientPort: number;
  peerPort: number;
  /** The pid holding the zone's network namespace; null: the runner's own namespace. */
  netnsPid: number | null;
  /** The member's folder: `data/` and `etcd.log` live there. */
  dir: string;
}

export interface ClusterFlags {
  /** `name=peerURL,…` of every member the new member should know. */
  initialCluster: string;
  token: string;
  state: 'new' | 'existing';
}

/** The member's client URL, peer URL and data dir. */
export const clientUrl = (m: MemberSpec): string => `http://${m.host}:${m.clientPort}`;
export const peerUrl = (m: MemberSpec): string => `http://${m.host}:${m.peerPort}`;
export const dataDir = (m: MemberSpec): string => join(m.dir, 'data');

/** etcd's flags for `m` (the cluster flags matter only when its data dir is empty). */
export function etcdArgs(m: MemberSpec, timing: LabTiming, cluster: ClusterFlags): string[] {
  return [
    `--name=${m.name}`,
    `--data-dir=${dataDir(m)}`,
    `--listen-client-urls=${clientUrl(m)}`,
    `--advertise-client-urls=${clientUrl(m)}`,
    `--listen-peer-urls=${peerUrl(m)}`,
    `--initial-advertise-peer-urls=${peerUrl(m)}`,
    `--initial-cluster=${cluster.initialCluster}`,
    `--initial-cluster-state=${cluster.state}`,
    `--initial-cluster-token=${cluster.token}`,
    `--heartbeat-interval=${timing.heartbeatMs}`,
    `--election-timeout=${timing.electionMs}`,
    '--logger=zap',
  ];
}

/** A running member; `exited` resolves when the process is gone. */
export interface MemberProcess {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Starts `etcd args…` for `m` in its own process group, output appended to its etcd.log. */
export function spawnMember(m: MemberSpec, etcd: string, args: string[]): MemberProcess {
  const [command, argv] =
    m.netnsPid === null
      ? [etcd, args]
      : ['nsenter', ['--target', String(m.netnsPid), '--net', '--', etcd, ...args]];
  const log = openSync(join(m.dir, 'etcd.log'), 'a');
  try {
    const child = spawn(command, argv, { stdio: ['ignore', log, log], detached: true });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    return { child, exited };
  } finally {
    closeSync(log);
  }
}

/** Sends `signal` to the member's process group; false when it was already gone. */
export function signalMember(p: MemberProcess, signal: NodeJS.Signals): boolean {
  const pid = p.child.pid;
  if (pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
