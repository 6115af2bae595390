/**
 * Rules on the normalized topology, for what needs defaults filled in: a maintenance pass must
 * fit in the time between passes, or passes fall behind for ever (docs/model.md, Maintenance).
 */
import { error, type Issue } from './issue.js';
import type { Topology } from './topology.js';
import { formatDuration, HOURS_PER_YEAR } from './units.js';

export function checkTopologyRules(t: Topology): Issue[] {
  const m = t.failures.maintenance;
  if (!(m.passesPerYear > 0) || !(m.perMasterHours > 0)) return [];
  const masters = Math.max(0, ...t.clusters.map((c) => c.counts.masters));
  const busy = m.passesPerYear * masters * m.perMasterHours;
  if (busy < HOURS_PER_YEAR) return [];
  return [
    error(
      ['failures', 'maintenance', 'passesPerYear'],
      `${m.passesPerYear} passes a year of ${masters} masters × ${formatDuration(m.perMasterHours)} each take ${Math.round(busy)} h a year: passes must fit in a year (8760 h), or they fall behind for ever`,
    ),
  ];
}
