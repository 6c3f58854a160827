import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/locale.ts';
import {
  parseSystemNote,
  renderRecordNote,
  SYSTEM_NOTE_CODES,
  type SystemNote,
  storedSystemNote,
  systemNoteSentence,
} from './system-notes.ts';

/** One note of every code, with every parameter combination that changes the text. */
const EXAMPLES: SystemNote[] = [
  { code: 'plan-sent', unapproved: false },
  { code: 'plan-sent', unapproved: true },
  { code: 'plan-sent', version: 3, unapproved: false },
  { code: 'plan-sent', version: 3, unapproved: true },
  { code: 'dialogmote1-held' },
];

const render = (system: SystemNote | null, typed: string | null = null) => ({
  nb: renderRecordNote({ typed, system }, 'nb'),
  en: renderRecordNote({ typed, system }, 'en'),
});

describe('system notes', () => {
  it('every code has an example here, and each renders a different, non-empty text in nb and en', () => {
    expect([...new Set(EXAMPLES.map((e) => e.code))].sort()).toEqual([...SYSTEM_NOTE_CODES].sort());
    for (const example of EXAMPLES) {
      const text = render(example);
      for (const locale of LOCALES) expect(text[locale]?.length ?? 0).toBeGreaterThan(10);
      expect(text.en).not.toBe(text.nb);
      // No Norwegian letters in the English text (the Norwegian word «sykmelder» is explained).
      expect(text.en).not.toMatch(/[æøå]/i);
    }
  });

  it('renders the sentences Nærvær wrote as prose before (so migrated rows read the same in bokmål)', () => {
    expect(render({ code: 'plan-sent', unapproved: false })).toEqual({
      nb: 'Oppfølgingsplanen er sendt til sykmelder.',
      en: 'The follow-up plan has been sent to the doctor (sykmelder).',
    });
    expect(render({ code: 'plan-sent', version: 2, unapproved: true })).toEqual({
      nb: 'Oppfølgingsplanen (versjon 2) er sendt til sykmelder. Planen var ikke godkjent av arbeidstakeren.',
      en: 'The follow-up plan (version 2) has been sent to the doctor (sykmelder). The employee had not approved the plan.',
    });
    expect(render({ code: 'dialogmote1-held' })).toEqual({
      nb: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
      en: 'Dialogue meeting 1 has been held; the minutes are written.',
    });
  });

  it('a typed note replaces the fixed sentence, and the unapproved warning follows it in the reader’s language', () => {
    expect(render({ code: 'plan-sent', unapproved: true }, 'Sendt på e-post til fastlegen.')).toEqual({
      nb: 'Sendt på e-post til fastlegen. Planen var ikke godkjent av arbeidstakeren.',
      en: 'Sendt på e-post til fastlegen. The employee had not approved the plan.',
    });
    expect(render({ code: 'plan-sent', unapproved: false }, 'Sendt i posten.')).toEqual({
      nb: 'Sendt i posten.',
      en: 'Sendt i posten.',
    });
  });

  it('a record without a code shows what was typed, untouched (or nothing)', () => {
    expect(render(null, 'Ringte legen.')).toEqual({ nb: 'Ringte legen.', en: 'Ringte legen.' });
    expect(render(null, null)).toEqual({ nb: null, en: null });
  });

  it('stores a code and its parameters, and reads them back (as jsonb object or text)', () => {
    for (const example of EXAMPLES) {
      const stored = storedSystemNote(example);
      expect(stored.code).toBe(example.code);
      expect(parseSystemNote(stored.code, stored.params)).toEqual(example);
      expect(parseSystemNote(stored.code, stored.params === null ? null : JSON.parse(stored.params))).toEqual(
        example,
      );
    }
    expect(storedSystemNote({ code: 'dialogmote1-held' }).params).toBeNull();
    expect(storedSystemNote({ code: 'plan-sent', version: 4, unapproved: true }).params).toBe(
      '{"version":4,"unapproved":true}',
    );
  });

  it('an unknown code or bad parameters read as no system note (the typed note alone is shown)', () => {
    expect(parseSystemNote(null, null)).toBeNull();
    expect(parseSystemNote('from-the-future', {})).toBeNull();
    expect(parseSystemNote('plan-sent', {})).toBeNull();
    expect(parseSystemNote('plan-sent', { unapproved: 'yes' })).toBeNull();
    expect(parseSystemNote('plan-sent', '{not json')).toBeNull();
    expect(parseSystemNote('plan-sent', [1])).toBeNull();
    expect(systemNoteSentence({ code: 'dialogmote1-held' }).nb).toContain('Dialogmøte 1');
  });
});
