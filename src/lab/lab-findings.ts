/**
 * What the model lacks, read off the observations: write gaps where hasim (timers at 0) predicts
 * none — a leader lost, a graceful hand-over, an election forced by a member rejoining, a member
 * replacement — how long quorum took to come back, writes lost by a restore, members slow to
 * catch up, and the measured election gap next to the model's timers.
 */
import type { ElectionGaps } from './election-stats.js';
import type { LabObservation } from './lab-observation.js';
import { fmtMs } from './format-ms.js';
import { startedIn, type LabPhase, type LabPlan } from './lab-plan.js';
import type { LabFinding, LabPhaseResult } from './lab-result.js';

/** The findings of a run: gaps and effects hasim's model (timers at 0) does not predict. */
export function findFindings(
  plan: LabPlan,
  phases: readonly LabPhaseResult[],
  observation: LabObservation,
  elections: ElectionGaps | null,
): LabFinding[] {
  const found: LabFinding[] = [];
  const gapThreshold = 3 * plan.timing.probeIntervalMs;
  const names = plan.members.map((m) => m.name);
  phases.forEach((r, i) => {
    const phase = plan.phases[i];
    const obs = observation.phases.find((o) => o.id === r.id);
    const seen = r.observed;
    if (phase === undefined || obs === undefined || seen === null || obs.failed !== null) return;
    const add = (kind: LabFinding['kind'], message: string): void => {
      found.push({ kind, phase: r.id, message });
    };
    const gap = fmtMs(seen.longestGapMs);
    const terms = `raft term ${seen.terms[0]} → ${seen.terms[1]}`;
    if (r.predicted.timeline !== null && r.predicted.timeline !== r.predicted.quorum) {
      add('engines-disagree', `simulate --timeline and quorum predict differently here`);
    }
    const keptThroughout =
      r.predicted.quorum && seen.quorum && (i === 0 || phases[i - 1]?.predicted.quorum === true);
    const killed = membersOf(phase, 'kill', 'wipe');
    const stopped = membersOf(phase, 'stop');
    const leader = obs.leaderAtStart;
    const cutOff = leader !== null && r.predicted.members[leader] === 'fail';
    if (
      keptThroughout &&
      leader !== null &&
      (killed.includes(leader) || cutOff) &&
      seen.longestGapMs >= gapThreshold
    ) {
      add(
        'election-gap',
        `the leader ${leader} was ${cutOff ? 'cut off from the majority' : 'lost'}: no write succeeded for ${gap} (${terms}) until a new leader was elected; hasim assumes 0 s (no etcd election timer)`,
      );
    } else if (keptThroughout && leader !== null && stopped.includes(leader)) {
      add(
        'graceful-handover',
        `the leader ${leader} was stopped gracefully (SIGTERM): etcd handed leadership over; longest write gap ${gap} (${terms})`,
      );
    } else if (keptThroughout && seen.longestGapMs >= gapThreshold) {
      const rose = seen.terms[1] > seen.terms[0] ? ` (${terms})` : '';
      if (healed(phase, plan.phases[i - 1])) {
        add(
          'rejoin-election',
          `healing the partition stopped writes for ${gap}${rose}: etcd ${observation.etcdVersion} runs without --pre-vote by default, so a member that campaigned alone comes back with a higher term and forces an election; hasim predicts no effect`,
        );
      } else if (phase.actions.some((a) => a.kind === 'start')) {
        add(
          'rejoin-election',
          `restarting members stopped writes for ${gap}${rose}; hasim predicts no effect`,
        );
      }
    }
    if (phase.actions.some((a) => a.kind === 'replace')) {
      add(
        'replacement',
        `member remove + member add + fresh start (${obs.notes.join('; ')}): ${seen.quorum ? 'quorum at the end' : 'no quorum at the end'}, longest write gap ${gap} (${terms})`,
      );
    }
    const previous = phases[i - 1];
    const back = seen.firstWriteMs ?? obs.healthyMs;
    if (r.predicted.quorum && previous?.predicted.quorum === false && back !== null) {
      add(
        'regain-time',
        `quorum came back ${fmtMs(back)} after the phase began; hasim (timers at 0) predicts at once`,
      );
    }
    const tried = phase.actions.find((a) => a.kind === 'try-remove');
    if (tried !== undefined && !seen.quorum) {
      add(
        'restore-needed',
        `a majority of data dirs lost: ${obs.notes.join('; ')}; no member can be replaced without quorum, only a restore from a snapshot brings it back`,
      );
    }
    if (obs.lostWrites !== null) {
      const l = obs.lostWrites;
      const span =
        l.lastLostMs === null || l.snapshotMs < 0
          ? ''
          : `, acknowledged over the ${fmtMs(l.lastLostMs - l.snapshotMs)} after the snapshot`;
      add(
        'data-lost',
        `the restore lost ${l.lost} of ${l.acknowledged} acknowledged writes${span}; hasim counts the writes since the last snapshot as lost (backup.interval)`,
      );
    }
    const started = startedIn(phase, names);
    // A recovery ends as soon as every member served, before the probe's last rounds are back.
    for (const m of phase.recovery ? [] : names) {
      if (r.predicted.members[m] === 'ok' && seen.members[m] === 'fail') {
        add(
          'slow-member',
          `${m}${started.includes(m) ? ' was started but' : ', on the majority side,'} served no write in the last ${fmtMs(seen.windowMs)} of the phase`,
        );
      }
    }
  });
  if (elections !== null && elections.medianMs !== null) {
    found.push({
      kind: 'election-gap',
      phase: null,
      message:
        `over ${elections.measured} leader kills (heartbeat ${elections.heartbeatMs} ms, election timeout ${elections.electionMs} ms) ` +
        `the first write succeeded a median ${fmtMs(elections.medianMs)} (p95 ${fmtMs(elections.p95Ms ?? 0)}) after the kill; ` +
        `hasim's model has no etcd election timer (0 s); next to it: leaseDuration ${fmtMs(elections.model.leaseDurationMs)}, endpointFailover (${elections.model.endpointKind}) ${fmtMs(elections.model.endpointFailoverMs)}`,
    });
  }
  return found;
}

// --- internal ---

function membersOf(phase: LabPhase, ...kinds: ('kill' | 'wipe' | 'stop')[]): string[] {
  return phase.actions.flatMap((a) =>
    (kinds as string[]).includes(a.kind) && 'members' in a ? a.members : [],
  );
}

/** Whether this phase heals zone links the previous one had cut. */
function healed(phase: LabPhase, previous: LabPhase | undefined): boolean {
  return (previous?.state.cut.length ?? 0) > phase.state.cut.length;
}
