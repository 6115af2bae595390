/**
 * The checks of a shard part (part-schema.ts): no false refusals — every part hasim writes for a
 * valid scenario passes them, whatever the scenario — and the edits of issue 10 item 10 are found,
 * each with its field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/model/validate.js';
import {
  partProblems,
  partSchemaProblems,
  type PartFile,
} from '../../../src/sim/run/part-schema.js';
import { createRunPlan, runTrialRange, type RunSpec } from '../../../src/sim/run/run-plan.js';
import { buildPart, shardRequests } from '../../../src/sim/run/shard.js';
import { betasOf } from '../../../src/sim/run/simulate.js';
import type { Topology } from '../../../src/model/topology.js';
import { scenarioFileArb } from '../../helpers/arbitraries.js';

/** Shard 1 of 2 of 6 short trials, as `simulate --shard 1/2` writes it (without the digest). */
function partOf(t: Topology, method: RunSpec['method']): PartFile {
  const spec: RunSpec = { seed: 1, horizonHours: 240, method, withEvents: false };
  const plan = createRunPlan(t, spec);
  const shard = { index: 1, count: 2 };
  const requests = shardRequests(spec, 6, shard);
  const sums = requests.map((r) => runTrialRange(plan, r.stream, r.from, r.to));
  const importance = Object.fromEntries(
    requests.flatMap((r, i) => (r.stream === 'plain' ? [] : [[r.stream, sums[i]!]])),
  );
  const part = buildPart(t, spec, 6, betasOf(plan), shard, sums[0]!, importance, {
    interrupted: false,
    scenarioFile: 'x.yaml',
  });
  return { ...JSON.parse(JSON.stringify(part)), digest: `sha256:${'0'.repeat(64)}` } as PartFile;
}

function topologyOf(file: unknown): Topology {
  const r = validateScenario(file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return JSON.parse(JSON.stringify(r.topology)) as Topology;
}

describe('shard part checks', () => {
  it('pass every part of every valid scenario (plain and importance sampling)', () => {
    fc.assert(
      fc.property(
        scenarioFileArb,
        fc.constantFrom('plain', 'auto') as fc.Arbitrary<RunSpec['method']>,
        (file, method) => {
          const part = partOf(topologyOf(file), method);
          expect(partSchemaProblems(part)).toEqual([]);
          expect(partProblems(part)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('find an edited count, sum or topology, each by its field', () => {
    fc.assert(
      fc.property(scenarioFileArb, (file) => {
        const part = partOf(topologyOf(file), 'plain');
        const more = structuredClone(part);
        more.plain.trials += 1;
        expect(partProblems(more).map((p) => p.path)).toContain('plain.trials');
        const weight = structuredClone(part);
        weight.plain.weight = `${weight.plain.weight}0`;
        expect(partProblems(weight).map((p) => p.path)).toContain('plain.weight');
        const topology = structuredClone(part);
        (topology.topology as { clusters: unknown }).clusters = 'three';
        expect(partProblems(topology)).toEqual([
          { path: 'topology', message: 'not a scenario hasim can run (edited or damaged)' },
        ]);
      }),
      { numRuns: 10 },
    );
  });
});
