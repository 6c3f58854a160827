import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_KIND_TEXT,
  ASSESSMENT_KINDS,
  PREGNANCY_HAZARDS,
  PREGNANCY_KEY_PREFIX,
  pregnancyHazardByKey,
  reviewAfterPregnancyNotice,
  templateHazards,
} from './gravide.ts';
import { HAZARD_AREAS, HAZARD_CHECKLIST } from './hazards.ts';

describe('the template for pregnant and breastfeeding workers', () => {
  it('gives every hazard a known area, a unique prefixed key and text in both languages', () => {
    const keys = PREGNANCY_HAZARDS.map((h) => h.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const h of PREGNANCY_HAZARDS) {
      expect(HAZARD_AREAS).toContain(h.area);
      expect(h.key.startsWith(PREGNANCY_KEY_PREFIX)).toBe(true);
      // The stored hazard_key is at most 60 characters (migration 0018).
      expect(h.key.length).toBeLessThanOrEqual(60);
      expect(h.text.nb.trim().length).toBeGreaterThan(3);
      expect(h.text.en.trim().length).toBeGreaterThan(3);
      expect(h.text.nb).not.toBe(h.text.en);
      // A risk's title is at most 300 characters: the template text becomes the title.
      expect(h.text.nb.length).toBeLessThanOrEqual(300);
      expect(h.text.en.length).toBeLessThanOrEqual(300);
    }
  });

  it('never shares a key with the general checklist', () => {
    const general = new Set(HAZARD_CHECKLIST.map((h) => h.key));
    for (const h of PREGNANCY_HAZARDS) expect(general.has(h.key)).toBe(false);
  });

  it('covers what the template must consider, each under its area', () => {
    const area = (key: string) => pregnancyHazardByKey(`${PREGNANCY_KEY_PREFIX}${key}`)?.area;
    expect(area('tunge-loft')).toBe('ergonomisk');
    expect(area('staende')).toBe('ergonomisk');
    expect(area('natt-lange-vakter')).toBe('organisatorisk');
    expect(area('amming')).toBe('organisatorisk');
    expect(area('reprotoksiske')).toBe('kjemisk-biologisk');
    expect(area('smitte')).toBe('kjemisk-biologisk');
    expect(area('ioniserende')).toBe('fysisk');
    expect(area('stoy')).toBe('fysisk');
    expect(area('vibrasjon')).toBe('fysisk');
    expect(area('varme-kulde')).toBe('fysisk');
    expect(area('vold-trusler')).toBe('psykososial');
    expect(pregnancyHazardByKey('tunge-loft')).toBeUndefined();
    // The CMR/reprotoxic hazard names every H-phrase it is about.
    const cmr = pregnancyHazardByKey(`${PREGNANCY_KEY_PREFIX}reprotoksiske`);
    for (const phrase of ['H340', 'H350', 'H360', 'H361', 'H362']) expect(cmr?.text.nb).toContain(phrase);
  });

  it('is what the «gravide» template creates', () => {
    expect(templateHazards('gravide')).toBe(PREGNANCY_HAZARDS);
    for (const kind of ASSESSMENT_KINDS) expect(ASSESSMENT_KIND_TEXT[kind].nb.length).toBeGreaterThan(0);
  });
});

describe('a pregnancy notice brings the review forward (FOLM § 7-1)', () => {
  it('moves a review due next year to the day of the notice', () => {
    expect(reviewAfterPregnancyNotice('2028-03-10', '2027-05-04')).toBe('2027-05-04');
  });
  it('keeps a review already due today or earlier where it is (never later)', () => {
    expect(reviewAfterPregnancyNotice('2027-05-04', '2027-05-04')).toBe('2027-05-04');
    expect(reviewAfterPregnancyNotice('2027-04-01', '2027-05-04')).toBe('2027-04-01');
  });
});
