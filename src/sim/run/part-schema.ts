/**
 * The shape of a shard part file (format 3, docs/workflows/run-a-large-study.md) and the checks
 * a part must pass before `hasim merge` adds it: fields of the right types, a shard index within
 * its count, the trial range the shard owns, sums consistent with their trial counts, and the
 * scenario a valid one. A damaged or edited part is an error naming the field, never a result.
 * (The digest over the whole content is checked by the CLI, which can hash: cli/part-file.ts.)
 */
import { z } from 'zod';
import { serializeTopology } from '../../model/serialize.js';
import type { Topology } from '../../model/topology.js';
import { validateScenario } from '../../model/validate.js';
import { CAUSE_COUNT } from '../model/failure-classes.js';
import { IMPORTANCE_GROUPS, type ImportanceGroup } from '../engine/rng.js';
import { HIST_BINS } from '../stats/histogram-bin.js';
import { runSumsFromJson } from '../stats/run-sums-json.js';
import { PLAIN_BITS, WEIGHTED_BITS, type RunSums } from '../stats/run-sums.js';
import { bitsOf, createRunPlan, emptySumsFor, type RunSpec } from './run-plan.js';
import { betasOf } from './simulate.js';

/** Part files carry the sums' layout; 3 added the range, `interrupted` and the digest. */
export const PART_VERSION = 3;

/** A problem with a part: the field (dot path) and what is wrong. */
export interface PartProblem {
  path: string;
  message: string;
}

const count = z.int().min(0);
const hex = z.string().regex(/^[0-9a-f]+$/, 'expected a non-negative hexadecimal integer');
const finite = z.number().min(0);

const account = z.strictObject({
  miss: hex,
  miss2: hex,
  trialsMissed: count,
  burn: hex,
  burn2: hex,
});

const runSumsSchema = z.strictObject({
  bits: z.union([z.literal(PLAIN_BITS), z.literal(WEIGHTED_BITS)]),
  trials: count,
  events: count,
  weight: hex,
  weight2: hex,
  predicates: z.array(
    z.strictObject({
      down: hex,
      down2: hex,
      downZero: hex,
      outages: hex,
      outages2: hex,
      any: hex,
      any2: hex,
      anyTrials: count,
      outageCount: count,
      causeHours: z.array(hex).length(CAUSE_COUNT),
      causeCount: z.array(count).length(CAUSE_COUNT),
      hist: z.array(count).length(HIST_BINS),
      maxHours: finite,
    }),
  ),
  deployment: z.strictObject({
    down: hex,
    down2: hex,
    downZero: hex,
    any: hex,
    any2: hex,
    anyTrials: count,
  }),
  clusters: z.array(
    z.strictObject({ events: hex, hours: hex, totalLosses: hex, trialsWithLoss: count }),
  ),
  slo: z.array(
    z.strictObject({
      all: account,
      sla: account,
      hist: z.array(count).length(HIST_BINS),
      zeroMonths: count,
      maxHours: finite,
    }),
  ),
});

const beta = z.number().positive();

export const PartFileSchema = z.strictObject({
  version: z.literal(PART_VERSION),
  kind: z.literal('simulation-part'),
  /** The scenario file the shard was run from (for the message that says how to rerun it). */
  scenarioFile: z.string(),
  topology: z.record(z.string(), z.unknown()),
  spec: z.strictObject({
    seed: z.int().min(0),
    horizonHours: z.number().positive(),
    method: z.enum(['auto', 'plain', 'importance']),
    withEvents: z.boolean(),
    slo: z
      .strictObject({
        objectives: z.record(z.string(), z.number().min(0).max(100)),
        minOutageHours: finite,
      })
      .nullable()
      .optional(),
  }),
  trialsRequested: z.int().min(1),
  betas: z.strictObject({ 'is-control': beta, 'is-workloads': beta, 'is-all': beta }),
  shard: z.strictObject({ index: z.int(), count: z.int().min(1) }),
  /** The plain trials [from, to) the shard owns; importance-sampling passes use the same. */
  range: z.strictObject({ from: count, to: count }),
  /** Ctrl-C stopped the shard: its sums cover fewer trials than its range. */
  interrupted: z.boolean(),
  plain: runSumsSchema,
  importance: z.strictObject({
    'is-control': runSumsSchema.optional(),
    'is-workloads': runSumsSchema.optional(),
    'is-all': runSumsSchema.optional(),
  }),
  /** "sha256:" and the hash of the part's canonical JSON without this field. */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256: and 64 hexadecimal digits'),
});

export type PartFile = z.infer<typeof PartFileSchema>;

/** The schema's problems with a parsed part file, each with its field. */
export function partSchemaProblems(value: unknown): PartProblem[] {
  const r = PartFileSchema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(the part)',
    message: i.message,
  }));
}

/** The trials [from, to) shard `index` of `count` owns. */
export function shardRange(trials: number, index: number, n: number): { from: number; to: number } {
  return {
    from: Math.floor((index * trials) / n),
    to: Math.floor(((index + 1) * trials) / n),
  };
}

/**
 * The checks the schema cannot express, on a part that passed it: the shard within its count,
 * its range, the scenario, the layout of the sums and their consistency with their trials.
 */
export function partProblems(part: PartFile): PartProblem[] {
  const problems: PartProblem[] = [];
  const add = (path: string, message: string): void => void problems.push({ path, message });
  const { index, count: n } = part.shard;
  if (index < 0 || index >= n)
    add('shard.index', `${index} is not a shard of ${n} (expected 0 to ${n - 1})`);
  if (n > part.trialsRequested)
    add('shard.count', `${n} shards of ${part.trialsRequested} trials leave some empty`);
  const range = shardRange(part.trialsRequested, index, n);
  if (part.range.from !== range.from || part.range.to !== range.to) {
    add(
      'range',
      `trials ${part.range.from}–${part.range.to - 1} are not shard ${index}/${n}'s (${range.from}–${range.to - 1})`,
    );
  }
  if (problems.length > 0) return problems;
  const topology = checkedTopology(part.topology);
  if (topology === undefined) {
    add('topology', 'not a scenario hasim can run (edited or damaged)');
    return problems;
  }
  const spec = part.spec as RunSpec;
  const plan = createRunPlan(topology, spec);
  const betas = betasOf(plan);
  for (const g of IMPORTANCE_GROUPS) {
    if (betas[g] !== part.betas[g])
      add(`betas.${g}`, `${part.betas[g]} is not the scenario's (${betas[g]})`);
  }
  const shape = emptySumsFor(plan, 'plain');
  const trials = range.to - range.from;
  checkSums(part.plain, 'plain', shape, trials, part.interrupted, add);
  for (const g of IMPORTANCE_GROUPS) {
    const sums = part.importance[g];
    if (spec.method === 'plain') {
      if (sums !== undefined) add(`importance.${g}`, 'a plain run has no importance-sampling pass');
    } else if (sums === undefined) {
      if (!part.interrupted) add(`importance.${g}`, 'missing (the shard runs every pass)');
    } else checkSums(sums, g, shape, trials, part.interrupted, add);
  }
  return problems;
}

// --- internal ---

/** The part's topology when it is exactly what hasim makes of some valid scenario. */
function checkedTopology(value: Record<string, unknown>): Topology | undefined {
  try {
    const topology = value as unknown as Topology;
    const again = validateScenario(serializeTopology(topology));
    if (!again.ok) return undefined;
    return canonical(again.topology) === canonical(topology) ? topology : undefined;
  } catch {
    return undefined;
  }
}

function checkSums(
  json: PartFile['plain'],
  stream: 'plain' | ImportanceGroup,
  shape: RunSums,
  trials: number,
  interrupted: boolean,
  add: (path: string, message: string) => void,
): void {
  const at = stream === 'plain' ? 'plain' : `importance.${stream}`;
  const bits = bitsOf(stream);
  if (json.bits !== bits) return add(`${at}.bits`, `${json.bits} (expected ${bits})`);
  if (interrupted ? json.trials > trials : json.trials !== trials) {
    add(
      `${at}.trials`,
      `${json.trials} is not the ${trials} trials of the shard's range${interrupted ? ' or fewer' : ''}`,
    );
  }
  for (const k of ['predicates', 'clusters', 'slo'] as const) {
    if (json[k].length !== shape[k].length)
      add(`${at}.${k}`, `${json[k].length} entries; the scenario has ${shape[k].length}`);
  }
  const sums = runSumsFromJson(json);
  const t = BigInt(sums.trials);
  if (stream === 'plain') {
    // Each plain trial has weight 1: Σw = trials · 2^bits, Σw² = trials · 2^(2·bits).
    if (sums.weight !== t << BigInt(bits))
      add(`${at}.weight`, `does not match ${sums.trials} trials`);
    if (sums.weight2 !== t << BigInt(2 * bits))
      add(`${at}.weight2`, `does not match ${sums.trials} trials`);
  } else if (sums.trials > 0 && sums.weight === 0n) {
    add(`${at}.weight`, `0 for ${sums.trials} weighted trials`);
  }
  const atMost = (path: string, v: number): void => {
    if (v > sums.trials) add(`${at}.${path}`, `${v} trials is more than the ${sums.trials} run`);
  };
  sums.predicates.forEach((p, i) => {
    atMost(`predicates.${i}.anyTrials`, p.anyTrials);
    if (p.outageCount < p.anyTrials)
      add(`${at}.predicates.${i}.outageCount`, `${p.outageCount} < anyTrials ${p.anyTrials}`);
  });
  atMost('deployment.anyTrials', sums.deployment.anyTrials);
  sums.clusters.forEach((c, i) => atMost(`clusters.${i}.trialsWithLoss`, c.trialsWithLoss));
  sums.slo.forEach((e, i) => {
    atMost(`slo.${i}.all.trialsMissed`, e.all.trialsMissed);
    atMost(`slo.${i}.sla.trialsMissed`, e.sla.trialsMissed);
  });
}

/** JSON with every object's keys sorted: the same text for the same content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}
