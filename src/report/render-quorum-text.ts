/** `hasim quorum` for people: the figures of one placement, warnings and alternatives. */
import type { QuorumReport } from '../quorum/quorum-report.js';
import { renderTable } from './render-table.js';
import type { TextStyle } from './text-style.js';

/** Renders a quorum report as text (ends with a newline). */
export function renderQuorumText(report: QuorumReport, style: TextStyle): string {
  const lines: string[] = [];
  const zones = report.zones;
  const where =
    zones === null
      ? ' (no --zones given: zone tolerance unknown)'
      : ` over ${Object.keys(zones).length} zone${Object.keys(zones).length === 1 ? '' : 's'} (${Object.entries(
          zones,
        )
          .map(([z, n]) => `${z}=${n}`)
          .join(', ')})`;
  lines.push(style.bold(`${report.members} etcd member${report.members === 1 ? '' : 's'}${where}`));
  const row = (label: string, value: string): void => {
    lines.push(`  ${label.padEnd(20)}${value}`);
  };
  row('quorum (majority)', String(report.quorum));
  row('tolerates', failures(report.tolerance, 'member failure'));
  if (report.zoneTolerance !== null) {
    row('zone tolerance', failures(report.zoneTolerance, 'zone loss', 'zone losses'));
  }
  if (report.criticalZoneSets !== null) {
    const listed = report.criticalZoneSets.map((s) => `{${s.join(',')}}`).join(' ');
    const more =
      (report.criticalZoneSetCount ?? 0) > report.criticalZoneSets.length
        ? ` … (${report.criticalZoneSetCount} in all)`
        : '';
    row('quorum lost with', `${listed}${more}`);
  }
  if (report.partitions !== null) {
    const stuck = report.partitions.filter((p) => p.quorumSide === null);
    row(
      'partitions',
      stuck.length === 0
        ? 'every split into two sides leaves one side with quorum'
        : `no side keeps quorum when split ${stuck.map((p) => p.sides.map((s) => `{${s.domains.join(',')}}`).join(' | ')).join('; ')}`,
    );
  }
  if (report.warnings.length > 0) {
    lines.push('', style.bold('Warnings'));
    for (const w of report.warnings) lines.push(`  ${style.warning('⚠')} ${w.message}`);
  }
  lines.push('', style.bold('Alternatives'));
  lines.push(
    renderTable(
      ['members', 'zones', 'quorum', 'tolerates', 'zone tolerance', ''],
      report.alternatives.map((a) => [
        a.members,
        a.zones === null ? '?' : a.zones.join(','),
        a.quorum,
        a.tolerance,
        a.zoneTolerance ?? '?',
        a.note,
      ]),
      style,
      ['right', 'left', 'right', 'right', 'right', 'left'],
    ),
  );
  return `${lines.join('\n')}\n`;
}

// --- internal ---

function failures(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
