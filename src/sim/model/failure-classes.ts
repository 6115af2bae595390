/**
 * The causes an outage is attributed to: the failure classes of model.md (scenario `failures:`
 * keys), plus `event` for a scenario's scripted events. Numbered for the simulator's typed arrays.
 */

export const CAUSES = [
  'master',
  'etcd',
  'worker',
  'disk',
  'zone',
  'region',
  'regionImpairment',
  'partition',
  'process',
  'loadBalancer',
  'operatorError',
  'maintenance',
  'event',
] as const;

export type Cause = (typeof CAUSES)[number];

export const CAUSE = Object.fromEntries(CAUSES.map((c, i) => [c, i])) as Record<Cause, number>;

export const CAUSE_COUNT = CAUSES.length;
