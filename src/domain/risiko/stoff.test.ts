import { describe, expect, it } from 'vitest';
import { exposureDeletionRefusal, exposureKeptUntil, exposureRetentionYears, sdsState } from './stoff.ts';

describe('exposure register retention (FUA § 31-1)', () => {
  it('is 60 years for carcinogenic or mutagenic agents, 5 for reprotoxic only', () => {
    expect(exposureRetentionYears(['kreftfremkallende'])).toBe(60);
    expect(exposureRetentionYears(['mutagen'])).toBe(60);
    expect(exposureRetentionYears(['reproduksjonstoksisk', 'kreftfremkallende'])).toBe(60);
    expect(exposureRetentionYears(['reproduksjonstoksisk'])).toBe(5);
  });

  it('counts from the day the exposure ended; none while it goes on', () => {
    expect(exposureKeptUntil(['kreftfremkallende'], '2026-12-31')).toBe('2086-12-31');
    expect(exposureKeptUntil(['reproduksjonstoksisk'], '2024-02-29')).toBe('2029-02-28');
    expect(exposureKeptUntil(['mutagen'], null)).toBeNull();
  });

  it('refuses deletion naming the rule, the years and the date', () => {
    const text = exposureDeletionRefusal(['kreftfremkallende'], '2026-12-31');
    expect(text.nb).toContain('60 år');
    expect(text.nb).toContain('2086-12-31');
    expect(text.nb).toContain('§ 31-1');
    expect(exposureDeletionRefusal(['reproduksjonstoksisk'], null).en).toContain(
      '5 years after the exposure has ended',
    );
  });
});

describe('safety data sheet currency (FUA § 2-1, § 2-2)', () => {
  it('is missing, current or outdated against the supplier’s latest revision', () => {
    expect(sdsState(null, '2026-01-01')).toBe('mangler');
    expect(sdsState('2026-01-01', null)).toBe('gjeldende');
    expect(sdsState('2026-01-01', '2026-01-01')).toBe('gjeldende');
    expect(sdsState('2026-01-01', '2026-06-01')).toBe('utdatert');
  });
});
