/** A LabResult as text: the setup, one row per phase (prediction beside observation), findings. */
import { fmtMs } from '../lab/format-ms.js';
import type { PhasePrediction } from '../lab/lab-predict.js';
import type { LabPhaseResult, LabResult } from '../lab/lab-result.js';
import type { PhaseSummary } from '../lab/summarize-phase.js';
import { renderTable } from './render-table.js';
import { fmtHours } from './render-simulation-text.js';
import type { TextStyle } from './text-style.js';

/** The lab result as text for people; colour only through `style`. */
export function renderLabText(r: LabResult, style: TextStyle): string {
  const spread = Object.entries(r.placement)
    .map(([z, n]) => `${z}: ${n}`)
    .join(', ');
  const critical = r.criticalZoneSets.map((s) => `{${s.join(', ')}}`).join(' ');
  const t = r.timing;
  const out = [
    style.bold(`${r.scenario}: cluster ${r.cluster} on a real etcd ${r.etcdVersion}`),
    `members ${spread} (${r.members}, quorum ${r.quorum}); zone tolerance ${r.zoneTolerance}; zone sets that break quorum: ${critical || 'none'}`,
    `isolation: ${r.isolation.mode === 'namespaces' ? 'a network namespace per zone, partitions by packet filtering' : 'loopback'}${r.isolation.note === null ? '' : ` (${r.isolation.note})`}`,
    style.dim(
      `etcd heartbeat ${t.heartbeatMs} ms, election timeout ${t.electionMs} ms; each phase held ${fmtMs(t.holdMs)}; ` +
        `probe every ${t.probeIntervalMs} ms (timeout ${t.probeTimeoutMs} ms); cluster up in ${fmtMs(r.startupMs)}`,
    ),
  ];
  if (r.phases.length > 0) {
    out.push(
      renderTable(
        ['#', 'at', 'phase', 'hasim predicts', 'etcd did', 'members at the end', ''],
        r.phases.map((p) => [
          p.id,
          p.scenarioHours === null ? '-' : fmtHours(p.scenarioHours),
          p.label,
          predictionText(p.predicted),
          p.observed === null ? '-' : observationText(p.observed),
          p.observed === null ? '-' : membersText(p.observed),
          verdict(p, style),
        ]),
        style,
      ),
    );
  }
  const problems = r.phases.flatMap((p) => [
    ...(p.skip === null ? [] : [`phase ${p.id} not compared: ${p.skip}`]),
    ...p.disagreements.map((d) => style.warning(`phase ${p.id} disagrees: ${d}`)),
  ]);
  out.push(...problems);
  if (r.elections !== null) {
    const e = r.elections;
    out.push(
      style.bold('leader elections') +
        ` (${e.kills} leader kills, heartbeat ${e.heartbeatMs} ms, election timeout ${e.electionMs} ms):`,
      `  kill → first successful write: ${e.medianMs === null ? 'never' : `median ${fmtMs(e.medianMs)}, p95 ${fmtMs(e.p95Ms ?? 0)}, min ${fmtMs(e.minMs ?? 0)}, max ${fmtMs(e.maxMs ?? 0)}`} (n = ${e.measured})`,
      `  kill → a new leader reported: ${e.newLeaderMedianMs === null ? '-' : `median ${fmtMs(e.newLeaderMedianMs)}`}`,
      `  hasim's model: 0 (not modelled); related timers: leaseDuration ${fmtMs(e.model.leaseDurationMs)}, endpointFailover (${e.model.endpointKind}) ${fmtMs(e.model.endpointFailoverMs)}`,
    );
  }
  if (r.findings.length > 0) {
    out.push(style.bold('what the model lacks (findings):'));
    for (const f of r.findings)
      out.push(`  - ${f.phase === null ? '' : `phase ${f.phase}: `}${f.message}`);
  }
  const s = r.summary;
  const line = `${s.compared} phase${s.compared === 1 ? '' : 's'} compared: ${s.agreed} agree, ${s.disagreed} disagree${s.skipped > 0 ? `; ${s.skipped} not compared` : ''}${r.interrupted ? ' (interrupted)' : ''}`;
  if (r.phases.length > 0) out.push(s.disagreed > 0 ? style.warning(line) : style.ok(line));
  return `${out.join('\n')}\n`;
}

// --- internal ---

function predictionText(p: PhasePrediction): string {
  const quorum = p.groups.length > 1 ? sideText(p) : p.quorum ? 'quorum' : 'no quorum';
  const timeline =
    p.timeline === null
      ? ''
      : p.timeline === p.quorum
        ? ''
        : ` (timeline: ${p.timeline ? 'up' : 'down'})`;
  return quorum + timeline;
}

function sideText(p: PhasePrediction): string {
  const side = p.groups.find((g) => g.hasQuorum);
  return side === undefined ? 'no side has quorum' : `quorum on {${side.zones.join(', ')}}`;
}

function observationText(o: PhaseSummary): string {
  const parts = [
    o.quorum ? 'quorum' : 'no quorum',
    `writes ${o.writes.ok}/${o.writes.ok + o.writes.failed}`,
  ];
  if (o.quorum && o.longestGapMs >= 300) parts.push(`gap ${fmtMs(o.longestGapMs)}`);
  if (o.terms[1] > o.terms[0]) parts.push(`term ${o.terms[0]}→${o.terms[1]}`);
  return parts.join(', ');
}

function membersText(o: PhaseSummary): string {
  const by = (k: string): string[] =>
    Object.entries(o.members)
      .filter(([, v]) => v === k)
      .map(([m]) => m);
  return (['ok', 'fail', 'down'] as const)
    .map((k) => [k, by(k)] as const)
    .filter(([, ms]) => ms.length > 0)
    .map(([k, ms]) => `${k}: ${ms.join(' ')}`)
    .join('; ');
}

function verdict(p: LabPhaseResult, style: TextStyle): string {
  if (p.recovery && p.skip === null) return style.dim('recovery');
  if (p.agree === null) return style.dim('skip');
  return p.agree ? style.ok('agree') : style.warning('DISAGREE');
}
