/**
 * The probe: through every member, every `probeIntervalMs` (whether or not earlier rounds have
 * finished, so a hung request does not delay the next), a linearizable write of a fresh key
 * (`hasim-lab/w/<seq>`) followed by a linearizable read of it, the round failing after
 * `probeTimeoutMs`; and every `statusIntervalMs` each member's status (its leader, its raft
 * term), recorded when it changes. Members that do not run are probed too: they refuse.
 */
import type { LabTiming } from '../lab/lab-plan.js';
import type { ProbeSample, StatusSample } from '../lab/lab-observation.js';
import { sleep } from './abortable-sleep.js';
import { getKey, putKey, readStatus } from './etcd-http.js';

export interface ProbeTarget {
  name: string;
  clientUrl: string;
}

/** A probe sample plus whether the write itself was acknowledged (for lost-write counts). */
export interface ProbeRecord extends ProbeSample {
  written: boolean;
}

/** The probe of one run: start it once the cluster is up, stop it before killing everything. */
export class Probe {
  readonly samples: ProbeRecord[] = [];
  readonly statuses: StatusSample[] = [];
  /** Member id (decimal string) → member name, learnt from each member's status header. */
  readonly names = new Map<string, string>();
  private seq = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly last = new Map<string, StatusSample>();

  constructor(
    private readonly targets: () => readonly ProbeTarget[],
    private readonly timing: LabTiming,
    private readonly clock: () => number,
  ) {}

  start(): void {
    for (const { name } of this.targets()) {
      this.loops.push(this.probeLoop(name), this.statusLoop(name));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  /** The highest raft term and the latest leader any member reported. */
  latest(): { leader: string | null; term: number } {
    let best: StatusSample | null = null;
    for (const s of this.last.values()) {
      if (best === null || s.term > best.term || (s.term === best.term && s.atMs > best.atMs))
        best = s;
    }
    return { leader: best?.leader ?? null, term: best?.term ?? 0 };
  }

  // --- internal ---

  private url(name: string): string | null {
    return this.targets().find((t) => t.name === name)?.clientUrl ?? null;
  }

  /** Issues a probe round every interval whether or not earlier ones have finished. */
  private async probeLoop(name: string): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let next = this.clock();
    while (!this.stopped) {
      const round = this.round(name);
      inFlight.add(round);
      void round.then(() => inFlight.delete(round));
      next += this.timing.probeIntervalMs;
      await sleep(Math.max(0, next - this.clock()));
    }
    await Promise.all(inFlight);
  }

  private async round(name: string): Promise<void> {
    const url = this.url(name);
    if (url === null) return;
    const { probeTimeoutMs } = this.timing;
    const issuedMs = this.clock();
    const seq = ++this.seq;
    const key = `hasim-lab/w/${seq}`;
    const put = await putKey(url, key, String(seq), probeTimeoutMs);
    const left = Math.max(1, probeTimeoutMs - (this.clock() - issuedMs));
    const read = put.ok ? await getKey(url, key, left) : put;
    const ok = read.ok && read.value === String(seq);
    this.samples.push({
      member: name,
      issuedMs,
      doneMs: this.clock(),
      ok,
      error: ok ? null : read.ok ? 'read a stale value' : read.error,
      seq,
      written: put.ok,
    });
  }

  private async statusLoop(name: string): Promise<void> {
    while (!this.stopped) {
      const started = this.clock();
      const url = this.url(name);
      const r = url === null ? null : await readStatus(url, this.timing.probeTimeoutMs);
      if (r?.ok === true) {
        this.names.set(r.value.memberId, name);
        const leader = r.value.leader === '0' ? null : (this.names.get(r.value.leader) ?? null);
        const prev = this.last.get(name);
        if (prev === undefined || prev.leader !== leader || prev.term !== r.value.raftTerm) {
          const s = { member: name, atMs: this.clock(), leader, term: r.value.raftTerm };
          this.statuses.push(s);
          this.last.set(name, s);
        }
      }
      await sleep(Math.max(0, started + this.timing.statusIntervalMs - this.clock()));
    }
  }
}
