import { describe, expect, it } from 'vitest';
import { groupAccessLog } from '../../web/src/modules/sykefravaer/access-log-groups.ts';
import type { AccessLogEntry } from '../../web/src/modules/sykefravaer/types.ts';

const kari = { id: 'u-kari', name: 'Kari Leder' };
const hanne = { id: 'u-hanne', name: 'Hanne HR' };
const entry = (at: string, by: AccessLogEntry['by'], action = 'read', roles = ['leder']): AccessLogEntry => ({
  at,
  by,
  roles,
  action,
  record: null,
  document: null,
});

describe('«Hvem har åpnet saken»: one line per person, day and kind', () => {
  it('seven reads in a minute by one leader are one line with the count and the times (Norwegian time)', () => {
    const entries = [6, 5, 4, 3, 2, 1, 0].map((s) =>
      entry(`2026-12-03T08:12:${String(s * 8).padStart(2, '0')}Z`, kari),
    );
    expect(groupAccessLog(entries)).toEqual([
      {
        key: 'u-kari|2026-12-03|read',
        by: kari,
        roles: ['leder'],
        day: '2026-12-03',
        denied: false,
        count: 7,
        from: '09:12',
        to: '09:12',
        opened: ['case'],
      },
    ]);
  });

  it('keeps people, Norwegian days and refused attempts apart, newest first', () => {
    const groups = groupAccessLog([
      entry('2026-07-02T09:00:00Z', hanne, 'read', ['hr']),
      entry('2026-07-01T22:30:00Z', kari), // 00:30 on 2 July in Norway (summer time)
      entry('2026-07-01T21:30:00Z', kari), // 23:30 on 1 July
      entry('2026-07-01T21:00:00Z', kari, 'denied'),
    ]);
    expect(groups.map((g) => [g.by.name, g.day, g.denied, g.count, g.from])).toEqual([
      ['Hanne HR', '2026-07-02', false, 1, '11:00'],
      ['Kari Leder', '2026-07-02', false, 1, '00:30'],
      ['Kari Leder', '2026-07-01', false, 1, '23:30'],
      ['Kari Leder', '2026-07-01', true, 1, '23:00'],
    ]);
  });

  it('gathers every role a person read under that day', () => {
    const [group] = groupAccessLog([
      entry('2026-03-02T10:00:00Z', hanne, 'read', ['hr']),
      entry('2026-03-02T09:00:00Z', hanne, 'read', ['admin', 'hr']),
    ]);
    expect(group?.roles).toEqual(['hr', 'admin']);
    expect([group?.from, group?.to]).toEqual(['10:00', '11:00']);
  });

  it('says what was opened: the case and the documents of the case, each once, newest first', () => {
    const doc = (at: string, document: AccessLogEntry['document']): AccessLogEntry => ({
      ...entry(at, kari),
      document,
    });
    const [group, ...rest] = groupAccessLog([
      doc('2026-03-02T10:05:00Z', 'legebrev'),
      doc('2026-03-02T10:04:00Z', 'oppfolgingsplan'),
      doc('2026-03-02T10:03:00Z', null),
      doc('2026-03-02T10:02:00Z', 'oppfolgingsplan'),
      doc('2026-03-02T10:01:00Z', 'dialogmote'),
    ]);
    expect(rest).toEqual([]);
    expect(group?.count).toBe(5);
    expect(group?.opened).toEqual(['legebrev', 'oppfolgingsplan', 'case', 'dialogmote']);
  });
});
