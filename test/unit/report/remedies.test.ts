import { describe, expect, it } from 'vitest';
import { remedyForClass, remedyForElement, remedyForZone } from '../../../src/report/remedies.js';
import { buildLayout } from '../../../src/report/report-layout.js';
import { oneRegion, topologyOf } from '../../helpers/topology-builder.js';

const twoZones = buildLayout(
  oneRegion(
    ['a', 'b'],
    [{ name: 'prod', masters: { a: 2, b: 1 }, workers: { a: 3, b: 3 }, workersNeeded: 3 }],
  ),
);

describe('remedies', () => {
  it('asks for a third etcd zone when zone a of two holds the majority', () => {
    const text = remedyForZone('r/a', { target: 'prod', metric: 'etcdQuorum', layout: twoZones });
    expect(text).toBe(
      "zone a holds 2 of prod's 3 etcd members (quorum 2); a third zone for etcd (1+1+1): with two zones some zone always holds a majority",
    );
  });

  it('speaks of workers, not etcd, for the workloads metric', () => {
    const text = remedyForZone('r/a', { target: 'prod', metric: 'workloads', layout: twoZones });
    expect(text).toContain('survives any one zone loss');
    expect(text).not.toContain('etcd');
  });

  it('cannot recommend waves for one cluster, and recommends them for several', () => {
    const one = remedyForClass('operatorError', {
      target: 'prod',
      metric: 'api',
      layout: twoZones,
    });
    expect(one).toContain('staging cluster');
    const several = buildLayout(
      oneRegion(
        ['a'],
        [
          { name: 'x', masters: { a: 1 } },
          { name: 'y', masters: { a: 1 } },
        ],
      ),
    );
    const many = remedyForClass('operatorError', { target: 'x', metric: 'api', layout: several });
    expect(many).toContain('waves');
  });

  it('says what replaces a pinned master', () => {
    const text = remedyForElement('prod apiserver @a (pinned)', 'process', {
      target: 'prod',
      metric: 'api',
      layout: twoZones,
    });
    expect(text).toContain('instead of pinning one');
  });

  it('offers cross-region failover for a region once there are two regions', () => {
    const t = topologyOf({
      regions: [
        { name: 'eu', zones: ['a'] },
        { name: 'us', zones: ['a'] },
      ],
      clusters: [
        { name: 'e', region: 'eu', masters: { a: 1 }, workers: {} },
        { name: 'u', region: 'us', masters: { a: 1 }, workers: {} },
      ],
      failover: 'cross-region',
    });
    const text = remedyForClass('region', {
      target: 'eu',
      metric: 'served',
      layout: buildLayout(t),
    });
    expect(text).toContain('spare cluster in another region');
  });
});
