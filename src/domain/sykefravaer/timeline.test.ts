import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../calendar/index.ts';
import { p } from './test-support.ts';
import { buildTimeline, TimelineScratch, timelineFromPeriods, toDayPeriods } from './timeline.ts';
import type { Period } from './types.ts';

const KIND = ['ingen', 'behandlingsdager', 'sykmelding', 'egenmelding', 'ferie', 'arbeid'];

function segments(periods: Period[]) {
  const t = buildTimeline(toDayPeriods(periods));
  if (t === null) return [];
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    out.push(
      `${fromDayNumber(t.start[i] as number)}..${fromDayNumber(t.end[i] as number)} ${KIND[t.kind[i] as number]} ${t.grade[i]}`,
    );
  }
  return out;
}

describe('buildTimeline (§11.1 segments)', () => {
  it('splits overlapping periods by priority and leaves gaps out', () => {
    expect(
      segments([
        p('2025-01-06', '2025-01-31'),
        p('2025-01-13', '2025-01-17', 'ferie'),
        p('2025-01-15', '2025-01-15', 'arbeid'),
        p('2025-02-10', '2025-02-12', 'behandlingsdager'),
      ]),
    ).toEqual([
      '2025-01-06..2025-01-12 sykmelding 100',
      '2025-01-13..2025-01-14 ferie 100',
      '2025-01-15..2025-01-15 arbeid 100',
      '2025-01-16..2025-01-17 ferie 100',
      '2025-01-18..2025-01-31 sykmelding 100',
      '2025-02-10..2025-02-12 behandlingsdager 100',
    ]);
  });

  it('keeps the higher grade where sykmeldinger overlap, and joins adjacent equal periods', () => {
    expect(
      segments([
        p('2025-01-06', '2025-01-20', 'sykmelding', 50),
        p('2025-01-15', '2025-01-25', 'sykmelding', 80),
        p('2025-01-26', '2025-01-31', 'sykmelding', 80),
      ]),
    ).toEqual(['2025-01-06..2025-01-14 sykmelding 50', '2025-01-15..2025-01-31 sykmelding 80']);
  });

  it('egenmelding beats sykmelding; sykmelding beats behandlingsdager', () => {
    expect(
      segments([
        p('2025-01-06', '2025-01-10', 'behandlingsdager'),
        p('2025-01-08', '2025-01-12', 'sykmelding', 40),
        p('2025-01-09', '2025-01-09', 'egenmelding'),
      ]),
    ).toEqual([
      '2025-01-06..2025-01-07 behandlingsdager 100',
      '2025-01-08..2025-01-08 sykmelding 40',
      '2025-01-09..2025-01-09 egenmelding 100',
      '2025-01-10..2025-01-12 sykmelding 40',
    ]);
  });

  it('timelineFromPeriods parses straight into a reused scratch and rejects bad periods', () => {
    const scratch = new TimelineScratch();
    const many = Array.from({ length: 100 }, (_, i) =>
      p(fromDayNumber(20000 + i * 3), fromDayNumber(20000 + i * 3), 'egenmelding'),
    );
    expect(timelineFromPeriods(many, scratch)?.count).toBe(100);
    expect(timelineFromPeriods([p('2025-01-06', '2025-01-10')], scratch)?.count).toBe(1);
    expect(timelineFromPeriods([], scratch)).toBeNull();
    expect(() => timelineFromPeriods([p('2025-01-10', '2025-01-06')], scratch)).toThrow(RangeError);
    expect(() => timelineFromPeriods([p('2025-02-30', '2025-03-01')], scratch)).toThrow(RangeError);
  });
});
