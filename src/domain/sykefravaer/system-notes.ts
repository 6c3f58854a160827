/**
 * Notes Nærvær itself writes on a case record (a milestone or routine task closed by a document
 * event) are stored as a code with small parameters, never as prose: the reader sees them in their
 * own language, whichever language the writer used. A note a person typed is their text and is shown
 * as typed. Pure: no I/O.
 *
 * - `plan-sent`: the oppfølgingsplan was sent to the sykmelder (aml § 4-6 (3): the employer sends the
 *   plan to the sykmelder). `version` names the plan version sent (on the tasks it closes);
 *   `unapproved` records that the employee had not approved that version.
 * - `dialogmote1-held`: dialogmøte 1 was held and its minutes written (ftrl § 8-7 a, aml § 4-6 (4)).
 */
import { z } from 'zod';
import type { Locale, Text } from '../../i18n/locale.ts';

export const SYSTEM_NOTE_CODES = ['plan-sent', 'dialogmote1-held'] as const;
export type SystemNoteCode = (typeof SYSTEM_NOTE_CODES)[number];

export const SystemNoteSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('plan-sent'),
    version: z.number().int().positive().optional(),
    unapproved: z.boolean(),
  }),
  z.object({ code: z.literal('dialogmote1-held') }),
]);
export type SystemNote = z.infer<typeof SystemNoteSchema>;

/** The stored form: the code and its parameters (null when there are none), as two columns. */
export function storedSystemNote(note: SystemNote): { code: SystemNoteCode; params: string | null } {
  const { code, ...params } = note;
  return { code, params: Object.keys(params).length > 0 ? JSON.stringify(params) : null };
}

/**
 * The code and parameters read back (jsonb arrives parsed on PostgreSQL, as text on some drivers).
 * An unknown code or malformed parameters (a row written by a newer Nærvær) give null: the record's
 * own note, if any, is then shown alone.
 */
export function parseSystemNote(code: string | null, params: unknown): SystemNote | null {
  if (code === null) return null;
  let values: unknown = params ?? {};
  if (typeof values === 'string') {
    try {
      values = JSON.parse(values);
    } catch {
      return null;
    }
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const parsed = SystemNoteSchema.safeParse({ ...values, code });
  return parsed.success ? parsed.data : null;
}

const UNAPPROVED: Text = {
  nb: 'Planen var ikke godkjent av arbeidstakeren.',
  en: 'The employee had not approved the plan.',
};

/** The fixed sentence of each code in both languages (the part a typed note may replace). */
export function systemNoteSentence(note: SystemNote): Text {
  switch (note.code) {
    case 'plan-sent':
      return note.version === undefined
        ? {
            nb: 'Oppfølgingsplanen er sendt til sykmelder.',
            en: 'The follow-up plan has been sent to the doctor (sykmelder).',
          }
        : {
            nb: `Oppfølgingsplanen (versjon ${note.version}) er sendt til sykmelder.`,
            en: `The follow-up plan (version ${note.version}) has been sent to the doctor (sykmelder).`,
          };
    case 'dialogmote1-held':
      return {
        nb: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
        en: 'Dialogue meeting 1 has been held; the minutes are written.',
      };
  }
}

/**
 * The note a reader sees on a record: the typed note (`typed`, e.g. the note given when the plan was
 * sent) in place of the code's fixed sentence, followed by what the code adds whatever was typed (an
 * unapproved plan says so). Without a code, the typed note as it is.
 */
export function renderRecordNote(
  record: { typed: string | null; system: SystemNote | null },
  locale: Locale,
): string | null {
  const { typed, system } = record;
  if (system === null) return typed;
  const main = typed ?? systemNoteSentence(system)[locale];
  if (system.code === 'plan-sent' && system.unapproved) return `${main} ${UNAPPROVED[locale]}`;
  return main;
}
