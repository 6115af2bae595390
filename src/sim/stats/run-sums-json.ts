/**
 * RunSums as JSON (BigInts as hexadecimal strings), for shard part files and worker messages
 * that need text. Parsing checks the shape so a damaged part file is an error, not a wrong answer.
 */
import type { DeploymentSums, LossSums, PredicateSums, RunSums } from './run-sums.js';
import type { SloAccountSums, SloSums } from './slo-sums.js';

type Hex = string;

/** RunSums with every BigInt as a hexadecimal string. */
export type RunSumsJson = {
  [K in keyof RunSums]: RunSums[K] extends bigint
    ? Hex
    : K extends 'predicates'
      ? {
          [P in keyof PredicateSums]: PredicateSums[P] extends bigint
            ? Hex
            : PredicateSums[P] extends bigint[]
              ? Hex[]
              : PredicateSums[P];
        }[]
      : K extends 'clusters'
        ? { [P in keyof LossSums]: LossSums[P] extends bigint ? Hex : LossSums[P] }[]
        : K extends 'deployment'
          ? { [P in keyof DeploymentSums]: DeploymentSums[P] extends bigint ? Hex : number }
          : K extends 'slo'
            ? SloSumsJson[]
            : RunSums[K];
};

type AccountJson = { [P in keyof SloAccountSums]: SloAccountSums[P] extends bigint ? Hex : number };
type SloSumsJson = Omit<SloSums, 'all' | 'sla'> & { all: AccountJson; sla: AccountJson };

export function runSumsToJson(s: RunSums): RunSumsJson {
  const big = (v: bigint): string => (v < 0n ? `-${(-v).toString(16)}` : v.toString(16));
  return {
    bits: s.bits,
    trials: s.trials,
    events: s.events,
    weight: big(s.weight),
    weight2: big(s.weight2),
    predicates: s.predicates.map((p) => ({
      down: big(p.down),
      down2: big(p.down2),
      downZero: big(p.downZero),
      outages: big(p.outages),
      outages2: big(p.outages2),
      any: big(p.any),
      any2: big(p.any2),
      anyTrials: p.anyTrials,
      outageCount: p.outageCount,
      causeHours: p.causeHours.map(big),
      causeCount: p.causeCount,
      hist: p.hist,
      maxHours: p.maxHours,
    })),
    deployment: {
      down: big(s.deployment.down),
      down2: big(s.deployment.down2),
      downZero: big(s.deployment.downZero),
      any: big(s.deployment.any),
      any2: big(s.deployment.any2),
      anyTrials: s.deployment.anyTrials,
    },
    clusters: s.clusters.map((c) => ({
      events: big(c.events),
      hours: big(c.hours),
      totalLosses: big(c.totalLosses),
      trialsWithLoss: c.trialsWithLoss,
    })),
    slo: s.slo.map((e) => ({
      all: accountToJson(e.all, big),
      sla: accountToJson(e.sla, big),
      hist: e.hist,
      zeroMonths: e.zeroMonths,
      maxHours: e.maxHours,
    })),
  };
}

export function runSumsFromJson(value: unknown): RunSums {
  const o = obj(value);
  return {
    bits: num(o['bits']),
    trials: num(o['trials']),
    events: num(o['events']),
    weight: big(o['weight']),
    weight2: big(o['weight2']),
    predicates: arr(o['predicates']).map((v): PredicateSums => {
      const p = obj(v);
      return {
        down: big(p['down']),
        down2: big(p['down2']),
        downZero: big(p['downZero']),
        outages: big(p['outages']),
        outages2: big(p['outages2']),
        any: big(p['any']),
        any2: big(p['any2']),
        anyTrials: num(p['anyTrials']),
        outageCount: num(p['outageCount']),
        causeHours: arr(p['causeHours']).map(big),
        causeCount: arr(p['causeCount']).map(num),
        hist: arr(p['hist']).map(num),
        maxHours: num(p['maxHours']),
      };
    }),
    deployment: deploymentFromJson(o['deployment']),
    clusters: arr(o['clusters']).map((v): LossSums => {
      const c = obj(v);
      return {
        events: big(c['events']),
        hours: big(c['hours']),
        totalLosses: big(c['totalLosses']),
        trialsWithLoss: num(c['trialsWithLoss']),
      };
    }),
    slo: arr(o['slo'] ?? []).map((v): SloSums => {
      const e = obj(v);
      return {
        all: accountFromJson(e['all']),
        sla: accountFromJson(e['sla']),
        hist: arr(e['hist']).map(num),
        zeroMonths: num(e['zeroMonths']),
        maxHours: num(e['maxHours']),
      };
    }),
  };
}

// --- internal ---

function accountToJson(a: SloAccountSums, big: (v: bigint) => string): AccountJson {
  return {
    miss: big(a.miss),
    miss2: big(a.miss2),
    trialsMissed: a.trialsMissed,
    burn: big(a.burn),
    burn2: big(a.burn2),
  };
}

function accountFromJson(v: unknown): SloAccountSums {
  const a = obj(v);
  return {
    miss: big(a['miss']),
    miss2: big(a['miss2']),
    trialsMissed: num(a['trialsMissed']),
    burn: big(a['burn']),
    burn2: big(a['burn2']),
  };
}

function deploymentFromJson(v: unknown): DeploymentSums {
  const d = obj(v);
  return {
    down: big(d['down']),
    down2: big(d['down2']),
    downZero: big(d['downZero']),
    any: big(d['any']),
    any2: big(d['any2']),
    anyTrials: num(d['anyTrials']),
  };
}

function fail(what: string): never {
  throw new Error(`not a hasim run-sums record: expected ${what}`);
}

function obj(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('an object');
  return v as Record<string, unknown>;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : fail('an array');
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail('a number');
}

function big(v: unknown): bigint {
  if (typeof v !== 'string' || !/^-?[0-9a-f]+$/.test(v)) fail('a hexadecimal integer');
  return v.startsWith('-') ? -BigInt(`0x${v.slice(1)}`) : BigInt(`0x${v}`);
}
