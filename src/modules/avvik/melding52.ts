/**
 * The written confirmation of a § 5-2 notice as a pre-filled PDF (aml § 5-2: when an employee is
 * killed or seriously injured at work, the employer notifies Arbeidstilsynet and the police «på
 * hurtigste måte» and confirms it in writing, with a copy to the verneombud).
 *
 * Filled in with what Nærvær knows — the employer, the place, the time, the work being done, what
 * happened, the presumed causes, the immediate action, when Arbeidstilsynet, the police and the VO
 * were told (the checklist) — for the employer to check, complete and send. Nothing more:
 * - no diagnosis: the injury is the § 5-1 register's description «med vanlige ord» (aml § 5-1 (2),
 *   the register holds no medical information), with the line saying not to add a diagnosis;
 * - the injured person is not stored by Nærvær, so name, date of birth and occupation are blank lines
 *   the employer fills in on paper; the reporter is never named.
 * Only a handler of the avvik (admin, HR, the unit's leader) gets it, only for an avvik flagged
 * «alvorlig skade / dødsfall»; every download is an audit row (`export`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../../db/schema.ts';
import type { AlarmStep } from '../../domain/avvik/index.ts';
import { formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { mustHandle } from './avvik.service.ts';

// ——— pdfmake, loaded on the first PDF (as the dokumenter module does; fonts from the package) ———

const fontsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
);
type PdfMake = typeof import('pdfmake');
let loaded: Promise<PdfMake> | undefined;

function pdfmake(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then((module) => {
    const pm = ((module as { default?: PdfMake }).default ?? module) as PdfMake;
    const roboto = path.join(fontsDir, 'Roboto');
    pm.setFonts({
      Roboto: {
        normal: path.join(roboto, 'Roboto-Regular.ttf'),
        bold: path.join(roboto, 'Roboto-Medium.ttf'),
        italics: path.join(roboto, 'Roboto-Italic.ttf'),
        bolditalics: path.join(roboto, 'Roboto-MediumItalic.ttf'),
      },
    });
    pm.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontsDir));
    pm.setUrlAccessPolicy(() => false);
    return pm;
  });
  return loaded;
}

// ——— The document ———————————————————————————————————————————————————————————————————————

/** Arbeidstilsynet's address for the written confirmation (sent by post, per Arbeidstilsynet). */
export const ARBEIDSTILSYNET_POST = 'Arbeidstilsynet, Postboks 4720 Torgarden, 7468 Trondheim';

export type Melding52Input = {
  organisation: { name: string; orgnr: string };
  place: { unit: string | null; verneomrader: string[] };
  occurredAt: Date;
  workTask: string;
  courseOfEvents: string;
  presumedCauses: string;
  injuryDescription: string;
  immediateAction: string;
  /** When each step of the § 5-2 checklist was recorded done. */
  steps: Partial<Record<AlarmStep, Date>>;
  /** The due date of the written confirmation task (next working day; product default). */
  due: IsoDate | null;
  /** The day the PDF was made (Oslo). */
  madeOn: IsoDate;
};

const osloParts = (d: Date) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
};

/** dd.mm.åååå kl. hh:mm in Norwegian time. */
export function osloDateTime(d: Date): string {
  const p = osloParts(d);
  return `${formatNorwegian(p.date)} kl. ${p.time}`;
}

const BLANK = '______________________________';
const orBlank = (text: string) => (text.trim() === '' ? BLANK : text.trim());
const stepText = (at: Date | undefined) => (at ? osloDateTime(at) : 'Ikke registrert i Nærvær');

export function melding52Document(input: Melding52Input): TDocumentDefinitions {
  const row = (label: string, value: string): Content[] => [{ text: label, bold: true }, value];
  const table = (rows: Content[][]): Content => ({
    table: { widths: [170, '*'], body: rows },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  });
  const place = [
    input.place.unit ?? 'Ikke oppgitt',
    ...(input.place.verneomrader.length > 0 ? [`verneområde ${input.place.verneomrader.join(', ')}`] : []),
  ].join(', ');
  const body: Content[] = [
    { text: 'Melding om dødsfall eller alvorlig personskade', style: 'title' },
    { text: 'Skriftlig bekreftelse av varsel etter arbeidsmiljøloven § 5-2', style: 'subtitle' },
    {
      text:
        'Utkast fylt ut av Nærvær med det virksomheten har registrert. Kontroller opplysningene, fyll ut ' +
        'det som mangler og send meldingen på Arbeidstilsynets skjema. Send kopi til verneombudet.',
      style: 'note',
    },
    { text: '1. Virksomheten (arbeidsgiver)', style: 'h2' },
    table([
      row('Navn', input.organisation.name),
      row('Organisasjonsnummer', formatOrgnr(input.organisation.orgnr)),
      row('Adresse', BLANK),
      row('Kontaktperson og telefon', BLANK),
    ]),
    { text: '2. Ulykken', style: 'h2' },
    table([
      row('Tidspunkt', osloDateTime(input.occurredAt)),
      row('Sted (enhet)', place),
      row('Adressen til ulykkesstedet', BLANK),
      row('Arbeidet som ble utført', orBlank(input.workTask)),
      row('Hendelsesforløp', orBlank(input.courseOfEvents)),
      row('Antatte årsaker', orBlank(input.presumedCauses)),
      row('Strakstiltak', orBlank(input.immediateAction)),
    ]),
    { text: '3. Skaden', style: 'h2' },
    table([
      row('Type hendelse', 'Dødsfall eller alvorlig personskade (arbeidsmiljøloven § 5-2)'),
      row('Skaden med vanlige ord', orBlank(input.injuryDescription)),
    ]),
    {
      text: 'Ikke oppgi diagnose eller andre medisinske opplysninger.',
      style: 'note',
    },
    { text: '4. Den skadde', style: 'h2' },
    {
      text: 'Nærvær lagrer ikke hvem som ble skadet. Fylles ut av arbeidsgiver.',
      style: 'note',
    },
    table([row('Navn', BLANK), row('Fødselsdato', BLANK), row('Stilling', BLANK)]),
    { text: '5. Varsling', style: 'h2' },
    table([
      row('Arbeidstilsynet varslet på telefon', stepText(input.steps['ring-arbeidstilsynet'])),
      row('Politiet varslet', stepText(input.steps['ring-politi'])),
      row('Verneombudet informert', stepText(input.steps['informer-verneombud'])),
    ]),
    { text: '6. Sendes til', style: 'h2' },
    table([
      row('Arbeidstilsynet', ARBEIDSTILSYNET_POST),
      row('Kopi', 'Verneombudet (arbeidsmiljøloven § 5-2)'),
      ...(input.due
        ? [row('Frist i Nærvær', `${formatNorwegian(input.due)} (neste virkedag, anbefalt frist)`)]
        : []),
    ]),
    { text: `Laget i Nærvær ${formatNorwegian(input.madeOn)}. Ikke sendt.`, style: 'note' },
  ];
  return {
    info: { title: 'Melding om dødsfall eller alvorlig personskade (aml § 5-2)', creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    content: body,
    footer: (current: number, total: number) => ({
      text: `Side ${current} av ${total}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
      note: { fontSize: 9, italics: true, margin: [0, 0, 0, 6] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  };
}

export async function renderMelding52(input: Melding52Input): Promise<Buffer> {
  const pm = await pdfmake();
  return pm.createPdf(melding52Document(input)).getBuffer();
}

/** The PDF of one avvik for a handler; 404 when not theirs, 409 when not flagged § 5-2. */
export async function melding52Pdf(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<{ pdf: Buffer; filename: string }> {
  const { row } = await mustHandle(db, actor, id);
  if (row.serious !== true) {
    throw conflict(
      {
        nb: 'Avviket er ikke merket som alvorlig skade eller dødsfall (aml § 5-2).',
        en: 'The deviation is not marked as a serious injury or death (aml § 5-2).',
      },
      'WRONG_STATE',
    );
  }
  const org = actor.organisationId;
  const [organisation, injury, unit, areas, steps, task] = await Promise.all([
    db.selectFrom('organisation').select(['name', 'orgnr']).where('id', '=', org).executeTakeFirstOrThrow(),
    db
      .selectFrom('avvik_injury')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .executeTakeFirst(),
    row.unit_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('unit')
          .select('name')
          .where('organisation_id', '=', org)
          .where('id', '=', row.unit_id)
          .executeTakeFirst(),
    row.unit_id === null
      ? Promise.resolve([])
      : db
          .selectFrom('verneomrade_unit as vu')
          .innerJoin('verneomrade as v', (j) =>
            j.onRef('v.organisation_id', '=', 'vu.organisation_id').onRef('v.id', '=', 'vu.verneomrade_id'),
          )
          .select('v.name')
          .where('vu.organisation_id', '=', org)
          .where('vu.unit_id', '=', row.unit_id)
          .orderBy('v.name')
          .execute(),
    db
      .selectFrom('avvik_alarm_step')
      .select(['step', 'done_at'])
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .execute(),
    db
      .selectFrom('avvik_task')
      .select('due')
      .where('organisation_id', '=', org)
      .where('avvik_id', '=', id)
      .where('kind', '=', 'skriftlig-bekreftelse')
      .executeTakeFirst(),
  ]);
  const pdf = await renderMelding52({
    organisation,
    place: { unit: unit?.name ?? null, verneomrader: areas.map((a) => a.name) },
    occurredAt: injury?.occurred_at ?? row.occurred_at,
    workTask: injury?.work_task ?? '',
    courseOfEvents: injury?.course_of_events ?? row.description,
    presumedCauses: injury?.presumed_causes ?? row.cause,
    injuryDescription: injury?.injury_description ?? '',
    immediateAction: row.immediate_action,
    steps: Object.fromEntries(steps.map((s) => [s.step, s.done_at])),
    due: task?.due ?? null,
    madeOn: today,
  });
  // A download of personal data: an event in the audit log (who, which avvik), not a change.
  await writeAudit(db, actor, { action: 'export', entityType: 'avvik_melding52', entityId: id });
  return { pdf, filename: `melding-aml-5-2-${today}.pdf` };
}
