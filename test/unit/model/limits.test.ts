/**
 * Issue 10, item 5: every value an engine cannot use is a validation error at its path, and the
 * bounds themselves are accepted (src/model/limits.ts, docs/limits.md).
 */
import { describe, expect, it } from 'vitest';
import { KUBERNETES_LIMITS } from '../../../src/quorum/cluster-split.js';
import { LIMITS } from '../../../src/model/limits.js';
import { validateScenario } from '../../../src/model/validate.js';

const base = (): Record<string, unknown> => ({
  version: 1,
  name: 't',
  regions: [{ name: 'r', zones: ['a', 'b', 'c'] }],
  clusters: [
    {
      name: 'c',
      region: 'r',
      masters: { a: 1, b: 1, c: 1 },
      workers: { a: 2, b: 2, c: 2 },
      workersNeeded: 4,
    },
  ],
});

function errorsOf(patch: Record<string, unknown>): string[] {
  const r = validateScenario({ ...base(), ...patch });
  return r.ok ? [] : r.errors.map((e) => `${e.path.join('.')}: ${e.message}`);
}

const failures = (f: Record<string, unknown>): Record<string, unknown> => ({ failures: f });

describe('values the engines cannot use', () => {
  it.each([
    [
      'a zero zone repair',
      failures({ zone: { repair: { median: 0 } } }),
      'failures.zone.repair.median',
    ],
    [
      'a zero node repair',
      failures({ node: { repair: { mean: 0 } } }),
      'failures.node.repair.mean',
    ],
    [
      'a repair below 1 s',
      failures({ node: { repair: { fixed: '500ms' } } }),
      'failures.node.repair.fixed',
    ],
    [
      'a repair over 100 y',
      failures({ node: { repair: { fixed: '101y' } } }),
      'failures.node.repair.fixed',
    ],
    ['a zero restore', { backup: { restore: { median: 0 } } }, 'backup.restore.median'],
    [
      'Weibull shape 1e-300',
      failures({ node: { repair: { weibull: { shape: 1e-300, scale: '4h' } } } }),
      'failures.node.repair.weibull.shape',
    ],
    [
      'Weibull shape 21',
      failures({ node: { repair: { weibull: { shape: 21, scale: '4h' } } } }),
      'failures.node.repair.weibull.shape',
    ],
    [
      'a zero Weibull scale',
      failures({ node: { repair: { weibull: { shape: 2, scale: 0 } } } }),
      'failures.node.repair.weibull.scale',
    ],
    [
      'p90 below the median',
      failures({ etcd: { repair: { median: '4h', p90: '1h' } } }),
      'failures.etcd.repair.p90',
    ],
    ['a rate of 1e9 a year', failures({ node: { perYear: 1e9 } }), 'failures.node.perYear'],
    ['a subnormal rate', failures({ disk: { perYear: 4e-323 } }), 'failures.disk.perYear'],
    ['an mttf of 1 s', failures({ zone: { mttf: '1s' } }), 'failures.zone.mttf'],
    ['an mttf of 1e20 y', failures({ zone: { mttf: '1e20y' } }), 'failures.zone.mttf'],
    [
      'a subnormal bad-change rate',
      failures({ operatorError: { changesPerYear: 1, badChangeProbability: 1e-320 } }),
      'failures.operatorError.badChangeProbability',
    ],
    [
      '1e7 maintenance passes',
      failures({ maintenance: { passesPerYear: 1e7 } }),
      'failures.maintenance.passesPerYear',
    ],
    ['a horizon of 1e400y', { simulation: { horizon: '1e400y' } }, 'simulation.horizon'],
    ['a horizon of 101 y', { simulation: { horizon: '101y' } }, 'simulation.horizon'],
    ['one trial', { simulation: { trials: 1 } }, 'simulation.trials'],
    ['an infinite event time', { events: [{ at: '1e400h', fail: 'zone r/a' }] }, 'events.0.at'],
  ])('%s is an error at its path', (_, patch, path) => {
    const errors = errorsOf(patch);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith(`${path}: `))).toBe(true);
  });

  it('a cluster of more than 5,000 nodes is an error at its largest count', () => {
    const cluster = { ...(base()['clusters'] as object[])[0], workers: { a: 2e9, b: 2, c: 2 } };
    expect(errorsOf({ clusters: [cluster] })).toEqual([
      expect.stringMatching(
        /^clusters\.0\.workers: 3 masters \+ 2000000004 workers = 2000000007 nodes/,
      ),
    ]);
  });

  it('holds the nodes a cluster to the figure the cluster split uses', () => {
    expect(LIMITS.maxNodesPerCluster).toBe(KUBERNETES_LIMITS.nodesPerCluster);
  });
});

describe('the bounds themselves are accepted', () => {
  it.each([
    ['a 1 s repair', failures({ node: { repair: { fixed: '1s' } } })],
    ['a 100 y repair', failures({ node: { repair: { mean: '100y' } } })],
    ['p90 equal to the median', failures({ etcd: { repair: { median: '4h', p90: '4h' } } })],
    [
      'Weibull shapes 0.1 and 20',
      failures({
        node: { repair: { weibull: { shape: 0.1, scale: '1s' } } },
        zone: { repair: { weibull: { shape: 20, scale: '100y' } } },
      }),
    ],
    [
      'rates of 1e-12 and 1e6 a year',
      failures({ node: { perYear: 1e-12 }, process: { perYear: 1e6 } }),
    ],
    ['an mttf of 31.536 s', failures({ zone: { mttf: '31.536s' } })],
    ['a horizon of 100 y and 2 trials', { simulation: { horizon: '100y', trials: 2 } }],
    [
      '4,997 workers and 3 masters',
      {
        clusters: [
          { ...(base()['clusters'] as object[])[0], workers: { a: 1666, b: 1666, c: 1665 } },
        ],
      },
    ],
  ])('%s', (_, patch) => {
    expect(errorsOf(patch)).toEqual([]);
  });
});
