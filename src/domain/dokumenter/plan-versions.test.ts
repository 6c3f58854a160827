import { describe, expect, it } from 'vitest';
import { continuesEditingSession, type LatestSave } from './plan-versions.ts';

const at = (iso: string) => new Date(iso);
const base: LatestSave = {
  status: 'utkast',
  contentVersion: 2,
  versionSavedBy: 'lise',
  lastWriteBy: 'lise',
  lastWriteAt: at('2026-11-23T09:00:00Z'),
  approvedVersion: null,
  sentVersions: [],
};

describe('continuesEditingSession (one stored version per editing session)', () => {
  it('the same user saving again within 30 minutes replaces the latest version', () => {
    expect(continuesEditingSession(base, 'lise', at('2026-11-23T09:00:05Z'))).toBe(true);
    expect(continuesEditingSession(base, 'lise', at('2026-11-23T09:29:59Z'))).toBe(true);
  });
  it('30 minutes or more after the last write starts a new version', () => {
    expect(continuesEditingSession(base, 'lise', at('2026-11-23T09:30:00Z'))).toBe(false);
  });
  it('another user starts a new version', () => {
    expect(continuesEditingSession(base, 'hilde', at('2026-11-23T09:01:00Z'))).toBe(false);
    expect(
      continuesEditingSession({ ...base, lastWriteBy: 'hilde' }, 'lise', at('2026-11-23T09:01:00Z')),
    ).toBe(false);
  });
  it('the empty draft (version 1), a plan sent for approval, an approved or sent version stay as they are', () => {
    const now = at('2026-11-23T09:01:00Z');
    expect(continuesEditingSession({ ...base, contentVersion: 1 }, 'lise', now)).toBe(false);
    expect(continuesEditingSession({ ...base, status: 'til-godkjenning' }, 'lise', now)).toBe(false);
    expect(continuesEditingSession({ ...base, approvedVersion: 2 }, 'lise', now)).toBe(false);
    expect(continuesEditingSession({ ...base, sentVersions: [2] }, 'lise', now)).toBe(false);
    expect(continuesEditingSession({ ...base, approvedVersion: 1, sentVersions: [1] }, 'lise', now)).toBe(
      true,
    );
  });
  it('a clock that went backwards starts a new version', () => {
    expect(continuesEditingSession(base, 'lise', at('2026-11-23T08:59:00Z'))).toBe(false);
  });
});
