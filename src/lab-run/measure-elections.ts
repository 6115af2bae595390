/**
 * The election-gap measurement: kill the leader (SIGKILL), then write through every surviving
 * member every 10 ms (each write issued after the kill) until one succeeds. The gap is from the kill to that success; meanwhile the members'
 * status says when they first name a new leader. The killed member is restarted and the cluster
 * left healthy before the next kill.
 */
import type { LabPlan } from '../lab/lab-plan.js';
import type { ElectionObservation } from '../lab/lab-observation.js';
import { putKey, readStatus } from './etcd-http.js';
import type { LabCluster } from './lab-cluster.js';
import type { Probe } from './probe.js';
import { sleep } from './abortable-sleep.js';
import type { RunnerHooks } from './run-lab.js';

const WAIT_MS = 30_000;
const STAGGER_MS = 10;
const WRITE_TIMEOUT_MS = 5000;

/** Kills the leader `plan.leaderKills` times and measures each gap (see above). */
export async function measureElections(
  plan: LabPlan,
  cluster: LabCluster,
  probe: Probe,
  clock: () => number,
  hooks: RunnerHooks,
): Promise<ElectionObservation[]> {
  const kills: ElectionObservation[] = [];
  for (let k = 1; k <= plan.leaderKills && !hooks.signal.aborted; k++) {
    await cluster.awaitHealthy(WAIT_MS, clock, hooks.signal);
    // A few heartbeats of steady state, so the followers have just heard from the leader.
    await sleep(5 * plan.timing.heartbeatMs, hooks.signal);
    const leader = await cluster.leader(probe.names);
    if (leader === null) continue;
    const leaderId = [...probe.names].find(([, name]) => name === leader)?.[0] ?? '0';
    const termBefore = probe.latest().term;
    hooks.progress(`leader kill ${k}/${plan.leaderKills}: ${leader}`);
    const survivors = cluster.running().filter((n) => n !== leader);
    const killMs = clock();
    const killing = cluster.kill([leader]);
    const [gapMs, elected] = await Promise.all([
      firstWrite(cluster, survivors, k, killMs, clock),
      newLeader(cluster, survivors, leaderId, killMs, clock, probe.names),
    ]);
    await killing;
    kills.push({
      killed: leader,
      killMs,
      gapMs,
      newLeaderMs: elected?.ms ?? null,
      newLeader: elected?.name ?? null,
      termBefore,
      termAfter: elected?.term ?? termBefore,
    });
    cluster.start([leader]);
  }
  await cluster.awaitHealthy(WAIT_MS, clock, hooks.signal);
  return kills;
}

// --- internal ---

/**
 * Writes through every survivor every `STAGGER_MS`, each write issued after the kill and allowed
 * `WRITE_TIMEOUT_MS`, without waiting for earlier ones (a write forwarded to the dead leader hangs
 * until its timeout): the first success then comes within a few ms of the new leader serving.
 */
async function firstWrite(
  cluster: LabCluster,
  survivors: readonly string[],
  k: number,
  killMs: number,
  clock: () => number,
): Promise<number | null> {
  let found: number | null = null;
  const pending: Promise<void>[] = [];
  const cancel = new AbortController();
  for (let attempt = 0; found === null && clock() - killMs < WAIT_MS; attempt++) {
    for (const [i, name] of survivors.entries()) {
      const key = `hasim-lab/e/${k}/${i}/${attempt}`;
      pending.push(
        putKey(cluster.urlOf(name), key, '1', WRITE_TIMEOUT_MS, cancel.signal).then((r) => {
          if (r.ok) found ??= clock() - killMs;
        }),
      );
    }
    await sleep(STAGGER_MS);
  }
  // Writes still hanging were forwarded to the dead leader: they would only time out.
  cancel.abort();
  await Promise.all(pending);
  return found;
}

async function newLeader(
  cluster: LabCluster,
  survivors: readonly string[],
  oldId: string,
  killMs: number,
  clock: () => number,
  names: ReadonlyMap<string, string>,
): Promise<{ ms: number; name: string | null; term: number } | null> {
  while (clock() - killMs < WAIT_MS) {
    for (const n of survivors) {
      const s = await readStatus(cluster.urlOf(n), 500);
      if (s.ok && s.value.leader !== '0' && s.value.leader !== oldId) {
        return {
          ms: clock() - killMs,
          name: names.get(s.value.leader) ?? null,
          term: s.value.raftTerm,
        };
      }
    }
    await sleep(10);
  }
  return null;
}
