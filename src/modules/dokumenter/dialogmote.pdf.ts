/**
 * The minutes of dialogmøte 1 as a PDF (pdfmake, loaded lazily on the first PDF like `pdf.ts`): the
 * organisation's name and orgnr, the employee, date (dd.mm.åååå), time and place, the participants,
 * the summary, the agreed actions as a table and "Side x av y". Roboto from the pdfmake package (æøå).
 * No diagnosis field.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';
import { pdfmakeConfigured } from './pdf.ts';

export type ReferatPdfInput = {
  /** Default «Referat fra dialogmøte 1». */
  title?: string;
  subtitle?: string;
  organisation: { name: string; orgnr: string };
  employeeName: string;
  /** YYYY-MM-DD, Oslo. */
  date: string;
  /** HH:MM, Oslo (meetings only). */
  time?: string;
  durationMinutes?: number;
  place?: string;
  participants?: { name: string; role: string }[];
  summary: string;
  actions: { what: string; owner: string; deadline?: string | null | undefined }[];
};

export function referatDocument(input: ReferatPdfInput): TDocumentDefinitions {
  const title = input.title ?? 'Referat fra dialogmøte 1';
  const when =
    input.time === undefined
      ? formatNorwegian(input.date)
      : `${formatNorwegian(input.date)} kl. ${input.time}${input.durationMinutes ? ` (${input.durationMinutes} min)` : ''}`;
  const rows: string[][] = [
    ['Arbeidstaker', input.employeeName],
    ['Dato', when],
    ...(input.place !== undefined ? [['Sted', input.place]] : []),
    ...(input.participants !== undefined
      ? [['Deltakere', input.participants.map((p) => `${p.name} (${p.role})`).join('\n') || '—']]
      : []),
  ];
  const body: Content[] = [
    { text: `${input.organisation.name} · org.nr. ${formatOrgnr(input.organisation.orgnr)}`, style: 'org' },
    { text: title, style: 'title' },
    {
      text: input.subtitle ?? 'Sykefraværsoppfølging — folketrygdloven § 8-7 a og arbeidsmiljøloven § 4-6',
      style: 'muted',
    },
    {
      margin: [0, 8, 0, 8],
      table: {
        widths: [140, '*'],
        body: rows,
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Oppsummering', style: 'h2' },
    { text: input.summary },
    { text: 'Avtalte tiltak', style: 'h2' },
    input.actions.length === 0
      ? { text: 'Ingen avtalte tiltak.', style: 'muted' }
      : {
          table: {
            headerRows: 1,
            widths: ['*', 120, 70],
            body: [
              [
                { text: 'Hva', bold: true },
                { text: 'Ansvarlig', bold: true },
                { text: 'Frist', bold: true },
              ],
              ...input.actions.map((a) => [a.what, a.owner, a.deadline ? formatNorwegian(a.deadline) : '—']),
            ],
          },
          layout: 'lightHorizontalLines',
        },
  ];
  return {
    info: { title: `${title} — ${input.employeeName}`, creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      org: { fontSize: 9, color: '#444444' },
      title: { fontSize: 20, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555', italics: true },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
    },
    content: body,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `${title} · ${formatNorwegian(input.date)}`, fontSize: 8 },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export async function renderReferatPdf(input: ReferatPdfInput): Promise<Buffer> {
  const pdfmake = await pdfmakeConfigured();
  return pdfmake.createPdf(referatDocument(input)).getBuffer();
}
