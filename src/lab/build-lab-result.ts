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
import { startedIn, type LabPhase } from './lab-plan.js';
import type { PhasePrediction } from './lab-predict.js';
import type { LabExperiment, LabPhaseResult, LabResult } from './lab-result.js';
import { summarizePhase, type PhaseSummary } from './summarize-phase.js';

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
    const observed = obs === undefined ? null : summarizePhase(obs, names, plan.timing);
    const skip = skipReason(phase, obs, brokenBy.get(phase.origin));
    if (obs?.failed != null && !brokenBy.has(phase.origin)) brokenBy.set(phase.origin, phase.id);
    const disagreements =
      skip === null && observed !== null && obs !== undefined
        ? compare(predicted, observed, phase, obs)
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
      agree: skip === null ? disagreements.length === 0 : null,
      disagreements,
    };
  });
  const elections =
    plan.leaderKills > 0
      ? summarizeElections(observation.elections, plan.timing, topology.timers)
      : null;
  const compared = phases.filter((p) => p.agree !== null);
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
      skipped: phases.length - compared.length,
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
  phase: LabPhase,
  obs: PhaseObservation,
): string[] {
  const said = (q: boolean): string => (q ? 'quorum' : 'no quorum');
  const seen = `observed ${said(observed.quorum)} in the last ${fmtMs(observed.windowMs)}`;
  const out: string[] = [];
  if (predicted.timeline !== null && predicted.timeline !== observed.quorum) {
    out.push(`simulate --timeline: etcdQuorum ${predicted.timeline ? 'up' : 'down'}; ${seen}`);
  }
  if (predicted.quorum !== observed.quorum) out.push(`quorum: ${said(predicted.quorum)}; ${seen}`);
  const started = startedIn(phase, Object.keys(predicted.members));
  for (const [member, expected] of Object.entries(predicted.members)) {
    const got = observed.members[member];
    if (got === expected || got === undefined) continue;
    if (expected === 'fail' && got === 'ok') {
      out.push(`${member} served linearizable writes though its side has no quorum`);
    } else if (expected === 'ok' && got === 'fail' && !started.includes(member)) {
      out.push(
        `${member} (on the quorum side) served no write in the last ${fmtMs(observed.windowMs)}`,
      );
    } else if (got === 'down' && expected !== 'down') {
      out.push(`${member} is not running (it exited by itself: see its etcd.log)`);
    } else if (expected === 'down' && got !== 'down') {
      out.push(`${member} should be down but runs`);
    }
  }
  if (
    out.length > 0 &&
    obs.running.length > 0 &&
    observed.firstWriteMs === null &&
    started.length > 0
  ) {
    out.push(`no write at all within the hold after restarting members: try a longer --hold`);
  }
  return out;
}
