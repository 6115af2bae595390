/**
 * The acceptance table of `hasim lab`: for each placement, whether etcd keeps quorum with each
 * single zone and each pair of zones down. Worked out by hand from the majority q(n) = ⌊n/2⌋ + 1
 * (etcd FAQ, "What is failure tolerance?"): quorum is kept iff the members left number ≥ q.
 */
export interface ZoneTableRow {
  placement: string;
  /** The lab fixture (test/fixtures/lab/<file>.yaml) holding this placement. */
  file: string;
  counts: number[];
  /** Zones down (joined by +) → quorum kept. */
  kept: Record<string, boolean>;
}

export const ZONE_TABLE: ZoneTableRow[] = [
  // n = 3, q = 2: any one zone leaves 2; any two leave 1.
  {
    placement: '1+1+1',
    file: 'placement-1-1-1',
    counts: [1, 1, 1],
    kept: { a: true, b: true, c: true, 'a+b': false, 'a+c': false, 'b+c': false },
  },
  // n = 3, q = 2: losing a leaves 1, losing b leaves 2.
  {
    placement: '2+1',
    file: 'placement-2-1',
    counts: [2, 1],
    kept: { a: false, b: true, 'a+b': false },
  },
  // n = 5, q = 3: one zone leaves ≥ 3; two zones leave ≤ 2.
  {
    placement: '2+2+1',
    file: 'placement-2-2-1',
    counts: [2, 2, 1],
    kept: { a: true, b: true, c: true, 'a+b': false, 'a+c': false, 'b+c': false },
  },
  // n = 5, q = 3: losing a leaves 2, losing b leaves 3.
  {
    placement: '3+2',
    file: 'placement-3-2',
    counts: [3, 2],
    kept: { a: false, b: true, 'a+b': false },
  },
  // n = 7, q = 4: one zone leaves ≥ 5; two zones of 2 leave 3, a zone of 2 with d leaves 4.
  {
    placement: '2+2+2+1',
    file: 'placement-2-2-2-1',
    counts: [2, 2, 2, 1],
    kept: {
      a: true,
      b: true,
      c: true,
      d: true,
      'a+b': false,
      'a+c': false,
      'a+d': true,
      'b+c': false,
      'b+d': true,
      'c+d': true,
    },
  },
];

/** The zones a sweep phase takes down, from its label (`zone r/a down; zone r/b down` → a+b). */
export function zonesDown(label: string): string | null {
  const zones = [...label.matchAll(/zone r\/(\w+) down/g)].map((m) => m[1]);
  return zones.length === 0 ? null : zones.join('+');
}
