import { describe, expect, it } from 'vitest';
import { buildEventPhases } from '../../../src/lab/event-phases.js';
import { placeMembers } from '../../../src/lab/lab-members.js';
import { replayTimeline } from '../../../src/lab/lab-predict.js';
import type { Topology } from '../../../src/model/topology.js';
import { topologyOf, ZERO_TIMERS } from '../../helpers/sim-scenarios.js';
import { ALL_FAILURES_OFF } from '../../helpers/topology-builder.js';

function scenario(etcd: unknown, events: unknown[], masters = { a: 1, b: 1, c: 1 }): Topology {
  return topologyOf({
    regions: [{ name: 'eu', zones: ['a', 'b', 'c'] }],
    clusters: [{ name: 'prod', region: 'eu', masters, etcd, workers: { a: 1 } }],
    failures: { ...ALL_FAILURES_OFF, maintenance: { passesPerYear: 1, perMaster: '10m' } },
    timers: ZERO_TIMERS,
    events,
  });
}

function phasesOf(t: Topology) {
  const cluster = t.clusters[0]!;
  return buildEventPhases(t, cluster, placeMembers(cluster), t.events, {
    origin: 'events',
    awaitRecovery: false,
    firstId: 1,
    maintenance: replayTimeline(t, t.events).maintenance,
  });
}

describe('buildEventPhases', () => {
  it('kills every member of a zone when it goes down and starts them when it comes back', () => {
    const t = scenario({ a: 2, b: 1, c: 0 }, [{ at: '1h', fail: 'zone eu/a', for: '3h' }]);
    expect(phasesOf(t).map((p) => [p.scenarioHours, p.label, p.actions, p.state.down])).toEqual([
      [1, 'zone eu/a down', [{ kind: 'kill', members: ['a-1', 'a-2'] }], ['a-1', 'a-2']],
      [4, 'zone eu/a back', [{ kind: 'start', members: ['a-1', 'a-2'] }], []],
    ]);
  });

  it('holds overlapping outages together: b from 1h to 5h, c from 2h to 3h', () => {
    const t = scenario({ a: 1, b: 1, c: 1 }, [
      { at: '1h', fail: 'zone eu/b', for: '4h' },
      { at: '2h', fail: 'zone eu/c', for: '1h' },
    ]);
    expect(phasesOf(t).map((p) => [p.scenarioHours, p.state.down, p.actions])).toEqual([
      [1, ['b-1'], [{ kind: 'kill', members: ['b-1'] }]],
      [2, ['b-1', 'c-1'], [{ kind: 'kill', members: ['c-1'] }]],
      [3, ['b-1'], [{ kind: 'start', members: ['c-1'] }]],
      [5, [], [{ kind: 'start', members: ['b-1'] }]],
    ]);
  });

  it('cuts the links between the two sides of a partition and heals them afterwards', () => {
    const t = scenario({ a: 1, b: 1, c: 1 }, [
      { at: '1h', partition: [['eu/a'], ['eu/b', 'eu/c']], for: '30m' },
    ]);
    const [cut, healed] = phasesOf(t);
    expect(cut?.actions).toEqual([
      {
        kind: 'cut',
        links: [
          ['a', 'b'],
          ['a', 'c'],
        ],
      },
    ]);
    expect(healed?.actions).toEqual([{ kind: 'cut', links: [] }]);
    expect(healed?.label).toBe('partition {a} | {b, c} healed');
  });

  it("takes the zone's first member for a master or etcd target of a stacked etcd", () => {
    const t = scenario('stacked', [{ at: '1h', fail: 'master prod/b', for: '1h' }], {
      a: 1,
      b: 2,
      c: 1,
    });
    expect(phasesOf(t)[0]?.state.down).toEqual(['b-1']);
  });

  it('leaves an external etcd alone when a master fails, and loses a member to an etcd target', () => {
    const external = { a: 1, b: 1, c: 1 };
    expect(
      phasesOf(scenario(external, [{ at: '1h', fail: 'master prod/a', for: '1h' }]))[0]?.actions,
    ).toEqual([]);
    expect(
      phasesOf(scenario(external, [{ at: '1h', fail: 'etcd prod/a', for: '1h' }]))[0]?.state.down,
    ).toEqual(['a-1']);
  });

  it('replays maintenance as graceful stops, one member after another', () => {
    const t = scenario('stacked', [{ at: '1h', maintenance: { clusters: ['prod'] } }]);
    const phases = phasesOf(t);
    expect(phases.map((p) => Math.round((p.scenarioHours ?? 0) * 60))).toEqual([60, 70, 80, 90]);
    expect(phases.map((p) => p.actions)).toEqual([
      [{ kind: 'stop', members: ['a-1'] }],
      [
        { kind: 'start', members: ['a-1'] },
        { kind: 'stop', members: ['b-1'] },
      ],
      [
        { kind: 'start', members: ['b-1'] },
        { kind: 'stop', members: ['c-1'] },
      ],
      [{ kind: 'start', members: ['c-1'] }],
    ]);
  });

  it('holds the next maintenance step while a zone is down, as the simulator does', () => {
    // Zone b fails 5 min into master a's step: b's step (due at 1h10m) waits for zone b (5h5m).
    const t = scenario('stacked', [
      { at: '1h', maintenance: { clusters: ['prod'] } },
      { at: '1h5m', fail: 'zone eu/b', for: '4h' },
    ]);
    const steps = replayTimeline(t, t.events).maintenance.map((s) => [s.master, s.startHours]);
    const h = (hours: number, minutes: number): number => hours + minutes / 60;
    expect(steps.map(([m, start]) => [m, Math.round((start ?? 0) * 60)])).toEqual([
      [1, 60],
      [2, 305],
      [3, 315],
    ]);
    const phases = phasesOf(t).map((p) => [Math.round((p.scenarioHours ?? 0) * 60), p.state.down]);
    expect(phases).toEqual([
      [h(1, 0) * 60, ['a-1']],
      [h(1, 5) * 60, ['a-1', 'b-1']],
      [h(1, 10) * 60, ['b-1']],
      [h(5, 5) * 60, ['b-1']],
      [h(5, 15) * 60, ['c-1']],
      [h(5, 25) * 60, []],
    ]);
  });

  it('does not compare a change that corrupts etcd: the lab does not replay it', () => {
    const t = scenario('stacked', [
      { at: '1h', operatorError: { clusters: 'all', effect: 'etcd-restore' }, for: '1h' },
    ]);
    expect(phasesOf(t)[0]?.skip).toMatch(/not replayed/);
    expect(phasesOf(t)[0]?.actions).toEqual([]);
  });
});
