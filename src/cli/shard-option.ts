/**
 * `--shard i/n`, or `--shard auto/n` in a Kubernetes Indexed Job: the index then comes from
 * JOB_COMPLETION_INDEX, which the Job controller sets in every pod (kubernetes.io/docs/tasks/
 * job/indexed-parallel-processing-static, "the control plane automatically sets … the
 * JOB_COMPLETION_INDEX environment variable").
 */
import { InvalidArgumentError } from 'commander';
import type { Shard } from '../sim/run/shard.js';
import { UsageError } from './errors.js';

export type ShardOption = Shard | { index: 'auto'; count: number };

/** The environment variable an Indexed Job's pods find their completion index in. */
export const JOB_INDEX_VARIABLE = 'JOB_COMPLETION_INDEX';

export function parseShardOption(value: string): ShardOption {
  const m = /^(\d+|auto)\/(\d+)$/.exec(value.trim());
  const count = Number(m?.[2]);
  if (m === null || count < 1 || (m[1] !== 'auto' && Number(m[1]) >= count)) {
    throw new InvalidArgumentError(
      `expected i/n with 0 ≤ i < n (e.g. 0/4), or auto/n in an Indexed Job, got "${value}"`,
    );
  }
  return m[1] === 'auto' ? { index: 'auto', count } : { index: Number(m[1]), count };
}

/** The shard to run: `auto` reads JOB_COMPLETION_INDEX from `env`, with a one-line error. */
export function resolveShard(option: ShardOption, env: NodeJS.ProcessEnv): Shard {
  if (option.index !== 'auto') return { index: option.index, count: option.count };
  const raw = env[JOB_INDEX_VARIABLE];
  const shard = `--shard auto/${option.count}`;
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError(
      `${shard} takes the shard index from ${JOB_INDEX_VARIABLE} (set in the pods of a Kubernetes Indexed Job), which is not set; give --shard i/${option.count} instead`,
    );
  }
  const index = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!(index < option.count)) {
    throw new UsageError(
      `${shard}: ${JOB_INDEX_VARIABLE}="${raw}" is not a shard index from 0 to ${option.count - 1} (does the Job's completions equal ${option.count}?)`,
    );
  }
  return { index, count: option.count };
}
