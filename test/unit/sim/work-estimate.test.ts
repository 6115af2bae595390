import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { createRunPlan, runTrialRange } from '../../../src/sim/run/run-plan.js';
import { estimateEventsPerTrial } from '../../../src/sim/run/simulation-cost.js';
import { chunkTrials, EVENTS_PER_THREAD, threadsFor } from '../../../src/sim/run/work-estimate.js';

describe('the work estimate that sizes worker threads and chunks', () => {
  it('is within a factor 1.25 of the events the simulator counts, on every example', async () => {
    const files = (await readdir('scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const loaded = await readScenarioFile(`scenarios/${f}`);
      if (!loaded.ok) throw new Error(`${f} does not load`);
      const spec = { seed: 3, horizonHours: 8760, method: 'plain' as const, withEvents: false };
      const plan = createRunPlan(loaded.topology, spec);
      const counted = runTrialRange(plan, 'plain', 0, 200).events / 200;
      const estimate = estimateEventsPerTrial(loaded.topology, spec.horizonHours);
      // |log ratio| < log 1.25: the estimate is within a factor 1.25 either way.
      expect({ f, off: Math.abs(Math.log(estimate / counted)) < Math.log(1.25) }).toEqual({
        f,
        off: true,
      });
    }
  });

  it('uses one thread for small runs and never more than asked', () => {
    expect(threadsFor(0, 8)).toBe(1);
    expect(threadsFor(EVENTS_PER_THREAD * 2 - 1, 8)).toBe(1);
    expect(threadsFor(EVENTS_PER_THREAD * 2, 8)).toBe(2);
    expect(threadsFor(EVENTS_PER_THREAD * 100, 2)).toBe(2);
    expect(threadsFor(EVENTS_PER_THREAD * 100, 1)).toBe(1);
  });

  it('cuts a range into chunks of bounded size, at least 8 per thread', () => {
    // 200,000 trials of ~90 events on 2 threads: chunks of ~2,200 trials (2e5 events).
    expect(chunkTrials(200_000, 90, 2)).toBe(2222);
    expect(chunkTrials(1000, 90, 2)).toBe(63); // ceil(1000 / 16)
    expect(chunkTrials(10, 1e7, 2)).toBe(1); // a huge trial: one per chunk
    expect(chunkTrials(1e9, 1, 1)).toBe(4000);
  });
});
