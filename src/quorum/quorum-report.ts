/**
 * The data of `hasim quorum`: majority, tolerance, zone tolerance and critical zones of one
 * etcd placement, the advice a reader needs (warnings) and nearby alternatives to compare.
 */
import { balancedSpread, computeDomainTolerance, nameDomains } from './domain-tolerance.js';
import { faultTolerance, majority } from './majority.js';
import { listPartitions, type PartitionOutcome } from './partition.js';

export interface QuorumReportOptions {
  /** Members of the group; defaults to the sum of `zones`. */
  members?: number;
  /** Members per zone, named z1, z2, … in order; absent means no zone information. */
  zones?: readonly number[];
}

export type QuorumWarningCode =
  'single-member' | 'even-members' | 'over-seven' | 'single-zone' | 'two-zones' | 'uneven-spread';

export interface QuorumWarning {
  code: QuorumWarningCode;
  message: string;
}

export interface QuorumAlternative {
  members: number;
  /** Members per zone (z1, z2, …); null when the zones are unknown. */
  zones: number[] | null;
  quorum: number;
  tolerance: number;
  zoneTolerance: number | null;
  note: 'given' | 're-spread' | 'over 3 zones';
}

export interface QuorumReport {
  version: 1;
  members: number;
  quorum: number;
  tolerance: number;
  /** Members per zone by name, or null without zone information. */
  zones: Record<string, number> | null;
  zoneTolerance: number | null;
  /** The smallest sets of zones whose loss breaks quorum (at most 50 listed). */
  criticalZoneSets: string[][] | null;
  criticalZoneSetCount: number | null;
  /** Every split of the zones into two sides, for 2 to 8 zones; else null. */
  partitions: PartitionOutcome[] | null;
  warnings: QuorumWarning[];
  alternatives: QuorumAlternative[];
}

/** Builds the quorum report; throws RangeError when `members` and the sum of `zones` differ. */
export function buildQuorumReport(options: QuorumReportOptions): QuorumReport {
  const zoneSum = options.zones?.reduce((a, b) => a + b, 0);
  const members = options.members ?? zoneSum;
  if (members === undefined) throw new RangeError('give members, zones or both');
  if (zoneSum !== undefined && zoneSum !== members) {
    throw new RangeError(`the zones hold ${zoneSum} members, not ${members}`);
  }
  const zones = options.zones === undefined ? null : nameDomains(options.zones);
  const tolerance = zones === null ? null : computeDomainTolerance(zones);
  const zoneCount = options.zones?.length ?? 0;
  return {
    version: 1,
    members,
    quorum: majority(members),
    tolerance: faultTolerance(members),
    zones,
    zoneTolerance: tolerance?.domainTolerance ?? null,
    criticalZoneSets: tolerance?.criticalSets ?? null,
    criticalZoneSetCount: tolerance?.criticalSetCount ?? null,
    partitions: zones !== null && zoneCount >= 2 && zoneCount <= 8 ? listPartitions(zones) : null,
    warnings: buildWarnings(members, options.zones),
    alternatives: buildAlternatives(members, options.zones),
  };
}

// --- internal ---

function zoneToleranceOf(spread: readonly number[]): number {
  return computeDomainTolerance(nameDomains(spread)).domainTolerance;
}

function buildWarnings(members: number, zones: readonly number[] | undefined): QuorumWarning[] {
  const warnings: QuorumWarning[] = [];
  if (members === 1) {
    warnings.push({ code: 'single-member', message: 'a single member tolerates no failure' });
  } else if (members % 2 === 0) {
    warnings.push({
      code: 'even-members',
      message: `${members} members tolerate no more failures than ${members - 1} (etcd FAQ): an even size adds a member without adding tolerance`,
    });
  }
  if (members > 7) {
    warnings.push({
      code: 'over-seven',
      message: `${members} members: more than 7 slow every write and the etcd FAQ advises against them`,
    });
  }
  if (zones === undefined) return warnings;
  const used = zones.filter((n) => n > 0).length;
  if (used === 1) {
    warnings.push({
      code: 'single-zone',
      message: 'every member is in one zone: losing that zone loses quorum',
    });
  } else if (used === 2) {
    warnings.push({
      code: 'two-zones',
      message:
        'over two zones no placement survives the loss of the zone holding more members ' +
        '(or either zone, when they hold the same): add a third zone; one witness member there is enough',
    });
  } else if (used >= 3) {
    const even = balancedSpread(members, zones.length);
    const better = zoneToleranceOf(even);
    const given = zoneToleranceOf(zones);
    if (better > given) {
      warnings.push({
        code: 'uneven-spread',
        message: `spread as ${even.join(',')} the same members tolerate ${better} zone loss${better === 1 ? '' : 'es'}, not ${given}`,
      });
    }
  }
  return warnings;
}

function buildAlternatives(
  members: number,
  zones: readonly number[] | undefined,
): QuorumAlternative[] {
  const sizes = new Set([members - 2, members, members + 2]);
  if (members % 2 === 0) [members - 1, members + 1].forEach((n) => sizes.add(n));
  const candidates = [...sizes].filter((n) => n >= 1).sort((a, b) => a - b);
  const rows: QuorumAlternative[] = [];
  const add = (n: number, spread: number[] | null, note: QuorumAlternative['note']): void => {
    const key = (r: QuorumAlternative): string => `${r.members}:${r.zones?.join(',') ?? '-'}`;
    const row: QuorumAlternative = {
      members: n,
      zones: spread,
      quorum: majority(n),
      tolerance: faultTolerance(n),
      zoneTolerance: spread === null ? null : zoneToleranceOf(spread),
      note,
    };
    if (!rows.some((r) => key(r) === key(row))) rows.push(row);
  };
  add(members, zones === undefined ? null : [...zones], 'given');
  if (zones !== undefined) {
    for (const n of candidates) add(n, balancedSpread(n, zones.length), 're-spread');
  }
  if (zones === undefined || zones.length < 3) {
    for (const n of candidates) add(n, balancedSpread(n, 3), 'over 3 zones');
  }
  return rows;
}
