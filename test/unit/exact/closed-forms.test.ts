import { create, all, type BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  computeElementAvailabilities,
  steadyStateAvailability,
} from '../../../src/exact/element-availability.js';
import { computeMetrics } from '../../../src/exact/engine.js';
import type { Topology } from '../../../src/model/topology.js';
import { oneRegion, topologyOf, ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

/** Exact means agreement to 1e-12, relative. */
const EXACT = 1e-12;

function relativeError(actual: number | undefined, expected: number): number {
  return Math.abs((actual ?? NaN) - expected) / Math.abs(expected);
}

function metrics(t: Topology): ReturnType<typeof computeMetrics> {
  return computeMetrics(t, computeElementAvailabilities(t));
}

/** a = MTTF / (MTTF + MTTR) for a rate per year and an exponential repair mean in hours. */
function availability(perYear: number, meanHours: number): number {
  return 8760 / perYear / (8760 / perYear + meanHours);
}

function binomialTail(n: number, k: number, a: number): number {
  let sum = 0;
  for (let i = k; i <= n; i++) sum += choose(n, i) * a ** i * (1 - a) ** (n - i);
  return sum;
}

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

const zone = { perYear: 0.5, repair: { mean: '6h' } };
const z = availability(0.5, 6);

describe('element availability', () => {
  it('is MTTF / (MTTF + MTTR), and 1 for a class switched off', () => {
    expect(steadyStateAvailability(1, { kind: 'exponential', meanHours: 4 })).toBe(8760 / 8764);
    expect(steadyStateAvailability(0, { kind: 'fixed', hours: 4 })).toBe(1);
  });
});

describe('etcd quorum as k-of-n', () => {
  it('is 3a² − 2a³ for 3 external members with MTTF 1 y and repair mean 4 h', () => {
    const t = oneRegion(['a', 'b', 'c'], [{ masters: { a: 1 }, etcd: { a: 1, b: 1, c: 1 } }], {
      etcd: { mttf: '1y', repair: { mean: '4h' } },
    });
    const a = 8760 / 8764;
    expect(
      relativeError(metrics(t).clusters['c0']?.etcdQuorum, 3 * a ** 2 - 2 * a ** 3),
    ).toBeLessThanOrEqual(EXACT);
  });

  it.each([1, 2, 3, 4, 5, 7])('is the binomial tail for %i members in one zone', (n) => {
    const t = oneRegion(['a'], [{ masters: { a: 1 }, etcd: { a: n } }], {
      etcd: { perYear: 20, repair: { mean: '30h' } },
    });
    const a = availability(20, 30);
    expect(
      relativeError(
        metrics(t).clusters['c0']?.etcdQuorum,
        binomialTail(n, Math.floor(n / 2) + 1, a),
      ),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('equals the availability of the zone holding 2 of 3 members (2+1 over two zones)', () => {
    const t = oneRegion(['a', 'b'], [{ masters: { a: 1 }, etcd: { a: 2, b: 1 } }], { zone });
    expect(relativeError(metrics(t).clusters['c0']?.etcdQuorum, z)).toBeLessThanOrEqual(EXACT);
  });

  it('is 3z² − 2z³ for 1+1+1 over three zones with zone failures only', () => {
    const t = oneRegion(['a', 'b', 'c'], [{ masters: { a: 1 }, etcd: { a: 1, b: 1, c: 1 } }], {
      zone,
    });
    expect(
      relativeError(metrics(t).clusters['c0']?.etcdQuorum, 3 * z ** 2 - 2 * z ** 3),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('counts a stacked master once: 2-of-3 of node × etcd process × disk', () => {
    const t = oneRegion(['a', 'b', 'c'], [{ masters: { a: 1, b: 1, c: 1 } }], {
      master: { perYear: 10, repair: { mean: '10h' } },
      process: { perYear: 30, repair: { mean: '2h' } },
      disk: { perYear: 5, repair: { mean: '20h' } },
    });
    const member = availability(10, 10) * availability(30, 2) * availability(5, 20);
    expect(
      relativeError(metrics(t).clusters['c0']?.etcdQuorum, binomialTail(3, 2, member)),
    ).toBeLessThanOrEqual(EXACT);
  });
});

describe('series and parallel endpoints', () => {
  it('is a product in series: cloud load balancer × apiserver × member', () => {
    const t = oneRegion(['a'], [{ masters: { a: 1 }, etcd: { a: 1 }, endpoint: 'cloud' }], {
      loadBalancer: { perYear: 4, repair: { mean: '3h' } },
      process: { perYear: 12, repair: { mean: '1h' } },
    });
    const p = availability(12, 1);
    // The apiserver process and the member's etcd process fail independently.
    expect(
      relativeError(metrics(t).clusters['c0']?.api, availability(4, 3) * p * p),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('is 1 − ∏(1 − a) in parallel: any of 3 apiservers behind dns', () => {
    const t = oneRegion(['a'], [{ masters: { a: 3 }, etcd: { a: 1 }, endpoint: 'dns' }], {
      process: { perYear: 100, repair: { mean: '10h' } },
    });
    const p = availability(100, 10);
    // The single external member's etcd process is in series with the parallel apiservers.
    const m = metrics(t).clusters['c0'];
    expect(relativeError(m?.api, p * (1 - (1 - p) ** 3))).toBeLessThanOrEqual(EXACT);
    // scheduling needs one master with both apiserver and controllers up.
    expect(relativeError(m?.scheduling, p * (1 - (1 - p * p) ** 3))).toBeLessThanOrEqual(EXACT);
  });

  it('needs one of the two keepalived hosts and their zone', () => {
    const t = oneRegion(
      ['a', 'b'],
      [{ masters: { a: 1 }, etcd: { b: 1 }, endpoint: { kind: 'keepalived', zone: 'a' } }],
      { loadBalancer: { perYear: 50, repair: { mean: '20h' } }, zone },
    );
    const h = availability(50, 20);
    expect(
      relativeError(metrics(t).clusters['c0']?.api, (1 - (1 - h) ** 2) * z * z),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('pins one master with single-master: the others add nothing', () => {
    const t = oneRegion(['a'], [{ masters: { a: 3 }, etcd: { a: 1 }, endpoint: 'single-master' }], {
      master: { perYear: 40, repair: { mean: '20h' } },
    });
    expect(relativeError(metrics(t).clusters['c0']?.api, availability(40, 20))).toBeLessThanOrEqual(
      EXACT,
    );
  });

  it('takes a lone master down for its share of each maintenance pass', () => {
    // Passes due 50 times a year, 2 h each: the master is in maintenance 50 · 2 / 8760 of the time.
    const t = oneRegion(['a'], [{ masters: { a: 1 }, endpoint: 'local-proxy' }], {
      maintenance: { passesPerYear: 50, perMaster: '2h' },
    });
    expect(relativeError(metrics(t).clusters['c0']?.api, 1 - (50 * 2) / 8760)).toBeLessThanOrEqual(
      EXACT,
    );
  });

  it('starts a step only while the cluster is healthy: the apiserver is up when a step begins', () => {
    // One master whose apiserver fails 40 times a year for 20 h (exponential). A step starts with
    // it up, so during a step of age u it is down with P(u) = λ/(λ+μ)·(1 − e^(−(λ+μ)u)), and
    // A = a − s · (1 − avg_u P(u)) with s = ν·d/8760 (docs/model.md): a step removes the time
    // the apiserver would have served, which is more than the steady state a suggests.
    const t = oneRegion(['a'], [{ masters: { a: 1 }, endpoint: 'local-proxy' }], {
      process: { perYear: 40, repair: { mean: '20h' } },
      maintenance: { passesPerYear: 50, perMaster: '6h' },
    });
    const lambda = 40 / 8760;
    const mu = 1 / 20;
    const d = 6;
    const a = availability(40, 20);
    const k = lambda + mu;
    const c = lambda / k;
    // Averages over the step of P(u) = c(1 − e^(−ku)) and of P(u)².
    const e1 = (1 - Math.exp(-k * d)) / (k * d);
    const e2 = (1 - Math.exp(-2 * k * d)) / (2 * k * d);
    const meanDown = c * (1 - e1);
    const meanDown2 = c * c * (1 - 2 * e1 + e2);
    const s = (50 * d) / 8760;
    // api needs the apiserver and (stacked) the master's etcd process, both of class process:
    // a² in the steady state, avg (1 − P(u))² during a step.
    const bothUp = 1 - 2 * meanDown + meanDown2;
    expect(relativeError(metrics(t).clusters['c0']?.api, a * a - s * bothUp)).toBeLessThanOrEqual(
      1e-12,
    );
  });
});

describe('workloads as k-of-n workers', () => {
  it('is the binomial tail for 8 of 10 workers', () => {
    const t = oneRegion(
      ['a', 'b'],
      [{ masters: { a: 1 }, workers: { a: 5, b: 5 }, workersNeeded: 8 }],
      {
        worker: { perYear: 30, repair: { mean: '24h' } },
      },
    );
    expect(
      relativeError(
        metrics(t).clusters['c0']?.workloads,
        binomialTail(10, 8, availability(30, 24)),
      ),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('matches a 40-digit binomial for 4,989 of 4,999 workers', () => {
    // 4,999 workers and a master: Kubernetes' (and the format's) limit of 5,000 nodes a cluster.
    const t = oneRegion(
      ['a', 'b', 'c'],
      [{ masters: { a: 1 }, workers: { a: 1667, b: 1666, c: 1666 }, workersNeeded: 4989 }],
      { worker: { perYear: 2, repair: { mean: '4h' } } },
    );
    // Arrange an independent oracle: mathjs BigNumber, Σ_{k≤10} C(4999,k) q^k (1−q)^(4999−k).
    const math = create(all ?? {}, { number: 'BigNumber', precision: 40 });
    const big = (x: number | string): BigNumber => math.bignumber(x);
    const a = math.bignumber(4380).div(math.bignumber(4384));
    const q = big(1).minus(a);
    let sum = big(0);
    for (let k = 0; k <= 10; k++) {
      const ways = math.combinations(big(4999), big(k));
      sum = sum.plus(ways.times(q.pow(k)).times(a.pow(4999 - k)));
    }
    expect(
      relativeError(metrics(t).clusters['c0']?.workloads, Number(sum.toString())),
    ).toBeLessThanOrEqual(EXACT);
  });
});

describe('regional service', () => {
  const twoRegions = (failover: string, users: number): Topology =>
    topologyOf({
      regions: [
        { name: 'r0', zones: ['a'] },
        { name: 'r1', zones: ['a'], users },
      ],
      clusters: [
        { name: 'k0', region: 'r0', masters: { a: 1 }, endpoint: 'local-proxy', workers: { a: 1 } },
        { name: 'k1', region: 'r1', masters: { a: 1 }, endpoint: 'local-proxy', workers: { a: 1 } },
      ],
      failover,
      failures: { ...ALL_FAILURES_OFF, region: { perYear: 3, repair: { mean: '100h' } } },
    });
  const r = availability(3, 100);

  it('is served by another region with a cluster to spare: 1 − (1 − r)²', () => {
    const m = metrics(twoRegions('cross-region', 0));
    expect(relativeError(m.regions['r0']?.local, r)).toBeLessThanOrEqual(EXACT);
    expect(relativeError(m.regions['r0']?.served, 1 - (1 - r) ** 2)).toBeLessThanOrEqual(EXACT);
  });

  it('is not served by a region whose only cluster carries its own users', () => {
    expect(
      relativeError(metrics(twoRegions('cross-region', 1)).regions['r0']?.served, r),
    ).toBeLessThanOrEqual(EXACT);
  });

  it('is only local with local-only failover', () => {
    expect(
      relativeError(metrics(twoRegions('local-only', 0)).regions['r0']?.served, r),
    ).toBeLessThanOrEqual(EXACT);
  });
});

describe('region impairment', () => {
  // Impairments 2 a year, 10 h each (exponential): the region is unimpaired with probability i.
  const impairment = { perYear: 2, repair: { mean: '10h' } };
  const i = availability(2, 10);

  it('takes a cloud load balancer and dns down, and leaves a local proxy up', () => {
    const at = (endpoint: string): number | undefined =>
      metrics(oneRegion(['a'], [{ masters: { a: 1 }, endpoint }], { regionImpairment: impairment }))
        .clusters['c0']?.api;
    expect(relativeError(at('cloud'), i)).toBeLessThanOrEqual(EXACT);
    expect(relativeError(at('dns'), i)).toBeLessThanOrEqual(EXACT);
    expect(at('local-proxy')).toBe(1);
  });

  it('keeps a failed VM down until it ends: a · E[e^(−λA)] while impaired', () => {
    // One worker failing 20 times a year for 5 h. While impaired, it is up iff it was up when the
    // impairment began and has not failed since: for an exponential impairment of mean M the age
    // A is exponential with mean M, so E[e^(−λA)] = 1 / (1 + λM).
    const t = oneRegion(
      ['a'],
      [{ masters: { a: 1 }, endpoint: 'local-proxy', workers: { a: 1 } }],
      {
        regionImpairment: impairment,
        worker: { perYear: 20, repair: { mean: '5h' } },
      },
    );
    const a = availability(20, 5);
    const expected = i * a + (1 - i) * a * (1 / (1 + (20 / 8760) * 10));
    expect(relativeError(metrics(t).clusters['c0']?.workloads, expected)).toBeLessThanOrEqual(
      EXACT,
    );
  });
});

describe('a keepalived pair over two zones', () => {
  it('needs a host up with its zone, on the side of the master', () => {
    // One master in a; hosts in a and b; only zones and hosts fail. The VIP can sit on either
    // host, and both zones are one side: api = z_a · (1 − (1 − h)(1 − h·z_b)).
    const hosts = { perYear: 6, repair: { mean: '10h' } };
    const t = oneRegion(
      ['a', 'b'],
      [{ masters: { a: 1 }, endpoint: { kind: 'keepalived', zones: ['a', 'b'] } }],
      { zone, loadBalancer: hosts },
    );
    const h = availability(6, 10);
    expect(
      relativeError(metrics(t).clusters['c0']?.api, z * (1 - (1 - h) * (1 - h * z))),
    ).toBeLessThanOrEqual(EXACT);
  });
});

describe('bad changes rolled out in waves', () => {
  // Two clusters, waves [1, all]: a bad change (rate r a year) reaches c0, bakes b, and is caught
  // there with probability p (noticed d after the wave started); else it reaches c1 too and is
  // noticed d after that. Every reached cluster recovers R after the notice. Per cycle (idle 1/r):
  // time with 1 wave hurt = (1 − p)·b + p·(d + R); with 2 waves hurt = (1 − p)·(d + R).
  const r = 26 * 0.02 * 0.3;
  const [p, b, d, R] = [0.8, 5, 1, 2];
  const file = (rollout: unknown): Topology =>
    oneRegion(
      ['a'],
      [
        { masters: { a: 1 }, endpoint: 'local-proxy' },
        { masters: { a: 1 }, endpoint: 'local-proxy' },
      ],
      {
        operatorError: {
          changesPerYear: 26,
          badChangeProbability: 0.02,
          apiDownShare: 0.3,
          restoreShare: 0,
          dataPlaneShare: 0,
          repair: { mean: `${R}h` },
          rollout,
        },
      },
    );

  it('hurts the canary more and the later wave less than all at once', () => {
    const m = metrics(
      file({ waves: [1, 'all'], detection: `${d}h`, bake: `${b}h`, detectionProbability: p }),
    );
    const one = (1 - p) * b + p * (d + R);
    const two = (1 - p) * (d + R);
    const cycle = 8760 / r + one + two;
    expect(relativeError(m.clusters['c0']?.api, 1 - (one + two) / cycle)).toBeLessThanOrEqual(
      EXACT,
    );
    expect(relativeError(m.clusters['c1']?.api, 1 - two / cycle)).toBeLessThanOrEqual(EXACT);
    const all = metrics(file('all-at-once'));
    // All at once: every cluster is hurt R per change.
    expect(relativeError(all.clusters['c1']?.api, 1 - R / (8760 / r + R))).toBeLessThanOrEqual(
      EXACT,
    );
    expect(m.clusters['c1']!.api).toBeGreaterThan(all.clusters['c1']!.api);
    expect(m.clusters['c0']!.api).toBeLessThan(all.clusters['c0']!.api);
  });

  it('takes the workloads and the region they serve down with a data-plane change', () => {
    const t = oneRegion(
      ['a'],
      [{ masters: { a: 1 }, endpoint: 'local-proxy', workers: { a: 1 } }],
      {
        operatorError: {
          changesPerYear: 26,
          badChangeProbability: 0.02,
          apiDownShare: 0,
          restoreShare: 0,
          dataPlaneShare: 0.5,
          repair: { mean: '3h' },
        },
      },
    );
    const rate = 26 * 0.02 * 0.5;
    const m = metrics(t);
    expect(relativeError(m.clusters['c0']?.workloads, availability(rate, 3))).toBeLessThanOrEqual(
      EXACT,
    );
    expect(relativeError(m.regions['r']?.served, availability(rate, 3))).toBeLessThanOrEqual(EXACT);
    expect(m.clusters['c0']?.api).toBe(1);
  });
});
