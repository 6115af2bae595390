/**
 * Runs a lab plan on real etcd processes: zone networks (when isolated), the cluster, the probe,
 * then every phase (its actions, then the hold), then the leader kills. Returns what was
 * observed; stops early, with what it has, when `signal` aborts. Always kills what it started.
 */
import type { LabPhase, LabPlan } from '../lab/lab-plan.js';
import type {
  LabIsolation,
  LabObservation,
  LostWrites,
  PhaseObservation,
} from '../lab/lab-observation.js';
import { LabCluster } from './lab-cluster.js';
import { createZoneNetworks, type LabNetwork } from './lab-network.js';
import { measureElections } from './measure-elections.js';
import { buildMemberSpecs } from './member-specs.js';
import { Probe } from './probe.js';
import { sleep } from './abortable-sleep.js';
import { listKeys } from './etcd-http.js';

export interface RunnerEnv {
  etcd: string;
  etcdctl: string | null;
  etcdVersion: string;
  /** The run's folder (members' data dirs and logs). */
  dir: string;
  /** Whether the runner has private namespaces (then zones get their own networks). */
  isolated: boolean;
  /** Why it has none, or null. */
  isolationNote: string | null;
}

export interface RunnerHooks {
  progress: (message: string) => void;
  signal: AbortSignal;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Runs `plan` and returns what etcd did; kills every member it started before returning. */
export async function runLab(
  plan: LabPlan,
  env: RunnerEnv,
  hooks: RunnerHooks,
): Promise<LabObservation> {
  const t0 = performance.now();
  const clock = (): number => performance.now() - t0;
  const { network, isolation } = await setUpNetwork(plan, env);
  const specs = await buildMemberSpecs(plan.members, network?.zones ?? null, env.dir);
  const cluster = new LabCluster({ ...env, timing: plan.timing }, specs);
  const probe = new Probe(
    () => specs.map((s) => ({ name: s.name, clientUrl: cluster.urlOf(s.name) })),
    plan.timing,
    clock,
  );
  const observation: LabObservation = {
    version: 1,
    etcdVersion: env.etcdVersion,
    isolation,
    startupMs: 0,
    phases: [],
    elections: [],
    interrupted: false,
  };
  try {
    hooks.progress(
      `starting ${specs.length} etcd ${env.etcdVersion} members (${isolation.mode}) in ${env.dir}`,
    );
    await cluster.startNew();
    probe.start();
    const up = await cluster.awaitHealthy(STARTUP_TIMEOUT_MS, clock, hooks.signal);
    if (hooks.signal.aborted) return observation; // stopped while starting: nothing observed
    if (!up) {
      throw new Error(
        `the etcd cluster did not serve within ${STARTUP_TIMEOUT_MS / 1000} s (logs: ${env.dir}/*/etcd.log)`,
      );
    }
    observation.startupMs = Math.round(clock());
    // Let the probe learn the members' ids, leader and term before the first phase.
    for (let i = 0; i < 50 && probe.names.size < specs.length; i++) await sleep(100, hooks.signal);
    const context: PhaseContext = {
      cluster,
      network,
      probe,
      clock,
      hooks,
      snapshotMs: -1,
      note: isolation.note,
    };
    hooks.progress(`cluster up after ${(clock() / 1000).toFixed(1)} s`);
    for (const phase of plan.phases) {
      if (hooks.signal.aborted) break;
      hooks.progress(`phase ${phase.id}/${plan.phases.length}: ${phase.label}`);
      observation.phases.push(await runPhase(phase, plan, context));
    }
    if (plan.leaderKills > 0 && !hooks.signal.aborted) {
      observation.elections = await measureElections(plan, cluster, probe, clock, hooks);
    }
  } finally {
    observation.interrupted = hooks.signal.aborted;
    await probe.stop();
    await cluster.closeAll();
    network?.close();
  }
  return observation;
}

// --- internal ---

interface PhaseContext {
  cluster: LabCluster;
  network: LabNetwork | null;
  probe: Probe;
  clock: () => number;
  hooks: RunnerHooks;
  /** When the last snapshot was saved (-1: none yet). */
  snapshotMs: number;
  /** Why there are no zone networks, or null. */
  note: string | null;
}

async function setUpNetwork(
  plan: LabPlan,
  env: RunnerEnv,
): Promise<{ network: LabNetwork | null; isolation: LabIsolation }> {
  if (!env.isolated) {
    const note = env.isolationNote ?? 'no private namespaces';
    return { network: null, isolation: { mode: 'loopback', partitions: false, note } };
  }
  const r = await createZoneNetworks(plan.zones);
  if (!r.ok) {
    const note = `no zone networks: ${r.error}`;
    return { network: null, isolation: { mode: 'loopback', partitions: false, note } };
  }
  return { network: r.network, isolation: { mode: 'namespaces', partitions: true, note: null } };
}

async function runPhase(
  phase: LabPhase,
  plan: LabPlan,
  ctx: PhaseContext,
): Promise<PhaseObservation> {
  const { cluster, network, probe, clock, hooks } = ctx;
  const startMs = clock();
  const { leader, term } = probe.latest();
  const notes: string[] = [];
  let failed: string | null = null;
  let unapplied: string | null = null;
  let healthyMs: number | null = null;
  let lostWrites: LostWrites | null = null;
  for (const action of phase.actions) {
    try {
      switch (action.kind) {
        case 'kill':
          await cluster.kill(action.members);
          break;
        case 'stop':
          await cluster.stop(action.members);
          break;
        case 'start':
          cluster.start(action.members);
          break;
        case 'wipe':
          await cluster.wipe(action.members);
          break;
        case 'cut': {
          if (network === null) {
            if (action.links.length > 0)
              unapplied = `not applied: partitions need network namespaces (${ctx.note ?? 'none here'})`;
            break;
          }
          const problem = await network.cut(action.links);
          if (problem !== null) throw new Error(problem);
          break;
        }
        case 'replace':
          for (const m of action.members) await cluster.replace(m, notes);
          break;
        case 'try-remove':
          notes.push(await cluster.tryRemove(action.member));
          break;
        case 'snapshot':
          await cluster.snapshot();
          ctx.snapshotMs = clock();
          notes.push('snapshot saved');
          break;
        case 'restore': {
          const before = clock();
          await cluster.restore();
          if (await cluster.awaitHealthy(STARTUP_TIMEOUT_MS, clock, hooks.signal)) {
            lostWrites = await countLostWrites(cluster, probe, before, ctx.snapshotMs);
          }
          break;
        }
        case 'await-healthy':
          if (!(await cluster.awaitHealthy(30_000, clock, hooks.signal))) {
            throw new Error('not every running member served a write within 30 s');
          }
          healthyMs = clock() - startMs;
          break;
      }
    } catch (e) {
      failed = `${action.kind}: ${e instanceof Error ? e.message : String(e)}`;
      break;
    }
  }
  const actionsDoneMs = clock();
  if (!phase.recovery) await sleep(plan.timing.holdMs, hooks.signal);
  const endMs = clock();
  if (hooks.signal.aborted) failed ??= 'interrupted during its hold';
  return {
    id: phase.id,
    startMs,
    actionsDoneMs,
    endMs,
    leaderAtStart: leader,
    termAtStart: term,
    running: cluster.running(),
    notes,
    failed,
    unapplied,
    healthyMs,
    samples: probe.samples
      .filter((s) => s.doneMs >= startMs && s.doneMs <= endMs)
      .map(({ written: _, ...s }) => s),
    statuses: probe.statuses.filter((s) => s.atMs >= startMs && s.atMs <= endMs),
    lostWrites,
  };
}

/** Acknowledged writes (before `before`) whose keys the restored cluster no longer has. */
async function countLostWrites(
  cluster: LabCluster,
  probe: Probe,
  before: number,
  snapshotMs: number,
): Promise<LostWrites | null> {
  const [first] = cluster.running();
  if (first === undefined) return null;
  const keys = await listKeys(cluster.urlOf(first), 'hasim-lab/w/', 10_000);
  if (!keys.ok) return null;
  const present = new Set(keys.value);
  const acked = probe.samples.filter((s) => s.written && s.doneMs < before);
  const lost = acked.filter((s) => !present.has(`hasim-lab/w/${s.seq}`));
  return {
    acknowledged: acked.length,
    lost: lost.length,
    snapshotMs,
    lastLostMs: lost.length === 0 ? null : Math.max(...lost.map((s) => s.doneMs)),
  };
}
