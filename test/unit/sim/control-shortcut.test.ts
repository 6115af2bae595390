import { describe, expect, it } from 'vitest';
import { compiledExample, EXAMPLE_FILES } from '../../helpers/sim-scenarios.js';
import { compileScript } from '../../../src/sim/model/script-actions.js';
import { biasedElements, computeBeta } from '../../../src/sim/engine/importance.js';
import { createTrialRng } from '../../../src/sim/engine/rng.js';
import { TrialEngine, type EngineOptions } from '../../../src/sim/engine/trial-engine.js';
import type { TrialState } from '../../../src/sim/engine/trial-state.js';

// The control plane's shortcut while the health gate holds (evaluate-predicates.ts) must give
// exactly what the full evaluation gives: every example, plain and importance-sampled, with and
// without its scenario events, trial by trial against an engine whose shortcut is switched off.
function outcome(s: TrialState): unknown {
  return {
    events: s.events,
    downHours: Array.from(s.downHours),
    downHoursZero: Array.from(s.downHoursZero),
    outages: Array.from(s.outages),
    causeHours: Array.from(s.causeHours),
    causeCount: Array.from(s.causeCount),
    durations: Array.from(s.durationHours.subarray(0, s.durationCount)),
    lossHours: Array.from(s.lossHours),
    logWeight: s.logWeight,
    serving: Array.from(s.serving),
    memberUp: Array.from(s.memberUp),
    staleUntil: Array.from(s.staleUntil),
    leader: Array.from(s.leader),
  };
}

describe('the control plane shortcut', () => {
  it.each(EXAMPLE_FILES)('changes no trial of %s', async (f) => {
    const { topology, model } = await compiledExample(f);
    const biased = biasedElements(model, 'is-all');
    const variants: EngineOptions[] = [
      {},
      { script: compileScript(topology, model) },
      { biased, beta: computeBeta(model, biased) },
    ];
    let shortcuts = 0;
    for (const options of variants) {
      const fast = new TrialEngine(model, options);
      const full = new TrialEngine(model, options);
      shortcuts += fast.state.gate.shortcut.reduce((a, b) => a + b, 0);
      full.state.gate.shortcut.fill(0);
      for (let i = 0; i < 300; i++) {
        fast.run(createTrialRng(5, i));
        full.run(createTrialRng(5, i));
        expect(outcome(fast.state)).toEqual(outcome(full.state));
      }
    }
    // Every example has a cluster the shortcut applies to.
    expect(shortcuts).toBeGreaterThan(0);
  });
});
