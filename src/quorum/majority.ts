/**
 * Majority and failure tolerance of a Raft group such as etcd (model.md §4, etcd FAQ): a group
 * of n members needs q(n) = ⌊n/2⌋ + 1 of them to agree, so it survives t(n) = n − q(n) failures.
 */

/** The majority (quorum) of n members: ⌊n/2⌋ + 1. @example majority(5) === 3 */
export function majority(members: number): number {
  assertMembers(members);
  return Math.floor(members / 2) + 1;
}

/** How many of n members may fail while a majority stays up: n − majority(n). */
export function faultTolerance(members: number): number {
  return members - majority(members);
}

/** Whether `up` members of a group of n form a majority. */
export function hasQuorum(up: number, members: number): boolean {
  return up >= majority(members);
}

// --- internal ---

function assertMembers(members: number): void {
  if (!Number.isSafeInteger(members) || members < 1) {
    throw new RangeError(`a group needs a whole number of members ≥ 1, got ${members}`);
  }
}
