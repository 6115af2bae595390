import { describe, expect, it } from 'vitest';
import { renderMermaid } from '../../../src/report/render-mermaid.js';
import { buildLayout } from '../../../src/report/report-layout.js';
import { oneRegion } from '../../helpers/topology-builder.js';

describe('renderMermaid', () => {
  it('draws external etcd, a keepalived endpoint in its zone, and leaves empty zones empty', () => {
    const t = oneRegion(
      ['a', 'b', 'c'],
      [
        {
          name: 'prod',
          masters: { a: 1, b: 1 },
          etcd: { a: 1, b: 1, c: 1 },
          endpoint: { kind: 'keepalived', zone: 'a' },
          workers: { a: 2 },
          workersNeeded: 1,
        },
      ],
    );
    expect(renderMermaid(buildLayout(t))).toBe(
      [
        'flowchart TB',
        '  subgraph r0["region r"]',
        '    direction LR',
        '    subgraph r0z0["zone a"]',
        '      c0r0z0["prod: 1 master, 1 etcd, 2 workers"]',
        '    end',
        '    subgraph r0z1["zone b"]',
        '      c0r0z1["prod: 1 master, 1 etcd"]',
        '    end',
        '    subgraph r0z2["zone c"]',
        '      c0r0z2["prod: 1 etcd"]',
        '    end',
        '  end',
        '  c0ep(["prod API: keepalived in zone a"])',
        '  c0ep --> c0r0z0',
        '  c0ep --> c0r0z1',
      ].join('\n'),
    );
  });
});
