/**
 * Prediction beside observation: each phase's summary compared with what hasim's engines said,
 * the disagreements in words, the election gaps, and the findings, as a `LabResult`.
 */
import type { Topology } from '../model/topology.js';
import { computeDomainTolerance } from '../quorum/domain-tolerance.js';
import { majority } from '../quorum/majority.js';
import type { LabSetup } from './build-lab-plan.js';
import { summarizeElections } from './election-stats.js';
import { findFindings } from './lab-findings.js';
import { countByZone } from './lab-members.js';
import type { LabObservation, PhaseObservation } from './lab-observation.js';
import { fmtMs } from './format-ms.js';
import type { LabMember, LabPhase } from './lab-plan.js';
import type { PhasePrediction } from './lab-predict.js';
import type { LabExperiment, LabPhaseResult, LabResult } from './lab-result.js';
import { summarizePhase, type PhaseSummary } from './summarize-phase.js';

/** Compares every phase's prediction with its observation and assembles the `LabResult`. */
export function buildLabResult(
  topology: Topology,
  setup: LabSetup,
  observation: LabObservation,
  experiments: readonly LabExperiment[],
): LabResult {
  const { plan, predictions } = setup;
  const names = plan.members.map((m) => m.name);
  const placement = countByZone(plan.members);
  const tolerance = computeDomainTolerance(placement);
  // After an action failed, the cluster is not in the state the rest of that experiment assumes.
  const brokenBy = new Map<string, number>();
  const phases = plan.phases.map((phase, i): LabPhaseResult => {
    const predicted = predictions[i] ?? { timeline: null, groups: [], quorum: true, members: {} };
    const obs = observation.phases.find((o) => o.id === phase.id);
    const observed =
      obs === undefined ? null : summarizePhase(obs, names, plan.timing, !phase.recovery);
    const skip = skipReason(phase, obs, brokenBy.get(phase.origin));
    if (obs?.failed != null && !brokenBy.has(phase.origin)) brokenBy.set(phase.origin, phase.id);
    const disagreements =
      skip === null && !phase.recovery && observed !== null
        ? compare(predicted, observed, plan.members)
        : [];
    return {
      id: phase.id,
      origin: phase.origin,
      label: phase.label,
      scenarioHours: phase.scenarioHours,
      predicted,
      observed,
      skip,
      notes: obs?.notes ?? [],
      recovery: phase.recovery,
      agree: skip === null && !phase.recovery ? disagreements.length === 0 : null,
      disagreements,
    };
  });
  const elections =
    plan.leaderKills > 0
      ? summarizeElections(
          observation.elections,
          plan.timing,
          topology.timers,
          topology.clusters.find((c) => c.name === plan.cluster)?.endpoint.kind ?? 'cloud',
        )
      : null;
  const compared = phases.filter((p) => p.agree !== null);
  const tests = phases.filter((p) => !p.recovery);
  const agreed = compared.filter((p) => p.agree === true).length;
  return {
    version: 1,
    kind: 'lab',
    scenario: plan.scenario,
    cluster: plan.cluster,
    etcdVersion: observation.etcdVersion,
    isolation: observation.isolation,
    experiments: [...experiments],
    placement,
    members: names.length,
    quorum: majority(names.length),
    zoneTolerance: tolerance.domainTolerance,
    criticalZoneSets: tolerance.criticalSets,
    timing: plan.timing,
    startupMs: observation.startupMs,
    phases,
    elections,
    findings: findFindings(plan, phases, observation, elections),
    summary: {
      compared: compared.length,
      agreed,
      disagreed: compared.length - agreed,
      skipped: tests.length - compared.length,
    },
    interrupted: observation.interrupted,
  };
}

// --- internal ---

function skipReason(
  phase: LabPhase,
  obs: PhaseObservation | undefined,
  brokenBy: number | undefined,
): string | null {
  if (phase.skip !== null) return phase.skip;
  if (obs === undefined) return 'not run: the lab stopped before this phase';
  if (obs.failed !== null) return obs.failed;
  if (obs.unapplied !== null) return obs.unapplied;
  return brokenBy === undefined ? null : `an action of phase ${brokenBy} failed before it`;
}

function compare(
  predicted: PhasePrediction,
  observed: PhaseSummary,
  members: readonly LabMember[],
): string[] {
  const said = (q: boolean): string => (q ? 'quorum' : 'no quorum');
  const seen = `observed ${said(observed.quorum)} in the last ${fmtMs(observed.windowMs)}`;
  const out: string[] = [];
  if (predicted.timeline !== null && predicted.timeline !== observed.quorum) {
    out.push(`simulate --timeline: etcdQuorum ${predicted.timeline ? 'up' : 'down'}; ${seen}`);
  }
  if (predicted.quorum !== observed.quorum) out.push(`quorum: ${said(predicted.quorum)}; ${seen}`);
  // Sides of a partition: the majority side must serve, the others must not (that is safety).
  if (predicted.groups.length > 1) {
    for (const g of predicted.groups) {
      const side = `{${g.zones.join(', ')}}`;
      const serving = members
        .filter((m) => g.zones.includes(m.zone) && observed.members[m.name] === 'ok')
        .map((m) => m.name);
      if (g.hasQuorum && serving.length === 0) {
        out.push(
          `no member of ${side} (a majority) served a write in the last ${fmtMs(observed.windowMs)}`,
        );
      }
      if (!g.hasQuorum && serving.length > 0) {
        out.push(
          `${serving.join(', ')} served linearizable writes though ${side} holds no majority`,
        );
      }
    }
  }
  for (const m of members) {
    const [expected, got] = [predicted.members[m.name], observed.members[m.name]];
    if (got === 'down' && expected !== 'down') {
      out.push(`${m.name} is not running (it exited by itself: see its etcd.log)`);
    } else if (expected === 'down' && got !== 'down') {
      out.push(`${m.name} should be down but runs`);
    }
  }
  if (out.length > 0 && !observed.quorum && observed.terms[1] > observed.terms[0]) {
    out.push(
      `etcd was still electing at the end (raft term ${observed.terms[0]} → ${observed.terms[1]}): a longer --hold may show it settle`,
    );
  }
  return out;
}
