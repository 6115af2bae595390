/**
 * The real etcd cluster of a lab run: starting it, and every fault and repair the plan's actions
 * name — kill (SIGKILL), graceful stop (SIGTERM), restart with the data dir, disk lost (data dir
 * deleted), replacement (`member remove` + `member add` + a fresh start), snapshot and restore
 * (etcdctl). Each method throws an Error whose message says what etcd answered.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabTiming } from '../lab/lab-plan.js';
import { addMember, listMembers, putKey, readStatus, removeMember } from './etcd-http.js';
import {
  clientUrl,
  dataDir,
  etcdArgs,
  peerUrl,
  signalMember,
  spawnMember,
  type ClusterFlags,
  type MemberProcess,
  type MemberSpec,
} from './etcd-member.js';
import { sleep } from './abortable-sleep.js';
import { commandFailure, runCommand } from './run-command.js';

export interface ClusterEnv {
  etcd: string;
  etcdctl: string | null;
  dir: string;
  timing: LabTiming;
}

const ADMIN_TIMEOUT_MS = 5000;

/** The members of one lab run and what can be done to them. */
export class LabCluster {
  private readonly procs = new Map<string, MemberProcess>();
  private generation = 0;
  /** When the last snapshot was saved (run clock), or null. */
  snapshotFile: string | null = null;

  constructor(
    private readonly env: ClusterEnv,
    readonly specs: readonly MemberSpec[],
  ) {}

  running(): string[] {
    return this.specs.map((s) => s.name).filter((n) => this.procs.has(n));
  }

  urlOf(name: string): string {
    return clientUrl(this.spec(name));
  }

  /** Creates the members' folders and starts every member of a new cluster. */
  async startNew(): Promise<void> {
    for (const s of this.specs) await mkdir(s.dir, { recursive: true });
    this.launch(
      this.specs.map((s) => s.name),
      { ...this.flags(), state: 'new' },
    );
  }

  kill(names: readonly string[]): Promise<void> {
    return this.signal(names, 'SIGKILL', 0);
  }

  stop(names: readonly string[]): Promise<void> {
    return this.signal(names, 'SIGTERM', 10_000);
  }

  start(names: readonly string[]): void {
    this.launch(
      names.filter((n) => !this.procs.has(n)),
      { ...this.flags(), state: 'existing' },
    );
  }

  async wipe(names: readonly string[]): Promise<void> {
    await this.kill(names);
    for (const n of names) await rm(dataDir(this.spec(n)), { recursive: true, force: true });
  }

  /** `member remove`, `member add`, a fresh start: a lost member replaced (etcd runtime reconfiguration docs). */
  async replace(name: string, notes: string[]): Promise<void> {
    const m = this.spec(name);
    const via = this.running().filter((n) => n !== name);
    const list = await this.firstOk('member list', via, (url) =>
      listMembers(url, ADMIN_TIMEOUT_MS),
    );
    const old = list.find((x) => x.peerUrls.includes(peerUrl(m)));
    if (old !== undefined) {
      await this.reconfigure(`member remove ${name}`, via, notes, (url) =>
        removeMember(url, old.id, ADMIN_TIMEOUT_MS),
      );
    }
    const members = await this.reconfigure(`member add ${name}`, via, notes, (url) =>
      addMember(url, peerUrl(m), ADMIN_TIMEOUT_MS),
    );
    const initialCluster = members
      .map((x) => `${x.name === '' ? name : x.name}=${x.peerUrls[0] ?? ''}`)
      .join(',');
    await rm(dataDir(m), { recursive: true, force: true });
    this.launch([name], { initialCluster, token: this.token(), state: 'existing' });
  }

  /** One `member remove` attempt through the running members; what etcd said, in words. */
  async tryRemove(name: string): Promise<string> {
    const m = this.spec(name);
    const via = this.running().filter((n) => n !== name);
    try {
      const list = await this.firstOk('member list', via, (url) => listMembers(url, 2000));
      const old = list.find((x) => x.peerUrls.includes(peerUrl(m)));
      if (old === undefined) return `member remove ${name}: not a member`;
      await this.firstOk(`member remove ${name}`, via, (url) => removeMember(url, old.id, 2000));
      return `member remove ${name}: accepted`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async snapshot(): Promise<void> {
    const etcdctl = this.needEtcdctl();
    const file = join(this.env.dir, 'snapshot.db');
    let last = 'no member runs';
    for (const n of this.running()) {
      const r = await runCommand(
        etcdctl,
        ['--endpoints', this.urlOf(n), 'snapshot', 'save', file],
        {
          timeoutMs: 30_000,
        },
      );
      const problem = commandFailure('etcdctl snapshot save', r);
      if (problem === null) {
        this.snapshotFile = file;
        return;
      }
      last = problem;
    }
    throw new Error(last);
  }

  /** Every member restored from the snapshot into a new cluster (etcd disaster-recovery docs). */
  async restore(): Promise<void> {
    const etcdctl = this.needEtcdctl();
    if (this.snapshotFile === null) throw new Error('no snapshot to restore from');
    await this.kill(this.running());
    this.generation += 1;
    const { initialCluster } = this.flags();
    for (const m of this.specs) {
      await rm(dataDir(m), { recursive: true, force: true });
      const args = ['snapshot', 'restore', this.snapshotFile, `--name=${m.name}`];
      args.push(`--initial-cluster=${initialCluster}`, `--initial-cluster-token=${this.token()}`);
      args.push(`--initial-advertise-peer-urls=${peerUrl(m)}`, `--data-dir=${dataDir(m)}`);
      const problem = commandFailure('etcdctl snapshot restore', await runCommand(etcdctl, args));
      if (problem !== null) throw new Error(problem);
    }
    this.launch(
      this.specs.map((s) => s.name),
      { ...this.flags(), state: 'existing' },
    );
  }

  /** Waits (up to `timeoutMs`) until every running member serves a write; false on timeout. */
  async awaitHealthy(
    timeoutMs: number,
    clock: () => number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    const until = clock() + timeoutMs;
    while (clock() < until && signal?.aborted !== true) {
      const replies = await Promise.all(
        this.running().map((n) => putKey(this.urlOf(n), 'hasim-lab/health', '1', 1000)),
      );
      if (replies.length > 0 && replies.every((r) => r.ok)) return true;
      await sleep(100);
    }
    return false;
  }

  /** The leader's name, as the running members report it (null when none is known). */
  async leader(names: ReadonlyMap<string, string>): Promise<string | null> {
    for (const n of this.running()) {
      const s = await readStatus(this.urlOf(n), 1000);
      if (s.ok && s.value.leader !== '0') return names.get(s.value.leader) ?? null;
    }
    return null;
  }

  async closeAll(): Promise<void> {
    await this.kill(this.running());
  }

  // --- internal ---

  private spec(name: string): MemberSpec {
    const s = this.specs.find((x) => x.name === name);
    if (s === undefined) throw new Error(`no member ${name}`);
    return s;
  }

  private token(): string {
    return `hasim-lab-${this.generation}`;
  }

  private flags(): ClusterFlags {
    const initialCluster = this.specs.map((s) => `${s.name}=${peerUrl(s)}`).join(',');
    return { initialCluster, token: this.token(), state: 'new' };
  }

  private launch(names: readonly string[], flags: ClusterFlags): void {
    for (const n of names) {
      const m = this.spec(n);
      const p = spawnMember(m, this.env.etcd, etcdArgs(m, this.env.timing, flags));
      this.procs.set(n, p);
      void p.exited.then(() => {
        if (this.procs.get(n) === p) this.procs.delete(n);
      });
    }
  }

  private async signal(
    names: readonly string[],
    sig: NodeJS.Signals,
    graceMs: number,
  ): Promise<void> {
    const procs = names.flatMap((n) => {
      const p = this.procs.get(n);
      return p === undefined ? [] : [p];
    });
    for (const p of procs) signalMember(p, sig);
    const timeout = new Promise<void>((r) => setTimeout(r, graceMs === 0 ? 10_000 : graceMs));
    await Promise.race([Promise.all(procs.map((p) => p.exited)), timeout]);
    for (const p of procs) signalMember(p, 'SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    for (const n of names) this.procs.delete(n);
  }

  private needEtcdctl(): string {
    if (this.env.etcdctl === null) {
      throw new Error(
        'etcdctl is needed for snapshots (Debian/Ubuntu: apt-get install etcd-client)',
      );
    }
    return this.env.etcdctl;
  }

  /**
   * A membership change, retried for up to 30 s while etcd answers "unhealthy cluster": its strict
   * reconfiguration check wants every peer connected for 5 s first (etcdserver/server.go,
   * HealthInterval), as an operator would retry it. Notes how long that took.
   */
  private async reconfigure<T>(
    what: string,
    via: readonly string[],
    notes: string[],
    call: (url: string) => Promise<{ ok: true; value: T } | { ok: false; error: string }>,
  ): Promise<T> {
    const started = performance.now();
    let refusals = 0;
    for (;;) {
      try {
        const value = await this.firstOk(what, via, call);
        const waited = ((performance.now() - started) / 1000).toFixed(1);
        notes.push(
          refusals === 0
            ? `${what}: done`
            : `${what}: refused as "unhealthy cluster" for ${waited} s, then done`,
        );
        return value;
      } catch (e) {
        const unhealthy = e instanceof Error && e.message.includes('unhealthy cluster');
        if (!unhealthy || performance.now() - started > 30_000) throw e;
        refusals += 1;
        await sleep(250);
      }
    }
  }

  /** The first member whose reply is ok; throws with the last error. */
  private async firstOk<T>(
    what: string,
    names: readonly string[],
    call: (url: string) => Promise<{ ok: true; value: T } | { ok: false; error: string }>,
  ): Promise<T> {
    let last = 'no member runs';
    for (const n of names) {
      const r = await call(this.urlOf(n));
      if (r.ok) return r.value;
      last = `through ${n}: ${r.error}`;
    }
    throw new Error(`${what} refused ${last}`);
  }
}
