import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  outages,
  predictEvent,
  summarizeOutages,
} from '../../../src/interop/event-prediction.js';
import { loadScenarioText } from '../../../src/io/read-scenario.js';
import type { TimelineResult } from '../../../src/sim/engine/timeline.js';
import { ROOT } from '../../helpers/run-cli.js';

const timeline = (entries: TimelineResult['entries']): TimelineResult => ({
  version: 1,
  kind: 'timeline',
  scenario: 'x',
  horizonHours: 10,
  withRandom: false,
  seed: null,
  entries,
  maintenance: [],
  downHours: {},
});

describe('formatClock', () => {
  it.each([
    [0, '0s'],
    [10 / 3600, '10s'],
    [1 + 5 / 60, '1h5m'],
    [5 / 60 + 50 / 3600, '5m50s'],
    [26, '26h'],
  ])('writes %f h as %s (a Go duration)', (hours, text) => {
    expect(formatClock(hours)).toBe(text);
  });
});

describe('outages', () => {
  it('pairs each down with its up, and closes an outage still open at the horizon', () => {
    const list = outages(
      timeline([
        { hours: 2, target: 'cluster/p', metric: 'api', up: false, cause: 'event' },
        { hours: 2.5, target: 'cluster/p', metric: 'api', up: true, cause: 'event' },
        { hours: 9, target: 'region/r', metric: 'served', up: false, cause: 'event' },
      ]),
      2,
    );
    expect(list).toEqual([
      { target: 'cluster/p', metric: 'api', fromHours: 0, hours: 0.5 },
      { target: 'region/r', metric: 'served', fromHours: 7, hours: 1 },
    ]);
    expect(summarizeOutages(list)).toBe(
      'cluster/p down: api 30m at +0s; region/r down: served 1h at +7h',
    );
    expect(summarizeOutages([])).toBe('no predicate goes down');
  });
});

describe('predictEvent', () => {
  const loaded = loadScenarioText(
    readFileSync(join(ROOT, 'test/fixtures/interop/export/node-events.yaml'), 'utf8'),
    'x',
  );
  if (!loaded.ok) throw new Error('invalid fixture');
  const t = loaded.topology;

  it('splits an external etcd of 2/2/1 by the partition: [b, c] holds 3 of 5 ≥ q(5) = 3', () => {
    expect(predictEvent(t, 4).quorum).toEqual([
      'prod: etcd split 2 [a] / 3 [b, c] of 5: the [b, c] side keeps quorum',
    ]);
  });

  it('counts the members of the zone that fails: zone c holds 1 of 5, 4 left', () => {
    expect(predictEvent(t, 6).quorum).toEqual([
      'prod: etcd 5 members, quorum 3; 1 down, 4 left: quorum kept',
    ]);
  });

  it('predicts nothing down with every timer at 0 when one master of three fails', () => {
    expect(predictEvent(t, 0).aloneZeroTimers).toEqual([]);
  });
});
