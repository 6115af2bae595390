import { describe, expect, it } from 'vitest';
import { SELF_MANAGED_REPAIR } from '../../../src/model/defaults.js';
import { formatPath, type Issue } from '../../../src/model/issue.js';
import { validateScenario } from '../../../src/model/validate.js';

function base(): Record<string, unknown> {
  return {
    version: 1,
    name: 'prod',
    regions: [{ name: 'eu-west', zones: ['a', 'b', 'c'] }],
    clusters: [
      {
        name: 'prod',
        region: 'eu-west',
        masters: { a: 1, b: 1, c: 1 },
        workers: { a: 2, b: 2, c: 2 },
      },
    ],
  };
}

function issuesOf(input: unknown): { errors: string[]; warnings: string[] } {
  const r = validateScenario(input);
  const fmt = (i: Issue): string => `${formatPath(i.path)}: ${i.message}`;
  return { errors: r.ok ? [] : r.errors.map(fmt), warnings: r.warnings.map(fmt) };
}

function withCluster(patch: Record<string, unknown>): Record<string, unknown> {
  const file = base();
  const [cluster] = file['clusters'] as Record<string, unknown>[];
  return { ...file, clusters: [{ ...cluster, ...patch }] };
}

describe('validateScenario', () => {
  it('accepts the minimal three-zone file and fills in the defaults', () => {
    const r = validateScenario(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [cluster] = r.topology.clusters;
    expect(cluster?.etcd.placement).toBe('stacked');
    expect(cluster?.counts).toEqual({ masters: 3, etcdMembers: 3, workers: 6, quorum: 2 });
    expect(cluster?.workersNeeded).toBe(6);
    expect(cluster?.endpoint).toEqual({ kind: 'cloud', zone: null, hostZones: [] });
    expect(cluster?.placement).toBe('spread');
    // model.md §2 defaults
    expect(r.topology.failures.zone.perYear).toBe(0.02);
    // A master fails like any node but is repaired by replacing it (its own default repair).
    expect(r.topology.failures.master).toEqual({
      perYear: r.topology.failures.node.perYear,
      repair: SELF_MANAGED_REPAIR,
    });
    expect(r.topology.failures.maintenance.graceful).toBe(true);
    expect(r.topology.timers.nodeMonitorGraceHours * 3600).toBeCloseTo(50, 9);
    expect(r.topology.simulation.horizonHours).toBe(8760);
  });

  it('lets masters follow a written node repair, and keeps a pair of keepalived zones', () => {
    const r = validateScenario({
      ...withCluster({ endpoint: { kind: 'keepalived', zones: ['a', 'b'] } }),
      failures: { node: { repair: { mean: '2h' } } },
    });
    expect(r.ok && r.topology.failures.master.repair).toEqual({
      kind: 'exponential',
      meanHours: 2,
    });
    expect(r.ok && r.topology.clusters[0]?.endpoint).toEqual({
      kind: 'keepalived',
      zone: 'a',
      hostZones: ['a', 'b'],
    });
  });

  it('rejects bad-change shares that add up to more than 1, defaults included', () => {
    const file = { ...base(), failures: { operatorError: { apiDownShare: 0.9 } } };
    expect(issuesOf(file).errors).toEqual([
      'failures.operatorError.apiDownShare: the shares of bad changes add up to 1.35 (apiDownShare 0.9 + restoreShare 0.05 + dataPlaneShare 0.4, defaults included); they must add up to at most 1',
    ]);
  });

  it('lets a role override inherit what it does not set from node', () => {
    const r = validateScenario({
      ...base(),
      failures: { node: { perYear: 0.5 }, etcd: { repair: { mean: '4h' } } },
    });
    expect(r.ok && r.topology.failures.etcd).toEqual({
      perYear: 0.5,
      repair: { kind: 'exponential', meanHours: 4 },
    });
  });

  it('reads mttf as a rate: 1y is one failure a year', () => {
    const r = validateScenario({ ...base(), failures: { etcd: { mttf: '1y' } } });
    expect(r.ok && r.topology.failures.etcd.perYear).toBe(1);
  });

  it('uses the cloud-volume disk rate when storage is cloud (EBS AFR 0.1–0.2 %)', () => {
    const r = validateScenario({ ...base(), failures: { disk: { storage: 'cloud' } } });
    expect(r.ok && r.topology.failures.disk.perYear).toBe(0.0015);
  });

  it('names an unknown zone, a mistyped key and a negative rate in one pass', () => {
    const file = withCluster({ masters: { a: 1, d: 1 }, mastrs: 3 });
    file['failures'] = { node: { perYear: -1 } };
    expect(issuesOf(file).errors).toEqual([
      'clusters[0].mastrs: unknown key "mastrs"; did you mean "masters"?',
      'failures.node.perYear: a rate must be ≥ 0 per year (0 switches the class off)',
      'clusters[0].masters.d: zone "d" is not a zone of region eu-west (zones: a, b, c)',
    ]);
  });

  it.each([
    {
      name: 'an undefined region',
      patch: { region: 'mars' },
      error: 'clusters[0].region: region "mars" is not defined (regions: eu-west)',
    },
    {
      name: 'no masters',
      patch: { masters: { a: 0 } },
      error: 'clusters[0].masters: a cluster needs at least one master',
    },
    {
      name: 'zero etcd members',
      patch: { etcd: { a: 0 } },
      error: 'clusters[0].etcd: etcd needs at least one member',
    },
    {
      name: 'workersNeeded above the workers placed',
      patch: { workersNeeded: 7 },
      error: 'clusters[0].workersNeeded: workersNeeded is 7 but only 6 workers are placed',
    },
    {
      name: 'a pinned master in a zone without masters',
      patch: { masters: { a: 1, b: 1 }, endpoint: { kind: 'single-master', zone: 'c' } },
      error: 'clusters[0].endpoint.zone: no master is placed in zone "c"',
    },
  ])('rejects $name', ({ patch, error }) => {
    expect(issuesOf(withCluster(patch)).errors).toEqual([error]);
  });

  it('rejects duplicate names', () => {
    const file = base();
    file['clusters'] = [...(file['clusters'] as unknown[]), ...(file['clusters'] as unknown[])];
    file['regions'] = [{ name: 'eu-west', zones: ['a', 'b', 'c', 'a'] }];
    expect(issuesOf(file).errors).toEqual([
      'clusters[1].name: duplicate cluster name "prod" (first at index 0)',
      'regions[0].zones[3]: duplicate zone in region eu-west "a" (first at index 0)',
    ]);
  });

  it('rejects events past the horizon and targets that do not exist', () => {
    const file = {
      ...base(),
      simulation: { horizon: '30d' },
      events: [
        { at: '31d', fail: 'zone eu-west/b', for: '1h' },
        { at: '1h', fail: 'zone eu-west/z' },
        { at: '1h', fail: 'worker prod/a' },
        { at: '1h', fail: 'etcd prod/a' },
        { at: '1h', partition: [['eu-west/a'], ['eu-west/a']] },
        { at: '1h', operatorError: { clusters: ['nope'] } },
        { at: '1h', fail: 'rack 7' },
      ],
    };
    expect(issuesOf(file).errors).toEqual([
      'events[0].at: the event at 31d is past the horizon (30d)',
      'events[1].fail: zone "z" is not a zone of region eu-west',
      'events[3].fail: cluster prod has no etcd in zone a (its etcd is stacked: fail a master)',
      'events[4].partition[1][0]: zone eu-west/a is on both sides',
      'events[5].operatorError.clusters: cluster "nope" is not defined',
      'events[6].fail: expected "zone <region>/<zone>", "region <region>" (a blackout), "impairment <region>", "master|etcd|worker <cluster>/<zone>" or "endpoint <cluster>"',
    ]);
  });

  it.each([
    {
      name: 'an even etcd size',
      patch: { masters: { a: 2, b: 2 } },
      warning: 'clusters[0].masters: 4 etcd members tolerate no more failures than 3',
    },
    {
      name: 'etcd over exactly two zones',
      patch: { masters: { a: 2, b: 1 } },
      warning:
        'clusters[0].masters: etcd spread over exactly two zones: losing the larger zone loses quorum',
    },
    {
      name: 'more than 7 members',
      patch: { etcd: { a: 3, b: 3, c: 3 } },
      warning: 'clusters[0].etcd: 9 etcd members: beyond 7, writes slow down (etcd FAQ)',
    },
    {
      name: 'a single master',
      patch: { masters: { a: 1 }, etcd: { a: 1, b: 1, c: 1 } },
      warning:
        'clusters[0].masters: a single master: any master failure takes the control plane down',
    },
    {
      name: 'a single-master endpoint',
      patch: { endpoint: 'single-master' },
      warning:
        'clusters[0].endpoint: clients pin one master: the other 2 add no API availability (a single point of failure)',
    },
  ])('warns about $name but accepts it', ({ patch, warning }) => {
    const r = validateScenario(withCluster(patch));
    expect(r.ok).toBe(true);
    expect(issuesOf(withCluster(patch)).warnings).toContain(warning);
  });

  it('accepts a bare 0 as a duration: the way to switch a timer off', () => {
    const r = validateScenario({ ...base(), timers: { leaseDuration: 0, podEviction: '0' } });
    expect(r.ok && r.topology.timers.leaseDurationHours).toBe(0);
    expect(r.ok && r.topology.timers.podEvictionHours).toBe(0);
  });

  it('rejects a zero horizon and a zero mttf', () => {
    const file = { ...base(), simulation: { horizon: 0 }, failures: { zone: { mttf: '0' } } };
    expect(issuesOf(file).errors).toEqual([
      'failures.zone.mttf: an mttf must be longer than 0 (perYear: 0 switches the class off)',
      'simulation.horizon: the horizon must be longer than 0',
    ]);
  });

  it('explains a repair with no distribution, or with two', () => {
    const file = {
      ...base(),
      failures: { zone: { repair: {} }, region: { repair: { mean: '1h', fixed: '2h' } } },
    };
    expect(issuesOf(file).errors).toEqual([
      'failures.zone.repair: expected one of mean (exponential), median with optional p90 (lognormal), fixed or weibull',
      'failures.region.repair: give one repair distribution, not mean and fixed',
    ]);
  });
});
