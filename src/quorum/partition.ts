/**
 * Partitions: the domains split into two sides that cannot talk. Only a side holding a
 * majority of all members keeps quorum (model.md §3); two majorities always intersect, so at
 * most one side does.
 */
import type { DomainCounts } from './domain-tolerance.js';
import { hasQuorum } from './majority.js';

export interface PartitionSide {
  domains: string[];
  members: number;
  hasQuorum: boolean;
}

export interface PartitionOutcome {
  sides: [PartitionSide, PartitionSide];
  /** Index of the side that keeps quorum, or null when neither does. */
  quorumSide: 0 | 1 | null;
}

/** Which side, if any, keeps quorum when `side` is cut off from the other domains. */
export function analyzePartition(counts: DomainCounts, side: readonly string[]): PartitionOutcome {
  const names = Object.keys(counts);
  for (const name of side) {
    if (!names.includes(name)) {
      throw new RangeError(`unknown domain "${name}" (domains: ${names.join(', ')})`);
    }
  }
  const members = Object.values(counts).reduce((a, b) => a + b, 0);
  const build = (domains: string[]): PartitionSide => {
    const held = domains.reduce((a, d) => a + (counts[d] ?? 0), 0);
    return { domains, members: held, hasQuorum: hasQuorum(held, members) };
  };
  const a = build(names.filter((n) => side.includes(n)));
  const b = build(names.filter((n) => !side.includes(n)));
  return { sides: [a, b], quorumSide: a.hasQuorum ? 0 : b.hasQuorum ? 1 : null };
}

/** Every split of the domains into two non-empty sides (the first domain always on side 0). */
export function listPartitions(counts: DomainCounts): PartitionOutcome[] {
  const names = Object.keys(counts);
  if (names.length > 16) {
    throw new RangeError(`too many domains to list every split: ${names.length} (at most 16)`);
  }
  const outcomes: PartitionOutcome[] = [];
  const splits = 2 ** (names.length - 1);
  // Bit i of `mask` puts domain i + 1 on side 1; mask = 0 would leave side 1 empty.
  for (let mask = splits - 1; mask >= 1; mask--) {
    const side = names.filter((_, i) => i === 0 || (mask & (1 << (i - 1))) === 0);
    outcomes.push(analyzePartition(counts, side));
  }
  return outcomes;
}
