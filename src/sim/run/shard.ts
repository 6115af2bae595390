/**
 * Sharded runs: `hasim simulate --shard i/n --out part.json` runs shard i (0-based) of n, and
 * `hasim merge` combines the parts. Each part holds the topology, the run's spec and its exact
 * sums, so the merge needs nothing else and gives the same result as one run of all the trials.
 */
import type { Topology } from '../../model/topology.js';
import { buildSimulationResult, importancePasses } from '../stats/build-result.js';
import type { RunSpec } from './run-plan.js';
import type { SimulationResult } from '../stats/simulation-result.js';
import { IMPORTANCE_GROUPS, type ImportanceGroup } from '../engine/rng.js';
import { runSumsFromJson, runSumsToJson, type RunSumsJson } from '../stats/run-sums-json.js';
import { mergeRunSums, type RunSums } from '../stats/run-sums.js';
import type { RangeRequest, RunOutcome } from './simulate.js';

export interface Shard {
  index: number;
  count: number;
}

/** Part files carry the sums' layout: version 2 added the deployment's usersServed sums. */
export const PART_VERSION = 2;

export interface SimulationPart {
  version: typeof PART_VERSION;
  kind: 'simulation-part';
  topology: Topology;
  spec: RunSpec;
  trialsRequested: number;
  betas: Record<ImportanceGroup, number>;
  shard: Shard;
  plain: RunSumsJson;
  importance: Partial<Record<ImportanceGroup, RunSumsJson>>;
}

/** The trial ranges of one shard: its share of the plain trials and, unless plain, of the IS pass. */
export function shardRequests(spec: RunSpec, trials: number, shard: Shard): RangeRequest[] {
  const from = Math.floor((shard.index * trials) / shard.count);
  const to = Math.floor(((shard.index + 1) * trials) / shard.count);
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
): SimulationPart {
  return {
    version: PART_VERSION,
    kind: 'simulation-part',
    topology,
    spec,
    trialsRequested,
    betas,
    shard,
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

/** Combines the parts of one sharded run; every shard exactly once, all from the same run. */
export function mergeParts(parts: SimulationPart[]): MergeResult {
  const first = parts[0];
  if (first === undefined) return { ok: false, message: 'no parts to merge' };
  const key = (p: SimulationPart): string =>
    JSON.stringify([p.topology, p.spec, p.trialsRequested, p.betas, p.shard.count]);
  const k0 = key(first);
  const bad = parts.find((p) => key(p) !== k0);
  if (bad !== undefined) {
    return {
      ok: false,
      message: `shard ${bad.shard.index}/${bad.shard.count} is from a different run (scenario, seed, horizon, method, trials or shard count differ)`,
    };
  }
  const seen = new Set(parts.map((p) => p.shard.index));
  if (seen.size !== parts.length) return { ok: false, message: 'a shard is given twice' };
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
