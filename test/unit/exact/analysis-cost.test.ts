/** Issue 10, item 7: an exact analysis that cannot finish in a minute is refused before it starts. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analysisCostRefusal,
  estimateAnalysisCost,
  ANALYZE_TIME_LIMIT_SECONDS,
} from '../../../src/exact/analysis-cost.js';
import { readScenarioFile } from '../../../src/io/read-scenario.js';
import { validateScenario } from '../../../src/model/validate.js';

/** n clusters in one region; `distinct`: each with its own worker count (no two alike). */
function clusters(n: number, zones = 3, partitions = true, distinct = true) {
  const z = Array.from({ length: zones }, (_, i) => `z${i}`);
  const r = validateScenario({
    version: 1,
    name: 'many',
    regions: [{ name: 'r', zones: z }],
    clusters: Array.from({ length: n }, (_, i) => ({
      name: `c${i}`,
      region: 'r',
      masters: { z0: 1, z1: 1, z2: 1 },
      workers: Object.fromEntries(z.map((x, k) => [x, k === 0 && distinct ? 2 + i : 2])),
    })),
    ...(partitions ? {} : { failures: { partition: { perYear: 0 } } }),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('estimateAnalysisCost', () => {
  it('lets every example through', async () => {
    const refused: string[] = [];
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.yaml'))) {
      const loaded = await readScenarioFile(join('scenarios', f));
      if (!loaded.ok) throw new Error(f);
      const cost = estimateAnalysisCost(loaded.topology);
      if (cost === null || analysisCostRefusal(cost) !== null) refused.push(f);
    }
    expect(refused).toEqual([]);
  });

  it('refuses 1,000 clusters of distinct layouts (measured 71 s), saying what to change', () => {
    const cost = estimateAnalysisCost(clusters(1000));
    expect(cost?.seconds).toBeGreaterThan(ANALYZE_TIME_LIMIT_SECONDS);
    expect(analysisCostRefusal(cost!)).toMatch(/fewer distinct clusters .*hasim simulate/);
  });

  it('prices 1,000 identical clusters as the few groups it evaluates (measured 0.8 s)', () => {
    // Their groups fall into one symmetry class per role and zone (group-symmetry.ts).
    const cost = estimateAnalysisCost(clusters(1000, 3, true, false))!;
    expect(analysisCostRefusal(cost)).toBeNull();
    expect(cost.groups).toBe(estimateAnalysisCost(clusters(2, 3, true, false))!.groups);
  });

  it('lets 14 zones without partitions through (measured 5 s), refuses 30 with partitions', () => {
    expect(analysisCostRefusal(estimateAnalysisCost(clusters(1, 14, false))!)).toBeNull();
    expect(analysisCostRefusal(estimateAnalysisCost(clusters(1, 30, true))!)).not.toBeNull();
  });

  it('grows with clusters faster than linearly (each element group re-evaluates every cluster)', () => {
    const a = estimateAnalysisCost(clusters(100))!.seconds;
    const b = estimateAnalysisCost(clusters(300))!.seconds;
    expect(b / a).toBeGreaterThan(3);
  });
});
