/**
 * A short label of a scenario event for a timeline's cause column: `events[2]: zone eu-west/b
 * for 4h`. Names what the event does in the scenario's own words.
 */
import type { FailTarget, ScenarioEvent } from '../../model/topology.js';
import { formatDuration } from '../../model/units.js';

/** `events[i]: <what> [for <duration>]`. */
export function eventLabel(e: ScenarioEvent, index: number): string {
  return `events[${index}]: ${describe(e)}`;
}

// --- internal ---

function describe(e: ScenarioEvent): string {
  const span = (hours: number): string => `for ${formatDuration(hours)}`;
  switch (e.kind) {
    case 'fail':
      return `${target(e.target)} ${span(e.forHours)}`;
    case 'partition': {
      const side = (refs: { region: string; zone: string }[]): string =>
        refs.map((z) => `${z.region}/${z.zone}`).join(', ');
      return `partition ${side(e.sides[0])} | ${side(e.sides[1])} ${span(e.forHours)}`;
    }
    case 'operatorError':
      return `bad change (${e.effect}) on ${clusterList(e.clusters)} ${span(e.forHours)}`;
    case 'maintenance':
      return `maintenance of ${clusterList(e.clusters)}`;
  }
}

function target(t: FailTarget): string {
  switch (t.kind) {
    case 'zone':
      return `zone ${t.region}/${t.zone}`;
    case 'region':
      return `region ${t.region}`;
    case 'impairment':
      return `impairment ${t.region}`;
    case 'node':
      return `${t.role} ${t.cluster}/${t.zone}`;
    case 'endpoint':
      return `endpoint ${t.cluster}`;
  }
}

function clusterList(clusters: string[]): string {
  return clusters.length <= 3 ? clusters.join(', ') : `${clusters.length} clusters`;
}
