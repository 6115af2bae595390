/**
 * Sharded runs: `hasim simulate --shard i/n --out part.json` runs shard i (0-based) of n, and
 * `hasim merge` combines the parts. Each part holds the topology, the run's spec and its exact
 * sums, so the merge needs nothing else and gives the same result as one run of all the trials.
 * Parts are checked first (part-schema.ts); an interrupted part is never merged.
 */
import type { Topology } from '../../model/topology.js';
import { buildSimulationResult, importancePasses } from '../stats/build-result.js';
import type { RunSpec } from './run-plan.js';
import type { SimulationResult } from '../stats/simulation-result.js';
import { IMPORTANCE_GROUPS, type ImportanceGroup } from '../engine/rng.js';
import { runSumsFromJson, runSumsToJson, type RunSumsJson } from '../stats/run-sums-json.js';
import { mergeRunSums, type RunSums } from '../stats/run-sums.js';
import type { RangeRequest, RunOutcome } from './simulate.js';
import { PART_VERSION, shardRange } from './part-schema.js';

export interface Shard {
  index: number;
  count: number;
}

export { PART_VERSION } from './part-schema.js';

/**
 * Format 3 (part-schema.ts): 2 added the deployment's usersServed sums, 3 the trial range,
 * `interrupted`, the scenario file and the digest (written by the CLI: cli/part-file.ts).
 */
export interface SimulationPart {
  version: typeof PART_VERSION;
  kind: 'simulation-part';
  scenarioFile: string;
  topology: Topology;
  spec: RunSpec;
  trialsRequested: number;
  betas: Record<ImportanceGroup, number>;
  shard: Shard;
  range: { from: number; to: number };
  interrupted: boolean;
  plain: RunSumsJson;
  importance: Partial<Record<ImportanceGroup, RunSumsJson>>;
}

/** The trial ranges of one shard: its share of the plain trials and, unless plain, of the IS pass. */
export function shardRequests(spec: RunSpec, trials: number, shard: Shard): RangeRequest[] {
  const { from, to } = shardRange(trials, shard.index, shard.count);
  const requests: RangeRequest[] = [{ stream: 'plain', from, to }];
  // `auto` decides on importance sampling from all the plain trials, which no shard sees: every
  // shard runs its share of every pass, and the merge uses the passes a single run would have.
  if (spec.method !== 'plain') {
    for (const group of IMPORTANCE_GROUPS) requests.push({ stream: group, from, to });
  }
  return requests;
}

export function buildPart(
  topology: Topology,
  spec: RunSpec,
  trialsRequested: number,
  betas: Record<ImportanceGroup, number>,
  shard: Shard,
  plain: RunSums,
  importance: Partial<Record<ImportanceGroup, RunSums>>,
  run: { interrupted: boolean; scenarioFile: string } = { interrupted: false, scenarioFile: '' },
): SimulationPart {
  return {
    version: PART_VERSION,
    kind: 'simulation-part',
    scenarioFile: run.scenarioFile,
    topology,
    spec,
    trialsRequested,
    betas,
    shard,
    range: shardRange(trialsRequested, shard.index, shard.count),
    interrupted: run.interrupted,
    plain: runSumsToJson(plain),
    importance: Object.fromEntries(
      IMPORTANCE_GROUPS.flatMap((g) => {
        const sums = importance[g];
        return sums === undefined ? [] : [[g, runSumsToJson(sums)]];
      }),
    ),
  };
}

export type MergeResult =
  | {
      ok: true;
      topology: Topology;
      spec: RunSpec;
      betas: Record<ImportanceGroup, number>;
      outcome: RunOutcome;
    }
  | { ok: false; message: string };

/**
 * Combines the parts of one sharded run, each already checked on its own (part-schema.ts): every
 * shard exactly once, none interrupted, all from the same run.
 * @param names the parts' file names, for messages (default: "shard i/n")
 */
export function mergeParts(parts: SimulationPart[], names?: string[]): MergeResult {
  const first = parts[0];
  if (first === undefined) return { ok: false, message: 'no parts to merge' };
  const name = (i: number): string =>
    names?.[i] ?? `shard ${parts[i]?.shard.index ?? '?'}/${parts[i]?.shard.count ?? '?'}`;
  const interrupted = parts.findIndex((p) => p.interrupted);
  const stopped = parts[interrupted];
  if (stopped !== undefined) {
    const { index, count } = stopped.shard;
    return {
      ok: false,
      message:
        `${name(interrupted)}: shard ${index}/${count} was interrupted (${stopped.plain.trials} of ${stopped.range.to - stopped.range.from} trials done); run it again: ` +
        `hasim simulate ${stopped.scenarioFile || '<scenario>'} --shard ${index}/${count} --trials ${stopped.trialsRequested} --seed ${stopped.spec.seed} --out ${names?.[interrupted] ?? 'part.json'} (with the run's other flags, if any)`,
    };
  }
  // The fields that make parts one run, each named when it differs.
  const fields: [string, (p: SimulationPart) => unknown][] = [
    ['topology (the scenario)', (p) => p.topology],
    ['spec.seed', (p) => p.spec.seed],
    ['spec.horizonHours', (p) => p.spec.horizonHours],
    ['spec.method', (p) => p.spec.method],
    ['spec.withEvents', (p) => p.spec.withEvents],
    ['spec.slo', (p) => p.spec.slo ?? null],
    ['trialsRequested', (p) => p.trialsRequested],
    ['shard.count', (p) => p.shard.count],
    ['betas', (p) => p.betas],
  ];
  for (const [field, get] of fields) {
    const v0 = JSON.stringify(get(first));
    const i = parts.findIndex((p) => JSON.stringify(get(p)) !== v0);
    if (i >= 0) {
      const v = JSON.stringify(get(parts[i] as SimulationPart));
      const shown =
        v0.length + v.length < 80
          ? ` is ${v}, ${name(0)}'s is ${v0}`
          : ` differs from ${name(0)}'s`;
      return {
        ok: false,
        message: `${name(i)}: ${field}${shown}: the parts are from different runs (scenario, seed, horizon, method, trials or shard count differ)`,
      };
    }
  }
  const seen = new Map<number, number>();
  for (const [i, p] of parts.entries()) {
    const before = seen.get(p.shard.index);
    if (before !== undefined) {
      return {
        ok: false,
        message: `${name(i)}: shard ${p.shard.index}/${p.shard.count} is given twice (also ${name(before)})`,
      };
    }
    seen.set(p.shard.index, i);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter(
    (i) => !seen.has(i),
  );
  if (missing.length > 0) {
    return {
      ok: false,
      message: `missing shard ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}`,
    };
  }
  const plain = runSumsFromJson(first.plain);
  for (const p of parts.slice(1)) mergeRunSums(plain, runSumsFromJson(p.plain));
  const importance: Partial<Record<ImportanceGroup, RunSums>> = {};
  const clusters = { clusters: first.topology.clusters };
  for (const group of importancePasses(first.spec.method, clusters, plain, first.betas)) {
    const sums = parts.map((p) => p.importance[group]);
    if (sums.some((s) => s === undefined)) {
      return { ok: false, message: `a part lacks the importance-sampling pass ${group}` };
    }
    const merged = runSumsFromJson(sums[0]);
    for (const s of sums.slice(1)) mergeRunSums(merged, runSumsFromJson(s));
    importance[group] = merged;
  }
  return {
    ok: true,
    topology: first.topology,
    spec: first.spec,
    betas: first.betas,
    outcome: {
      plain,
      importance,
      stop: { reason: 'trials', trialsRequested: first.trialsRequested },
    },
  };
}

/** The result of a merge, exactly as one unsharded run would have built it. */
export function buildMergedResult(merged: Extract<MergeResult, { ok: true }>): SimulationResult {
  return buildSimulationResult({
    topology: merged.topology,
    spec: merged.spec,
    plain: merged.outcome.plain,
    importance: merged.outcome.importance,
    betas: merged.betas,
    stop: merged.outcome.stop,
  });
}
