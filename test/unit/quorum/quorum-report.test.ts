import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQuorumReport } from '../../../src/quorum/quorum-report.js';
import { renderQuorumText } from '../../../src/report/render-quorum-text.js';
import { PLAIN_STYLE } from '../../../src/report/text-style.js';
import { bruteZoneTolerance } from '../../helpers/quorum-oracles.js';

const codes = (report: ReturnType<typeof buildQuorumReport>) => report.warnings.map((w) => w.code);

describe('buildQuorumReport', () => {
  it('reports 5 members over 2,2,1: quorum 3, tolerance 2, one zone loss', () => {
    const report = buildQuorumReport({ members: 5, zones: [2, 2, 1] });
    expect(report).toMatchObject({
      version: 1,
      members: 5,
      quorum: 3,
      tolerance: 2,
      zoneTolerance: 1,
    });
    expect(report.warnings).toEqual([]);
  });

  it('names the 3-member zone of 3,2 as critical and warns about two zones', () => {
    const report = buildQuorumReport({ zones: [3, 2] });
    expect(report.zoneTolerance).toBe(0);
    expect(report.criticalZoneSets).toEqual([['z1']]);
    expect(codes(report)).toEqual(['two-zones']);
  });

  it('reports no zone tolerance without zones, and suggests spreads over 3 zones', () => {
    const report = buildQuorumReport({ members: 3 });
    expect(report.zones).toBeNull();
    expect(report.zoneTolerance).toBeNull();
    expect(report.criticalZoneSets).toBeNull();
    expect(
      report.alternatives.some((a) => a.note === 'over 3 zones' && a.zoneTolerance === 1),
    ).toBe(true);
  });

  it('warns about an even size, more than 7 members and a single zone', () => {
    expect(codes(buildQuorumReport({ members: 4 }))).toEqual(['even-members']);
    expect(codes(buildQuorumReport({ members: 9 }))).toEqual(['over-seven']);
    expect(codes(buildQuorumReport({ zones: [3] }))).toEqual(['single-zone']);
    expect(codes(buildQuorumReport({ members: 1 }))).toEqual(['single-member']);
  });

  it('points out an uneven spread that an even one would beat', () => {
    const report = buildQuorumReport({ zones: [3, 1, 1] });
    expect(report.zoneTolerance).toBe(0);
    expect(report.warnings).toContainEqual({
      code: 'uneven-spread',
      message: expect.stringContaining('2,2,1') as string,
    });
  });

  it('rejects zones that do not hold the members given', () => {
    expect(() => buildQuorumReport({ members: 4, zones: [3, 2] })).toThrow(/5 members, not 4/);
  });

  it('lists the given placement first and alternatives with the same zone count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        (zones) => {
          const report = buildQuorumReport({ zones });
          expect(report.alternatives[0]).toMatchObject({ zones, note: 'given' });
          for (const a of report.alternatives) {
            expect(a.zones?.reduce((x, y) => x + y, 0)).toBe(a.members);
            expect(a.zoneTolerance).toBe(bruteZoneTolerance(a.zones ?? []));
            expect(2 * a.quorum).toBeGreaterThan(a.members);
          }
        },
      ),
    );
  });

  it('survives a round trip through JSON unchanged', () => {
    const report = buildQuorumReport({ members: 6, zones: [2, 2, 2] });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('renderQuorumText', () => {
  it('shows the figures, the critical zones and the warnings in plain text', () => {
    const text = renderQuorumText(buildQuorumReport({ zones: [3, 2] }), PLAIN_STYLE);
    expect(text).toContain('5 etcd members over 2 zones (z1=3, z2=2)');
    expect(text).toMatch(/zone tolerance\s+0 zone losses/);
    expect(text).toMatch(/quorum lost with\s+\{z1\}/);
    expect(text).toContain('⚠ over two zones');
    expect(text).not.toContain('\u001b[');
  });
});
